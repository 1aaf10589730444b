// Comparing a reference CSV with a current CSV, parsed and measured by the WASM core.
import { wasm } from '../core/module.js';

const encoder = new TextEncoder();
const NUMERIC_KEY = /^(kl_|psi|js_|tvd|hellinger)/;

function bytesOf(input, name) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof input === 'string') return encoder.encode(input);
  throw new TypeError(`${name}: expected the file contents as a Uint8Array, ArrayBuffer or string, got ${input === null ? 'null' : typeof input}`);
}

/** JSON reviver: metric values written as the string "inf" become Infinity. */
function revive(key, value) {
  if (value === 'inf' && NUMERIC_KEY.test(key)) return Infinity;
  return value;
}

/**
 * Compares two CSV files column by column (documented in ../index.d.ts).
 * @returns {object} the report (schema "divergence-lab/compare-report@1")
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
  const refPtr = module._malloc(Math.max(1, ref.length));
  const curPtr = module._malloc(Math.max(1, cur.length));
  try {
    if (refPtr === 0 || curPtr === 0) throw new RangeError('out of memory: the files are too large for the WebAssembly heap');
    module.HEAPU8.set(ref, refPtr);
    module.HEAPU8.set(cur, curPtr);
    const json = module.compareCsv(refPtr, ref.length, curPtr, cur.length, bins, epsilon);
    return JSON.parse(json, revive);
  } finally {
    module._free(refPtr);
    module._free(curPtr);
  }
}
