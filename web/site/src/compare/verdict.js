// The verdict line at the top of the results: dataset drift yes/no, how many columns drifted, their
// share against the threshold, and the preset that decided each column (drift.hpp).
import { formatCutoff } from '../format.js';

const PRESETS = {
  default: 'default preset (KS / chi-square on small reference sets, normed Wasserstein / JS distance on large ones)',
  psi: 'PSI preset (0.1 moderate, 0.25 major)',
  custom: 'custom thresholds',
};

/**
 * Fills the verdict element from a report.
 * @param {HTMLElement} box an element with a .verdict-head and a .verdict-detail child are created inside
 * @param {object} report a CompareReport
 */
export function renderVerdict(box, report) {
  const v = report.verdict;
  const preset = report.options?.preset ?? 'default';
  box.dataset.drifted = String(v.drifted);
  const head = document.createElement('strong');
  head.className = 'verdict-head';
  head.textContent = v.n_columns === 0 ? 'No verdict: no column was compared.' : v.drifted ? 'Dataset drift detected.' : 'No dataset drift.';
  const detail = document.createElement('span');
  detail.className = 'verdict-detail';
  detail.textContent =
    ` ${v.n_drifted} of ${v.n_columns} compared column${v.n_columns === 1 ? '' : 's'} drifted: share ${formatCutoff(v.share, 3)} ` +
    `${v.drifted ? '≥' : '<'} threshold ${formatCutoff(v.threshold)}; ${PRESETS[preset] ?? `preset ${preset}`}.`;
  const approx = report.approximate_columns?.length
    ? ` Approximate (sketched) columns: ${report.approximate_columns.join(', ')}.`
    : '';
  box.replaceChildren(head, detail, approx);
}
