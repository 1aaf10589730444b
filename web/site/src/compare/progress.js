// The comparison's progress on the page: one labelled <progress> per file (bytes read of the
// file's size, rows so far in the text beside it) and a Cancel button, shown while a comparison
// runs. Built here (not in compare.html) so the page's markup stays as the rendering modules own it.
import { formatCount } from '../format.js';
import './progress.css';

const SIDES = [
  ['reference', 'Reference (P)'],
  ['current', 'Current (Q)'],
];

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

  return {
    start(names) {
      for (const [side] of SIDES) {
        bars[side].bar.removeAttribute('value'); // indeterminate until the first report
        bars[side].text.textContent = `${names[side]}: starting…`;
      }
      panel.hidden = false;
    },
    /** progress: { reference, current } of compareFiles' onProgress. */
    update(progress, names) {
      for (const [side] of SIDES) {
        const p = progress[side];
        const { bar, text } = bars[side];
        if (p.totalBytes) {
          bar.max = p.totalBytes;
          bar.value = p.bytes;
        }
        const of = p.totalBytes ? ` of ${megabytes(p.totalBytes)}` : '';
        text.textContent = `${names[side]}: ${megabytes(p.bytes)}${of}, ${formatCount(p.rows)} rows${p.done ? ', done' : ''}`;
      }
    },
    stop() {
      panel.hidden = true;
    },
  };
}
