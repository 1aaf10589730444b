// Scroll containers that actually scroll must be reachable by keyboard (WCAG 2.1.1; axe rule
// scrollable-region-focusable): while an element's content overflows it, it gets tabindex="0",
// role="group" (not a landmark: several may share a name) and a label; when it fits again, they
// are removed (no needless tab stops).

/**
 * Watches `element` and keeps its keyboard access in step with its overflow.
 * @param {HTMLElement} element a container with overflow: auto
 * @param {string} label accessible name while it scrolls ("Formula", "Results table")
 * @returns {() => void} call after changing the content (sizes of the box itself are observed):
 *   the overflow is read at the start of the next frame, when the layout is clean (reading it at
 *   once would force a layout in the middle of every slider event, and another at the frame)
 */
export function keyboardScrollable(element, label) {
  const update = () => {
    const scrolls = element.scrollWidth > element.clientWidth + 1;
    if (scrolls && element.getAttribute('tabindex') !== '0') {
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'group');
      element.setAttribute('aria-label', label);
    } else if (!scrolls && element.hasAttribute('tabindex')) {
      element.removeAttribute('tabindex');
      element.removeAttribute('role');
      element.removeAttribute('aria-label');
    }
  };
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(update);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
  }
  update();
  if (typeof requestAnimationFrame !== 'function') return update;
  let frame = 0;
  return () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
}
