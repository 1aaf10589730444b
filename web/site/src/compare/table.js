// The results table: one row per compared column (the drift decision first, then the divergences),
// every metric cell carrying its full-precision value in data-value. Sortable (a button in each
// column header, aria-sort on the header) and filterable (name text, drifted only, type); the sort
// and the filters survive a new report.
import { formatCount, formatCutoff, formatNumber } from '../format.js';

const TEXT = 'text';
const COUNT = 'count';
const NUMBER = 'number';

/**
 * The columns after Column: key (data-metric), header text, unit line, kind, value getter, title.
 * The first eight keys are the drift decision (drift.hpp); the rest are the report's counts and metrics.
 */
const COLUMNS = [
  { key: 'type', label: 'Type', kind: TEXT, get: (c) => c.type },
  { key: 'drifted', label: 'Drifted', kind: TEXT, get: (c) => (c.error ? 'error' : c.drift?.drifted ? 'yes' : 'no'), title: 'Drift decision of the column under the preset' },
  { key: 'drift_test', label: 'Test', kind: TEXT, get: (c) => c.drift?.test ?? '', title: 'The test or distance that decides drift (preset and column type)' },
  { key: 'drift_score', label: 'Score', kind: NUMBER, get: (c) => c.drift?.score, title: 'The test’s score (a p-value or a distance)' },
  { key: 'drift_threshold', label: 'Threshold', kind: NUMBER, get: (c) => c.drift?.threshold, title: 'Drift when the score passes this threshold (see rule)', format: formatCutoff },
  { key: 'drift_pvalue', label: 'p-value', kind: NUMBER, get: (c) => c.drift?.pvalue, title: 'p-value of the test, when the test has one' },
  { key: 'effect_size', label: 'Effect size', kind: NUMBER, get: (c) => c.drift?.effect_size, title: 'Effect size shown beside the p-value', unit: (c) => c.drift?.effect_size_name },
  { key: 'missing_change', label: 'Missing change', kind: NUMBER, get: (c) => c.missing_change?.change, title: 'Share of missing values, current minus reference' },
  { key: 'n_ref', label: 'n P', kind: COUNT, get: (c) => c.n_ref, title: 'Non-missing values in the reference' },
  { key: 'missing_ref', label: 'missing P', kind: COUNT, get: (c) => c.missing_ref, title: 'Missing values in the reference' },
  { key: 'n_cur', label: 'n Q', kind: COUNT, get: (c) => c.n_cur, title: 'Non-missing values in the current file' },
  { key: 'missing_cur', label: 'missing Q', kind: COUNT, get: (c) => c.missing_cur, title: 'Missing values in the current file' },
  { key: 'kl_ref_cur_raw', label: 'KL raw P‖Q', kind: NUMBER, get: (c) => c.metrics?.kl_ref_cur_raw, title: 'KL(P‖Q) on raw bin shares, nats' },
  { key: 'kl_cur_ref_raw', label: 'KL raw Q‖P', kind: NUMBER, get: (c) => c.metrics?.kl_cur_ref_raw, title: 'KL(Q‖P) on raw bin shares, nats' },
  { key: 'kl_ref_cur_smoothed', label: 'KL smoothed P‖Q', kind: NUMBER, get: (c) => c.metrics?.kl_ref_cur_smoothed, title: 'KL(P‖Q) after smoothing empty bins, nats' },
  { key: 'kl_cur_ref_smoothed', label: 'KL smoothed Q‖P', kind: NUMBER, get: (c) => c.metrics?.kl_cur_ref_smoothed, title: 'KL(Q‖P) after smoothing empty bins, nats' },
  { key: 'js_distance_base_e', label: 'JS distance', kind: NUMBER, get: (c) => c.metrics?.js_distance_base_e, title: 'Jensen–Shannon distance, base e' },
  { key: 'psi_smoothed', label: 'PSI', kind: NUMBER, get: (c) => c.metrics?.psi_smoothed, title: 'Population Stability Index on smoothed bins' },
  { key: 'ks_statistic', label: 'KS D', kind: NUMBER, get: (c) => c.metrics?.ks_statistic, title: 'Two-sample Kolmogorov–Smirnov statistic (numeric columns; marked on the ECDF plot)' },
];
const FAILED_SPAN = COLUMNS.length - 1; // after Column and Type

/** Sort and filter state, kept across reports. */
const state = { key: null, direction: 'ascending', text: '', driftedOnly: false, type: '' };
let current = { table: null, report: null, onShow: null };

/** The bin (numeric) or category (categorical) counts of a column, per side. */
export function countsOf(column) {
  if (column.type === 'numeric' && column.bins) return { ref: column.bins.ref_counts, cur: column.bins.cur_counts };
  if (column.ref_counts) return { ref: column.ref_counts, cur: column.cur_counts };
  return { ref: [], cur: [] };
}

/** The id of a column's details card (histogram.js uses the same). */
export const detailsId = (index) => `details-${index}`;

function cell(spec, column) {
  const value = spec.get(column);
  const td = document.createElement('td');
  td.dataset.metric = spec.key;
  td.dataset.value = value === undefined || value === null ? '' : String(value);
  if (spec.kind === TEXT) {
    td.className = `text ${spec.key}`;
    td.textContent = value;
  } else {
    td.textContent = spec.kind === COUNT ? formatCount(value) : (spec.format ?? formatNumber)(value);
    const unit = spec.unit?.(column);
    if (unit) {
      const small = document.createElement('span');
      small.className = 'units';
      small.textContent = unit;
      td.append(small);
    }
  }
  if (value === Infinity) {
    td.classList.add('infinite');
    td.title = `${spec.title}: infinite, a bin is empty on one side only`;
  } else if (spec.title) {
    td.title = spec.title;
  }
  return td;
}

