// Everything the page shows of one report: the verdict line, the sortable/filterable table, the
// one-side column lists, the per-column details, and the export buttons (which export the report on
// screen). The controls (filters, counts/percent toggle, exports) are wired once, on first use.
import { setupExports } from './export.js';
import { renderHistograms, setHistogramMode } from './histogram.js';
import { renderOnlyIn, renderTable, setupFilters } from './table.js';
import { renderVerdict } from './verdict.js';

const $ = (id) => document.getElementById(id);
let shown = null;
let updateExports = () => {};
let wired = false;

function wire() {
  wired = true;
  setupFilters({ text: $('filter-text'), driftedOnly: $('filter-drifted'), type: $('filter-type') });
  for (const radio of document.querySelectorAll('input[name="hist-mode"]')) {
    radio.addEventListener('change', () => radio.checked && setHistogramMode(radio.value));
  }
  updateExports = setupExports($('exports'), () => shown);
}

/**
 * Shows a report.
 * @param {object} report a CompareReport
 * @param {string} label the pair's name, used for export file names
 */
export function renderReport(report, label) {
  if (!wired) wire();
  renderVerdict($('verdict'), report);
  renderTable($('results'), report, (n, total) => {
    $('filter-count').textContent = n === total ? `All ${total} columns shown.` : `${n} of ${total} columns shown.`;
  });
  renderOnlyIn($('only-in-reference'), report.only_in_reference);
  renderOnlyIn($('only-in-current'), report.only_in_current);
  renderHistograms($('histograms'), report);
  shown = { report, label };
  updateExports();
}
