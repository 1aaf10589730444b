// Univariate normal distributions (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';

function checkNumber(value, name) {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected a number, got ${typeof value}`);
}

export function klNormal(muP, sigmaP, muQ, sigmaQ) {
  const module = wasm('klNormal');
  checkNumber(muP, 'muP');
  checkNumber(sigmaP, 'sigmaP');
  checkNumber(muQ, 'muQ');
  checkNumber(sigmaQ, 'sigmaQ');
  return module.klNormal(muP, sigmaP, muQ, sigmaQ);
}

export function normalPdf(x, mu, sigma) {
  const module = wasm('normalPdf');
  checkArray(x, 'x');
  checkNumber(mu, 'mu');
  checkNumber(sigma, 'sigma');
  return withHeapArrays(
    module,
    [x],
    (xp, out) => {
      module.normalPdf(xp, x.length, mu, sigma, out);
    },
    [x.length],
  );
}

export function klGrid(x, p, q) {
  const module = wasm('klGrid');
  checkArray(x, 'x');
  checkArray(p, 'p');
  checkArray(q, 'q');
  return withHeapArrays(module, [x, p, q], (xp, pp, qp) => module.klGrid(xp, x.length, pp, p.length, qp, q.length));
}
