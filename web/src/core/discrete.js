// Discrete divergences over arrays of probabilities or counts (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';
import { discreteOptions } from './options.js';

function pairMeasure(name) {
  return function measure(p, q, options) {
    const module = wasm(name);
    checkArray(p, 'p');
    checkArray(q, 'q');
    const { base, normalize } = discreteOptions(options, name);
    return withHeapArrays(module, [p, q], (pp, qp) => module[name](pp, p.length, qp, q.length, base, normalize));
  };
}

export const klDivergence = pairMeasure('klDivergence');
export const crossEntropy = pairMeasure('crossEntropy');
export const jsDivergence = pairMeasure('jsDivergence');
export const jsDistance = pairMeasure('jsDistance');
export const psi = pairMeasure('psi');
export const totalVariation = pairMeasure('totalVariation');
export const hellinger = pairMeasure('hellinger');

export function entropy(p, options) {
  const module = wasm('entropy');
  checkArray(p, 'p');
  const { base, normalize } = discreteOptions(options, 'entropy');
  return withHeapArrays(module, [p], (pp) => module.entropy(pp, p.length, base, normalize));
}

export function klTerms(p, q, options) {
  const module = wasm('klTerms');
  checkArray(p, 'p');
  checkArray(q, 'q');
  const { base, normalize } = discreteOptions(options, 'klTerms');
  return withHeapArrays(
    module,
    [p, q],
    (pp, qp, out) => {
      module.klTerms(pp, p.length, qp, q.length, base, normalize, out);
    },
    [p.length],
  );
}

export function relEntr(x, y) {
  const module = wasm('relEntr');
  if (typeof x !== 'number') throw new TypeError(`x: expected a number, got ${typeof x}`);
  if (typeof y !== 'number') throw new TypeError(`y: expected a number, got ${typeof y}`);
  return module.relEntr(x, y);
}
