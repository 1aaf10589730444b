// The comparison's progress on the page: one labelled <progress> per file (bytes read of the
// file's size, rows so far in the text beside it) and a Cancel button, shown while a comparison
// runs. Built here (not in compare.html) so the page's markup stays as the rendering modules own it.
import { formatCount } from '../format.js';
import './progress.css';

const SIDES = [
  ['reference', 'Reference (P)'],
  ['current', 'Current (Q)'],
];

/** Least time between two redraws of the bars, ms. */
const REDRAW_MS = 200;

const megabytes = (bytes) => (bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`);

/**
 * Creates the progress panel before `anchor` (hidden until start()).
 * @param {HTMLElement} anchor the element the panel goes before (#status)
 * @param {() => void} onCancel called when Cancel is pressed
 */
export function createProgress(anchor, onCancel) {
  const panel = document.createElement('div');
  panel.id = 'progress';
  panel.className = 'progress-panel';
  panel.hidden = true;
  const bars = {};
  for (const [side, label] of SIDES) {
    const row = document.createElement('div');
    row.className = 'progress-row';
    const name = document.createElement('label');
    name.id = `${side}-progress-label`;
    name.htmlFor = `${side}-progress`;
    name.textContent = label;
    const bar = document.createElement('progress');
    bar.id = `${side}-progress`;
    bar.max = 1;
    bar.value = 0;
    const text = document.createElement('span');
    text.id = `${side}-progress-text`;
    text.className = 'progress-text';
    bar.setAttribute('aria-describedby', text.id);
    row.append(name, bar, text);
    panel.append(row);
    bars[side] = { bar, text };
  }
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.id = 'cancel';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', onCancel);
  panel.append(cancel);
  anchor.before(panel);

  let latest = null; // the last progress given, drawn by draw()
  let drawnAt = -Infinity;
  let timer = 0;
  const doneShown = { reference: false, current: false };
  return {
    start(names) {
      clearTimeout(timer);
      timer = 0;
      latest = null;
      drawnAt = -Infinity;
      for (const [side] of SIDES) {
        doneShown[side] = false;
        bars[side].bar.removeAttribute('value'); // indeterminate until the first report
        bars[side].text.textContent = `${names[side]}: starting…`;
      }
      panel.hidden = false;
    },
    /**
     * progress: { reference, current } of compareFiles' onProgress. Drawn at most every
     * REDRAW_MS (each redraw lays out and repaints the page, CPU the comparison's workers need);
     * a side that has just finished at once.
     */
    update(progress, names) {
      latest = { progress, names };
      const now = performance.now();
      const newlyDone = SIDES.some(([side]) => progress[side].done && !doneShown[side]);
      if (now - drawnAt >= REDRAW_MS || newlyDone) {
        draw();
      } else if (!timer) {
        timer = setTimeout(draw, REDRAW_MS - (now - drawnAt));
      }
    },
    stop() {
      clearTimeout(timer);
      timer = 0;
      latest = null;
      panel.hidden = true;
    },
  };

  function draw() {
    clearTimeout(timer);
    timer = 0;
    drawnAt = performance.now();
    if (!latest) return;
    const { progress, names } = latest;
    for (const [side] of SIDES) {
      const p = progress[side];
      const { bar, text } = bars[side];
      if (p.totalBytes) {
        bar.max = p.totalBytes;
        bar.value = p.bytes;
      }
      const of = p.totalBytes ? ` of ${megabytes(p.totalBytes)}` : '';
      text.textContent = `${names[side]}: ${megabytes(p.bytes)}${of}, ${formatCount(p.rows)} rows${p.done ? ', done' : ''}`;
      doneShown[side] = Boolean(p.done);
    }
  }
}
