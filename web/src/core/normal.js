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

function pdfLike(name) {
  return function density(x, mu, sigma) {
    const module = wasm(name);
    checkArray(x, 'x');
    checkNumber(mu, 'mu');
    checkNumber(sigma, 'sigma');
    return withHeapArrays(
      module,
      [x],
      (xp, out) => {
        module[name](xp, x.length, mu, sigma, out);
      },
      [x.length],
    );
  };
}

export const normalPdf = pdfLike('normalPdf');
export const normalLogPdf = pdfLike('normalLogPdf');

function gridIntegral(name, pName, qName) {
  return function integral(x, p, q) {
    const module = wasm(name);
    checkArray(x, 'x');
    checkArray(p, pName);
    checkArray(q, qName);
    return withHeapArrays(module, [x, p, q], (xp, pp, qp) => module[name](xp, x.length, pp, p.length, qp, q.length));
  };
}

export const klGrid = gridIntegral('klGrid', 'p', 'q');
export const klGridLog = gridIntegral('klGridLog', 'logP', 'logQ');
