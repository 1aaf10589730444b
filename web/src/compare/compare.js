// Comparing a reference file with a current file (CSV/TSV or JSON Lines), parsed and measured
// by the WASM core. compare() takes every option of the engine; compareCsv() is the short form
// with only the bin count and the smoothing epsilon.
import { HEAP_LIMIT, tooLarge } from '../core/arrays.js';
import { wasm } from '../core/module.js';
import { optionLines } from './options.js';

const encoder = new TextEncoder();

/**
 * Keys whose values are text (names, labels, option strings): a category or column literally
 * called "inf" stays a string there. Everywhere else the report writes +-infinity as "inf" /
 * "-inf" (JSON has no infinity), which become Infinity / -Infinity.
 */
const TEXT_KEYS = new Set([
  'schema', 'options', 'name', 'error', 'categories', 'only_in_ref', 'only_in_cur', 'only_in_reference',
  'only_in_current', 'approximate_columns', 'kind', 'test', 'rule', 'effect_size_name', 'ks_method', 'level',
  'method', 'format', 'delimiter', 'type', 'type_source',
]);

function bytesOf(input, name) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof input === 'string') return encoder.encode(input);
  throw new TypeError(`${name}: expected the file contents as a Uint8Array, ArrayBuffer or string, got ${input === null ? 'null' : typeof input}`);
}

/** Replaces "inf" / "-inf" by +-Infinity outside the TEXT_KEYS subtrees, in place. */
export function reviveInfinities(node) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = reviveValue(node[i]);
  } else if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      if (!TEXT_KEYS.has(key)) node[key] = reviveValue(node[key]);
    }
  }
  return node;
}

function reviveValue(value) {
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  return typeof value === 'object' ? reviveInfinities(value) : value;
}

/** Copies both files into the heap, runs `call(refPtr, refLen, curPtr, curLen)`, frees them. */
function withFiles(module, ref, cur, call) {
  if (ref.length + cur.length >= HEAP_LIMIT) throw tooLarge(ref.length + cur.length);
  const refPtr = module._malloc(Math.max(1, ref.length));
  const curPtr = module._malloc(Math.max(1, cur.length));
  try {
    if (refPtr === 0 || curPtr === 0) throw tooLarge(ref.length + cur.length);
    module.HEAPU8.set(ref, refPtr);
    module.HEAPU8.set(cur, curPtr);
    return call(refPtr, ref.length, curPtr, cur.length);
  } finally {
    module._free(refPtr);
    module._free(curPtr);
  }
}

/**
 * Compares two files column by column with every option of the engine (documented in ../index.d.ts).
 * @returns {string} the report as JSON text, exactly as the engine wrote it (schema @2)
 */
export function compareJson(reference, current, options = {}) {
  const module = wasm('compareJson');
  const ref = bytesOf(reference, 'reference');
  const cur = bytesOf(current, 'current');
  const lines = optionLines(options);
  return withFiles(module, ref, cur, (rp, rn, cp, cn) => module.compareWithOptions(rp, rn, cp, cn, lines));
}

/** compareJson, parsed, with "inf" / "-inf" turned into Infinity / -Infinity. */
export function compare(reference, current, options = {}) {
  return reviveInfinities(JSON.parse(compareJson(reference, current, options)));
}

/**
 * Compares two CSV files column by column (documented in ../index.d.ts).
 * @returns {object} the report (schema "divergence-lab/compare-report@2")
 */
export function compareCsv(reference, current, options = {}) {
  const module = wasm('compareCsv');
  const ref = bytesOf(reference, 'reference');
  const cur = bytesOf(current, 'current');
  const bins = options.bins ?? 20;
  const epsilon = options.epsilon ?? 1e-4;
  if (!Number.isInteger(bins) || bins < 1 || bins > 10000) {
    throw new RangeError(`bins: expected an integer from 1 to 10000, got ${bins}`);
  }
  if (typeof epsilon !== 'number' || !(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`epsilon: expected a finite number > 0, got ${epsilon}`);
  }
  const json = withFiles(module, ref, cur, (rp, rn, cp, cn) => module.compareCsv(rp, rn, cp, cn, bins, epsilon));
  return reviveInfinities(JSON.parse(json));
}
