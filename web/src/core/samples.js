// Sample-based measures and two-sample tests (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';

const EMPTY = new Float64Array(0);

function optionalArray(value, name) {
  if (value === undefined || value === null) return EMPTY;
  checkArray(value, name);
  return value;
}

function weighted(name) {
  return function distance(uValues, vValues, options = {}) {
    const module = wasm(name);
    checkArray(uValues, 'uValues');
    checkArray(vValues, 'vValues');
    const uWeights = optionalArray(options.uWeights, 'uWeights');
    const vWeights = optionalArray(options.vWeights, 'vWeights');
    return withHeapArrays(module, [uValues, vValues, uWeights, vWeights], (u, v, uw, vw) =>
      module[name](u, uValues.length, v, vValues.length, uw, uWeights.length, vw, vWeights.length),
    );
  };
}

export const wasserstein1 = weighted('wasserstein1');
export const energyDistance = weighted('energyDistance');

function choice(value, allowed, name, fallback) {
  if (value === undefined) return allowed.indexOf(fallback);
  const i = allowed.indexOf(value);
  if (i < 0) throw new TypeError(`${name}: expected ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(value)}`);
  return i;
}

const KS_METHODS = ['auto', 'exact', 'asymp'];
const ALTERNATIVES = ['two-sided', 'less', 'greater'];

export function ks2samp(x, y, options = {}) {
  const module = wasm('ks2samp');
  checkArray(x, 'x');
  checkArray(y, 'y');
  const method = choice(options.method, KS_METHODS, 'method', 'auto');
  const alternative = choice(options.alternative, ALTERNATIVES, 'alternative', 'two-sided');
  const out = withHeapArrays(
    module,
    [x, y],
    (xp, yp, o) => {
      module.ks2samp(xp, x.length, yp, y.length, method, alternative, o);
    },
    [5],
  );
  return {
    statistic: out[0],
    pvalue: out[1],
    method: KS_METHODS[out[2]],
    statisticLocation: out[3],
    statisticSign: out[4],
  };
}

function chiResult(out) {
  return { statistic: out[0], pvalue: out[1], dof: out[2] };
}

function goodnessOfFit(kind, caller) {
  return function test(observed, expected, options = {}) {
    const module = wasm(caller);
    checkArray(observed, 'observed');
    const exp = optionalArray(expected, 'expected');
    const ddof = options.ddof ?? 0;
    if (!Number.isInteger(ddof)) throw new TypeError(`ddof: expected an integer, got ${ddof}`);
    return chiResult(
      withHeapArrays(
        module,
        [observed, exp],
        (o, e, out) => {
          module.goodnessOfFit(kind, o, observed.length, e, exp.length, ddof, out);
        },
        [3],
      ),
    );
  };
}

export const chiSquareGoodnessOfFit = goodnessOfFit(0, 'chiSquareGoodnessOfFit');
export const gTest = goodnessOfFit(1, 'gTest');

export function chiSquareHomogeneity(referenceCounts, currentCounts) {
  const module = wasm('chiSquareHomogeneity');
  checkArray(referenceCounts, 'referenceCounts');
  checkArray(currentCounts, 'currentCounts');
  return chiResult(
    withHeapArrays(
      module,
      [referenceCounts, currentCounts],
      (r, c, out) => {
        module.chiSquareHomogeneity(r, referenceCounts.length, c, currentCounts.length, out);
      },
      [3],
    ),
  );
}

export function klMonteCarlo(logP, logQ) {
  const module = wasm('klMonteCarlo');
  checkArray(logP, 'logP');
  checkArray(logQ, 'logQ');
  const out = withHeapArrays(
    module,
    [logP, logQ],
    (p, q, o) => {
      module.klMonteCarlo(p, logP.length, q, logQ.length, o);
    },
    [2],
  );
  return { estimate: out[0], standardError: out[1] };
}

/** Rows of points (number[][]) or a flat row-major array with `dimensions`. */
function points(value, name, dimensions) {
  if (Array.isArray(value) && value.length > 0 && (Array.isArray(value[0]) || ArrayBuffer.isView(value[0]))) {
    const d = value[0].length;
    const flat = new Float64Array(value.length * d);
    value.forEach((row, r) => {
      checkArray(row, `${name}[${r}]`);
      if (row.length !== d) throw new RangeError(`${name}: point ${r} has ${row.length} coordinates, point 0 has ${d}`);
      flat.set(row, r * d);
    });
    return { flat, d };
  }
  checkArray(value, name);
  return { flat: value, d: dimensions ?? 1 };
}

export function klKnn(x, y, options = {}) {
  const module = wasm('klKnn');
  const a = points(x, 'x', options.dimensions);
  const b = points(y, 'y', options.dimensions ?? a.d);
  const k = options.k ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: must be an integer >= 1 (got ${k})`);
  if (!Number.isInteger(a.d) || a.d < 1) throw new RangeError(`dimensions: must be an integer >= 1 (got ${a.d})`);
  if (a.d !== b.d) throw new RangeError(`y: points have ${b.d} coordinates, x has ${a.d}`);
  const n = Math.floor(a.flat.length / a.d);
  const m = Math.floor(b.flat.length / b.d);
  return withHeapArrays(module, [a.flat, b.flat], (xp, yp) => module.klKnn(xp, a.flat.length, n, yp, b.flat.length, m, a.d, k));
}

export function differentialEntropy(values, options = {}) {
  const module = wasm('differentialEntropy');
  checkArray(values, 'values');
  const windowLength = options.windowLength ?? 0;
  if (!Number.isInteger(windowLength) || windowLength < 0) {
    throw new RangeError(`windowLength: must be an integer >= 1 (got ${windowLength})`);
  }
  return withHeapArrays(module, [values], (xp) => module.differentialEntropy(xp, values.length, windowLength));
}
