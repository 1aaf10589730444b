// A polite live region inside a widget's shadow root: screen readers hear the settled result after
// the user stops moving a slider, not every intermediate value.

/**
 * Creates a visually hidden status region and returns announce(message).
 * @param {ParentNode} parent where to append the region
 * @param {number} [delay=500] milliseconds of quiet before announcing
 */
export function createAnnouncer(parent, delay = 500) {
  const region = document.createElement('div');
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.setAttribute('part', 'announcer');
  parent.append(region);
  let timer = 0;
  const announce = (message) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Identical text set again is not re-announced: clear first.
      if (region.textContent === message) region.textContent = '';
      region.textContent = message;
    }, delay);
  };
  announce.region = region;
  announce.cancel = () => clearTimeout(timer);
  return announce;
}
