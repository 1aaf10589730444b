// Binning two samples on shared bins, and counting categories (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';

const RULES = new Set(['sturges', 'doane', 'fd', 'auto']);
const MAX_BINS = 100000;

/** Parses 'equal-width:20', 'reference-quantile:10', 'auto'|'sturges'|'doane'|'fd' or { edges }. */
function parseBinning(binning) {
  if (binning === undefined) return { kind: 0, count: 20 };
  if (typeof binning === 'object' && binning !== null && 'edges' in binning) {
    checkArray(binning.edges, 'binning.edges');
    return { kind: 3, edges: binning.edges };
  }
  if (typeof binning === 'string') {
    if (RULES.has(binning)) return { kind: 2, rule: binning };
    const m = /^(equal-width|reference-quantile):(\d+)$/.exec(binning);
    if (m) {
      const count = Number(m[2]);
      if (count < 1 || count > MAX_BINS) throw new RangeError(`binning: the bin count must be from 1 to ${MAX_BINS} (got ${count})`);
      return { kind: m[1] === 'equal-width' ? 0 : 1, count };
    }
  }
  throw new RangeError(
    `binning: unknown '${typeof binning === 'string' ? binning : JSON.stringify(binning)}' (known: equal-width:N, reference-quantile:N, auto, sturges, doane, fd, { edges: [...] })`,
  );
}

export function binSamples(reference, current, options = {}) {
  const module = wasm('binSamples');
  checkArray(reference, 'reference');
  checkArray(current, 'current');
  const spec = parseBinning(options.binning);
  const edges = spec.edges ?? [];
  // Worst case: rules cap at 100,000 bins; quantiles at count; explicit edges at their length.
  const bins = spec.kind === 3 ? edges.length : spec.kind === 2 ? MAX_BINS : spec.count;
  const capacity = 4 + 3 * bins;
  const out = withHeapArrays(
    module,
    [reference, current, edges],
    (r, c, e, o) => {
      module.binSamples(spec.kind, r, reference.length, c, current.length, spec.count ?? 0, spec.rule ?? '', e, edges.length, o, capacity);
    },
    [capacity],
  );
  const n = out[0];
  return {
    edges: Array.from(out.subarray(3, 4 + n)),
    referenceCounts: Array.from(out.subarray(4 + n, 4 + 2 * n)),
    currentCounts: Array.from(out.subarray(4 + 2 * n, 4 + 3 * n)),
    referenceOutside: out[1],
    currentOutside: out[2],
  };
}

/** Compares strings by Unicode code point (Python's str order), not by UTF-16 code unit. */
function byCodePoint(a, b) {
  const x = a[Symbol.iterator]();
  const y = b[Symbol.iterator]();
  for (;;) {
    const p = x.next();
    const q = y.next();
    if (p.done || q.done) return p.done === q.done ? 0 : p.done ? -1 : 1;
    const d = p.value.codePointAt(0) - q.value.codePointAt(0);
    if (d !== 0) return d;
  }
}

export function countCategories(reference, current) {
  for (const [value, name] of [[reference, 'reference'], [current, 'current']]) {
    if (!Array.isArray(value)) throw new TypeError(`${name}: expected an array of strings, got ${value === null ? 'null' : typeof value}`);
    value.forEach((v, i) => {
      if (typeof v !== 'string') throw new TypeError(`${name}: entry ${i} is not a string (${v === null ? 'null' : typeof v})`);
    });
  }
  const table = new Map();
  for (const v of reference) table.set(v, [(table.get(v)?.[0] ?? 0) + 1, table.get(v)?.[1] ?? 0]);
  for (const v of current) table.set(v, [table.get(v)?.[0] ?? 0, (table.get(v)?.[1] ?? 0) + 1]);
  const categories = [...table.keys()].sort(byCodePoint);
  return {
    categories,
    referenceCounts: categories.map((c) => table.get(c)[0]),
    currentCounts: categories.map((c) => table.get(c)[1]),
    onlyInReference: categories.filter((c) => table.get(c)[1] === 0),
    onlyInCurrent: categories.filter((c) => table.get(c)[0] === 0),
  };
}
