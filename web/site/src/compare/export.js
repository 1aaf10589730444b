// The export buttons: the report shown on the page as JSON (schema divergence-lab/compare-report@2),
// the table as CSV, a self-contained HTML report (summaries only, no script) and a Markdown summary,
// written by the same code as the command line (web/src/report/formats.js) and downloaded through
// Blob URLs (nothing leaves the browser).
import { toCsv, toHtml, toJson, toMarkdown } from '../../../src/report/formats.js';

export const EXPORTS = {
  json: { write: toJson, type: 'application/json', extension: 'json' },
  csv: { write: toCsv, type: 'text/csv', extension: 'csv' },
  html: { write: toHtml, type: 'text/html', extension: 'html' },
  md: { write: toMarkdown, type: 'text/markdown', extension: 'md' },
};

/** A file name from the pair on screen, e.g. "penguins_biscoe_vs_dream-report.md". */
function fileName(label, extension) {
  const base = String(label || 'comparison').replace(/\.(csv|tsv|jsonl?|parquet)\b/gi, '').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'comparison';
  return `${base}-report.${extension}`;
}

/** Starts the download of `text` as a file. */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Wires the buttons inside `container` (each with data-export="json|csv|html|md"); they stay
 * disabled until a report is shown.
 * @param {HTMLElement} container
 * @param {() => {report: object, label: string} | null} current the report on screen
 */
export function setupExports(container, current) {
  const buttons = [...container.querySelectorAll('button[data-export]')];
  const update = () => {
    const on = Boolean(current());
    for (const b of buttons) b.disabled = !on;
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const shown = current();
      const format = EXPORTS[button.dataset.export];
      if (!shown || !format) return;
      download(format.write(shown.report), fileName(shown.label, format.extension), format.type);
    });
  }
  update();
  return update;
}
