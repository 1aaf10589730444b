// Discrete divergences over arrays of probabilities or counts (documented in ../index.d.ts).
import { callDirect, checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';
import { discreteOptions, scaleOf } from './options.js';

/** klDivergence's options beyond the discrete ones. */
const KL_KEYS = ['pScale', 'qScale'];

/** A measure with a dedicated core function taking (p, q, ...options). */
function pairMeasure(name, extraKeys) {
  return function measure(p, q, options) {
    const module = wasm(name);
    checkArray(p, 'p');
    checkArray(q, 'q');
    const opts = discreteOptions(options, name, extraKeys);
    return withHeapArrays(module, [p, q], (pp, qp) => module[name](pp, p.length, qp, q.length, ...opts));
  };
}

/** A measure that is the sum of the core's pointwise terms of the given name. */
function termMeasure(caller, term) {
  return function measure(p, q, options) {
    const module = wasm(caller);
    checkArray(p, 'p');
    checkArray(q, 'q');
    const opts = discreteOptions(options, caller);
    return withHeapArrays(module, [p, q], (pp, qp) => module.sumTerms(term, pp, p.length, qp, q.length, ...opts));
  };
}

const ERRORS = [null, RangeError, TypeError, Error];

/** A NaN result of a direct export means an error (no measure returns NaN): rethrow it. */
function checked(module, value) {
  if (value === value) return value; // eslint-disable-line no-self-compare
  const kind = module._dl_error_kind();
  if (kind === 0) return value;
  throw new ERRORS[kind](module.lastErrorMessage());
}

/**
 * Calls the plain C export `f` on p (and q, or undefined) with the resolved options, and turns
 * its NaN error signal into the JS error. The defaults (nats, normalized, no smoothing) are
 * passed as literals: reading them from the options array cost about 15 ns a call, a tenth of a
 * call at N = 10 (issue 7).
 */
function callExport(module, f, p, q, options, caller, extraKeys) {
  if (options === undefined) return checked(module, callDirect(module, f, p, q, Math.E, 1, 0, 0));
  const o = discreteOptions(options, caller, extraKeys);
  return checked(module, callDirect(module, f, p, q, o[0], o[1] ? 1 : 0, o[2], o[3]));
}

/**
 * A measure exported as a plain C function (cpp/bindings/direct_measures.cpp): called without
 * Embind's invoker, so calls on small arrays stay cheap.
 */
function directPair(caller, exportName, extraKeys) {
  return function measure(p, q, options) {
    const module = wasm(caller);
    checkArray(p, 'p');
    checkArray(q, 'q');
    return callExport(module, module[exportName], p, q, options, caller, extraKeys);
  };
}

const klProbabilities = directPair('klDivergence', '_dl_kl', KL_KEYS);

export function klDivergence(p, q, options) {
  if (options === undefined) return klProbabilities(p, q);
  const pScale = scaleOf(options?.pScale, 'pScale');
  const qScale = scaleOf(options?.qScale, 'qScale');
  if (pScale === 0 && qScale === 0) return klProbabilities(p, q, options);
  const module = wasm('klDivergence');
  checkArray(p, 'p');
  checkArray(q, 'q');
  const opts = discreteOptions(options, 'klDivergence', KL_KEYS);
  return withHeapArrays(module, [p, q], (pp, qp) => module.klScaled(pp, p.length, pScale, qp, q.length, qScale, ...opts));
}

export const crossEntropy = directPair('crossEntropy', '_dl_cross_entropy');
export const jsDivergence = directPair('jsDivergence', '_dl_js_divergence');
export const jsDistance = directPair('jsDistance', '_dl_js_distance');
export const psi = termMeasure('psi', 'jeffreys');
export const jeffreys = termMeasure('jeffreys', 'jeffreys');
export const totalVariation = termMeasure('totalVariation', 'total-variation');
export const hellinger = pairMeasure('hellinger');
export const bhattacharyyaCoefficient = termMeasure('bhattacharyyaCoefficient', 'bhattacharyya');
export const bhattacharyyaDistance = pairMeasure('bhattacharyyaDistance');
export const pearsonChiSquare = termMeasure('pearsonChiSquare', 'pearson');
export const neymanChiSquare = termMeasure('neymanChiSquare', 'neyman');

export function entropy(p, options) {
  const module = wasm('entropy');
  checkArray(p, 'p');
  return callExport(module, module._dl_entropy, p, undefined, options, 'entropy');
}

export function renyiDivergence(p, q, alpha, options) {
  const module = wasm('renyiDivergence');
  checkArray(p, 'p');
  checkArray(q, 'q');
  if (typeof alpha !== 'number') throw new TypeError(`alpha: expected a number, got ${typeof alpha}`);
  const opts = discreteOptions(options, 'renyiDivergence');
  return withHeapArrays(module, [p, q], (pp, qp) => module.renyiDivergence(pp, p.length, qp, q.length, alpha, ...opts));
}

const F_DIVERGENCES = new Set(['kl', 'reverse-kl', 'jensen-shannon', 'jeffreys', 'total-variation', 'squared-hellinger', 'pearson', 'neyman']);
const MEASURES_WITH_TERMS = new Set([...F_DIVERGENCES, 'cross-entropy', 'bhattacharyya']);

function checkName(value, allowed, name) {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected a string, got ${typeof value}`);
  if (!allowed.has(value)) throw new RangeError(`${name}: unknown '${value}' (known: ${[...allowed].join(', ')})`);
}

export function fDivergence(p, q, generator, options) {
  checkName(generator, F_DIVERGENCES, 'generator');
  return termMeasure('fDivergence', generator)(p, q, options);
}

export function pointwiseTerms(measure, p, q, options) {
  const module = wasm('pointwiseTerms');
  checkName(measure, MEASURES_WITH_TERMS, 'measure');
  checkArray(p, 'p');
  checkArray(q, 'q');
  const opts = discreteOptions(options, 'pointwiseTerms');
  return withHeapArrays(
    module,
    [p, q],
    (pp, qp, out) => {
      module.pointwiseTerms(measure, pp, p.length, qp, q.length, ...opts, out);
    },
    [p.length],
  );
}

export function klTerms(p, q, options) {
  return pointwiseTerms('kl', p, q, options);
}

export function relEntr(x, y) {
  const module = wasm('relEntr');
  if (typeof x !== 'number') throw new TypeError(`x: expected a number, got ${typeof x}`);
  if (typeof y !== 'number') throw new TypeError(`y: expected a number, got ${typeof y}`);
  return module.relEntr(x, y);
}