function row(column, index) {
  const tr = document.createElement('tr');
  tr.dataset.column = column.name;
  tr.dataset.type = column.type;
  tr.dataset.index = String(index);
  const counts = countsOf(column);
  tr.dataset.refCounts = JSON.stringify(counts.ref);
  tr.dataset.curCounts = JSON.stringify(counts.cur);
  if (column.drift?.drifted) tr.classList.add('drifted');

  const name = document.createElement('th');
  name.scope = 'row';
  const link = document.createElement('a');
  link.href = `#${detailsId(index)}`;
  link.textContent = column.name === '' ? '(unnamed)' : column.name;
  link.title = `Details of ${column.name}`;
  name.append(link);
  tr.append(name, cell(COLUMNS[0], column));

  if (column.error) {
    tr.classList.add('failed');
    const td = document.createElement('td');
    td.className = 'failed';
    td.colSpan = FAILED_SPAN;
    td.textContent = `Not compared: ${column.error}`;
    tr.append(td);
    return tr;
  }
  for (const spec of COLUMNS.slice(1)) tr.append(cell(spec, column));
  return tr;
}

function sortValue(spec, column) {
  const v = spec.get(column);
  if (spec.kind === TEXT) return v ?? '';
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

function compareColumns(spec, direction) {
  const sign = direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = spec ? sortValue(spec, a.column) : a.column.name;
    const y = spec ? sortValue(spec, b.column) : b.column.name;
    if (x === y) return a.index - b.index;
    if (x === null) return 1; // undefined values last in both directions
    if (y === null) return -1;
    if (typeof x === 'string') return sign * x.localeCompare(y) || a.index - b.index;
    return sign * (x < y ? -1 : 1);
  };
}

function matches(column) {
  if (state.text && !column.name.toLowerCase().includes(state.text.toLowerCase())) return false;
  if (state.driftedOnly && !column.drift?.drifted) return false;
  if (state.type && column.type !== state.type) return false;
  return true;
}

function header(table) {
  const thead = table.tHead ?? table.createTHead();
  const tr = document.createElement('tr');
  const specs = [{ key: 'name', label: 'Column', kind: TEXT, title: 'Column name' }, ...COLUMNS];
  for (const spec of specs) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.key = spec.key;
    if (spec.kind === TEXT) th.className = 'text';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = spec.label;
    const arrow = document.createElement('span');
    arrow.className = 'sort-arrow';
    arrow.setAttribute('aria-hidden', 'true');
    button.append(arrow);
    if (spec.title) button.title = `${spec.title}. Sort by this column.`;
    button.addEventListener('click', () => {
      if (state.key === spec.key) state.direction = state.direction === 'ascending' ? 'descending' : 'ascending';
      else {
        state.key = spec.key;
        state.direction = spec.kind === TEXT ? 'ascending' : 'descending';
      }
      apply();
    });
    th.append(button);
    tr.append(th);
  }
  thead.replaceChildren(tr);
}

/** Orders and hides the body rows per state; says how many are shown. */
function apply() {
  const { table, report, onShow } = current;
  if (!table || !report || report.columns.length === 0) return;
  for (const th of table.tHead.rows[0].cells) {
    if (th.dataset.key === state.key) th.setAttribute('aria-sort', state.direction);
    else th.removeAttribute('aria-sort');
  }
  const spec = state.key === 'name' || !state.key ? null : COLUMNS.find((s) => s.key === state.key);
  const body = table.tBodies[0];
  const rows = new Map([...body.rows].map((tr) => [Number(tr.dataset.index), tr]));
  const items = report.columns.map((column, index) => ({ column, index }));
  if (state.key) items.sort(compareColumns(spec, state.direction));
  let shown = 0;
  for (const { column, index } of items) {
    const tr = rows.get(index);
    tr.hidden = !matches(column);
    if (!tr.hidden) shown += 1;
    body.append(tr);
  }
  onShow?.(shown, report.columns.length);
}

/**
 * Replaces the table (header and body) with the report's columns, sorted and filtered per the
 * current state.
 * @param {HTMLTableElement} table
 * @param {object} report a CompareReport
 * @param {(shown: number, total: number) => void} [onShow] told how many rows pass the filters
 */
export function renderTable(table, report, onShow) {
  current = { table, report, onShow };
  if (!table.tHead || table.tHead.rows.length !== 1 || !table.tHead.querySelector('button.sort')) header(table);
  const body = table.tBodies[0] ?? table.createTBody();
  if (report.columns.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = COLUMNS.length + 1;
    td.className = 'failed';
    td.textContent = 'The two files have no column name in common, so nothing was compared.';
    tr.append(td);
    body.replaceChildren(tr);
    onShow?.(0, 0);
    return;
  }
  body.replaceChildren(...report.columns.map(row));
  apply();
}

/**
 * Wires the filter controls once: a text field (column name contains), a "drifted only" checkbox and
 * a type select ("" = all types).
 */
export function setupFilters({ text, driftedOnly, type }) {
  text.addEventListener('input', () => {
    state.text = text.value.trim();
    apply();
  });
  driftedOnly.addEventListener('change', () => {
    state.driftedOnly = driftedOnly.checked;
    apply();
  });
  type.addEventListener('change', () => {
    state.type = type.value;
    apply();
  });
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
