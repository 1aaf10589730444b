// The results table: one row per compared column, every metric cell carrying its full-precision
// value in data-value.
import { formatCount, formatNumber } from '../format.js';

const COUNT_KEYS = ['n_ref', 'missing_ref', 'n_cur', 'missing_cur'];
const METRIC_KEYS = [
  'kl_ref_cur_raw',
  'kl_cur_ref_raw',
  'kl_ref_cur_smoothed',
  'kl_cur_ref_smoothed',
  'js_distance_base_e',
  'psi_smoothed',
];
const COLUMN_COUNT = 2 + COUNT_KEYS.length + METRIC_KEYS.length;

const METRIC_TITLES = {
  kl_ref_cur_raw: 'KL(P‖Q) on raw bin shares, nats',
  kl_cur_ref_raw: 'KL(Q‖P) on raw bin shares, nats',
  kl_ref_cur_smoothed: 'KL(P‖Q) after smoothing empty bins, nats',
  kl_cur_ref_smoothed: 'KL(Q‖P) after smoothing empty bins, nats',
  js_distance_base_e: 'Jensen–Shannon distance, base e',
  psi_smoothed: 'Population Stability Index on smoothed bins',
};

/** The bin (numeric) or category (categorical) counts of a column, per side. */
export function countsOf(column) {
  if (column.type === 'numeric' && column.bins) return { ref: column.bins.ref_counts, cur: column.bins.cur_counts };
  if (column.ref_counts) return { ref: column.ref_counts, cur: column.cur_counts };
  return { ref: [], cur: [] };
}

function cell(key, value, format, title) {
  const td = document.createElement('td');
  td.dataset.metric = key;
  td.dataset.value = String(value);
  td.textContent = format(value);
  if (value === Infinity) {
    td.classList.add('infinite');
    td.title = `${title}: infinite, a bin is empty on one side only`;
  } else if (title) {
    td.title = title;
  }
  return td;
}

function row(column) {
  const tr = document.createElement('tr');
  tr.dataset.column = column.name;
  tr.dataset.type = column.type;
  const counts = countsOf(column);
  tr.dataset.refCounts = JSON.stringify(counts.ref);
  tr.dataset.curCounts = JSON.stringify(counts.cur);

  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = column.name;
  name.title = column.name;
  const type = document.createElement('td');
  type.className = 'type';
  type.textContent = column.type;
  tr.append(name, type);

  if (column.error) {
    tr.classList.add('failed');
    const td = document.createElement('td');
    td.className = 'failed';
    td.colSpan = COLUMN_COUNT - 2;
    td.textContent = `Not compared: ${column.error}`;
    tr.append(td);
    return tr;
  }
  for (const key of COUNT_KEYS) tr.append(cell(key, column[key], formatCount));
  for (const key of METRIC_KEYS) tr.append(cell(key, column.metrics[key], formatNumber, METRIC_TITLES[key]));
  return tr;
}

/**
 * Replaces the table body with the report's columns.
 * @param {HTMLTableElement} table
 * @param {object} report a CompareReport
 */
export function renderTable(table, report) {
  const body = table.tBodies[0] ?? table.createTBody();
  if (report.columns.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = COLUMN_COUNT;
    td.className = 'failed';
    td.textContent = 'The two files have no column name in common, so nothing was compared.';
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...report.columns.map(row));
}

/** Fills one of the "only in one file" lists. */
export function renderOnlyIn(list, names) {
  if (names.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'none';
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(
    ...names.map((name) => {
      const li = document.createElement('li');
      li.textContent = name;
      return li;
    }),
  );
}
