// The report built by two workers at once (files_browser.js): each holds one whole side, receives
// the other side's state with only the columns it is to compare (streamSerializeColumns), and
// builds that part of the report (streamCompareColumns, report.hpp's compare_datasets with `only`).
// shareColumns decides who compares what; mergeReports puts the parts together into the report
// one worker would have built: the same columns in the same order, the verdict over all of them
// (drift.hpp's dataset_verdict: share = drifted / columns, drifted when columns > 0 and share >=
// threshold), the approximate columns in column order. tests/cpp/test_report_parts.cpp checks the
// core's side of this; tests/js/report_parts.test.js checks these two functions against the whole
// report on every shared pair.

/**
 * Shares the columns of both files (each [[name, weight], ...] in file order, as streamColumns
 * gives them; weight ~ cost of the column's part of the report) between the two workers: the
 * common columns, heaviest first, each to the worker with the lighter load so far (ties to the
 * reference worker). Returns { order, reference, current }: order = the common columns in the
 * reference's order; reference = the names the reference worker compares; current = the rest.
 */
export function shareColumns(referenceColumns, currentColumns) {
  const currentWeight = new Map(currentColumns);
  const common = referenceColumns
    .filter(([name]) => currentWeight.has(name))
    .map(([name, weight], index) => ({ name, index, weight: weight + currentWeight.get(name) }));
  const byWeight = [...common].sort((a, b) => b.weight - a.weight || a.index - b.index);
  const load = { reference: 0, current: 0 };
  const names = { reference: [], current: [] };
  for (const column of byWeight) {
    const to = load.reference <= load.current ? 'reference' : 'current';
    load[to] += column.weight;
    names[to].push(column.name);
  }
  return { order: common.map((c) => c.name), reference: names.reference, current: names.current };
}

/** The keys every part carries whole (the same in each part). */
const FRAME_KEYS = ['schema', 'options', 'reference', 'current', 'only_in_reference', 'only_in_current'];

/**
 * The whole report from its parts (parsed report JSON objects, each with its own columns and the
 * verdict over them) and `order` (shareColumns's). Throws an Error when the parts disagree on
 * anything but their columns (they come from the same two files and options: a bug if not), or
 * when a column of `order` is in no part, or in two.
 */
export function mergeReports(parts, order) {
  const [first] = parts;
  for (const part of parts.slice(1)) {
    for (const key of FRAME_KEYS) {
      if (JSON.stringify(part[key]) !== JSON.stringify(first[key])) {
        throw new Error(`compareFiles: the report's parts differ in "${key}" (an internal error; please report it)`);
      }
    }
  }
  const byName = new Map();
  for (const part of parts) {
    for (const column of part.columns) {
      if (byName.has(column.name)) throw new Error(`compareFiles: column "${column.name}" is in two parts of the report (an internal error)`);
      byName.set(column.name, column);
    }
  }
  const columns = [];
  for (const name of order) {
    if (!byName.has(name)) throw new Error(`compareFiles: column "${name}" is in no part of the report (an internal error)`);
    columns.push(byName.get(name));
  }
  if (columns.length !== byName.size) throw new Error('compareFiles: the report has a part for a column not shared out (an internal error)');
  const approximate = new Set(parts.flatMap((part) => part.approximate_columns));
  const nDrifted = parts.reduce((sum, part) => sum + part.verdict.n_drifted, 0);
  const nColumns = parts.reduce((sum, part) => sum + part.verdict.n_columns, 0);
  const share = nColumns === 0 ? 0 : nDrifted / nColumns;
  const { threshold } = first.verdict;
  const verdict = { drifted: nColumns > 0 && share >= threshold, share, threshold, n_drifted: nDrifted, n_columns: nColumns };
  return {
    ...first,
    verdict,
    approximate_columns: order.filter((name) => approximate.has(name)),
    columns,
  };
}
