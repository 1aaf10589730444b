// Fitting a normal Q to a density P on a grid by KL, forward or reverse (documented in ../index.d.ts).
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';

const DIRECTIONS = ['forward', 'reverse'];

function checkNumber(value, name) {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected a number, got ${typeof value}`);
}

export function klNormalFitGradient(x, logP, mu, logSigma, options = {}) {
  const module = wasm('klNormalFitGradient');
  checkArray(x, 'x');
  checkArray(logP, 'logP');
  checkNumber(mu, 'mu');
  checkNumber(logSigma, 'logSigma');
  const direction = DIRECTIONS.indexOf(options?.direction ?? 'forward');
  if (direction < 0) {
    throw new TypeError(`direction: expected 'forward' or 'reverse', got ${JSON.stringify(options.direction)}`);
  }
  const out = withHeapArrays(
    module,
    [x, logP],
    (xp, lp, o) => {
      module.normalFitGradient(xp, x.length, lp, logP.length, mu, logSigma, direction, o);
    },
    [3],
  );
  return { kl: out[0], dMu: out[1], dLogSigma: out[2] };
}

export function gridMoments(x, logP) {
  const module = wasm('gridMoments');
  checkArray(x, 'x');
  checkArray(logP, 'logP');
  const out = withHeapArrays(
    module,
    [x, logP],
    (xp, lp, o) => {
      module.gridMoments(xp, x.length, lp, logP.length, o);
    },
    [3],
  );
  return { mass: out[0], mean: out[1], variance: out[2] };
}
