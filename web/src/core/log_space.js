// Log-space helpers, batches of rows and the logits gradient (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';
import { discreteOptions, scaleOf } from './options.js';

export function logSumExp(x) {
  const module = wasm('logSumExp');
  checkArray(x, 'x');
  return withHeapArrays(module, [x], (xp) => module.logSumExp(xp, x.length));
}

export function logSoftmax(x) {
  const module = wasm('logSoftmax');
  checkArray(x, 'x');
  return withHeapArrays(
    module,
    [x],
    (xp, out) => {
      module.logSoftmax(xp, x.length, out);
    },
    [x.length],
  );
}

export function softmax(x) {
  return logSoftmax(x).map(Math.exp);
}

/** Flattens number[][] (rows of equal length) or passes a flat array through with `rows`. */
function matrix(value, name, rows) {
  if (Array.isArray(value) && value.length > 0 && (Array.isArray(value[0]) || ArrayBuffer.isView(value[0]))) {
    const cols = value[0].length;
    const flat = new Float64Array(value.length * cols);
    value.forEach((row, r) => {
      checkArray(row, `${name}[${r}]`);
      if (row.length !== cols) throw new RangeError(`${name}: row ${r} has length ${row.length}, row 0 has ${cols}`);
      flat.set(row, r * cols);
    });
    return { flat, rows: value.length };
  }
  checkArray(value, name);
  if (rows === undefined) throw new TypeError(`rows: required when ${name} is a flat array`);
  return { flat: value, rows };
}

export function klDivergenceRows(p, q, options = {}) {
  const module = wasm('klDivergenceRows');
  const a = matrix(p, 'p', options.rows);
  const b = matrix(q, 'q', options.rows ?? a.rows);
  if (!Number.isInteger(a.rows)) throw new TypeError(`rows: expected an integer, got ${a.rows}`);
  const pScale = scaleOf(options.pScale, 'pScale');
  const qScale = scaleOf(options.qScale, 'qScale');
  const opts = discreteOptions(options, 'klDivergenceRows', ['rows', 'pScale', 'qScale']);
  return withHeapArrays(
    module,
    [a.flat, b.flat],
    (pp, qp, out) => {
      module.klRows(pp, a.flat.length, pScale, qp, b.flat.length, qScale, a.rows, ...opts, out);
    },
    [Math.max(a.rows, 0)],
  );
}

export function klLogitsGradient(p, z, options) {
  const module = wasm('klLogitsGradient');
  checkArray(p, 'p');
  checkArray(z, 'z');
  const [, normalize, smoothing, amount] = discreteOptions(options, 'klLogitsGradient');
  return withHeapArrays(
    module,
    [p, z],
    (pp, zp, out) => {
      module.klLogitsGradient(pp, p.length, zp, z.length, normalize, smoothing, amount, out);
    },
    [z.length],
  );
}
