// A debounced polite live region: screen readers hear the settled value, not every slider step.

/**
 * @param {HTMLElement} region an element with aria-live="polite"
 * @param {number} [delay=300] milliseconds of quiet before announcing
 * @returns {(message: string) => void}
 */
export function createAnnouncer(region, delay = 300) {
  let timer = 0;
  return (message) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Re-setting identical text is not announced again; clear first so it is.
      if (region.textContent === message) region.textContent = '';
      region.textContent = message;
    }, delay);
  };
}
