// The numbers behind the explainer: densities, pointwise terms and KL both ways, all from the
// WASM core (normalPdf, klTerms, klNormal, and klGridLog over normalLogPdf).
import { klGridLog, klNormal, klTerms, normalLogPdf, normalPdf } from '../../../src/index.js';

/** Plot window and resolution. */
export const X_MIN = -4;
export const X_MAX = 4;
export const PLOT_POINTS = 1000;
/** Resolution of the numerical integral. */
export const GRID_POINTS = 2001;
/** Half-width, in standard deviations, of the integration window around each mean. */
const WINDOW_SIGMAS = 12;

/** n evenly spaced points from a to b inclusive. */
export function linspace(a, b, n) {
  const x = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) x[i] = a + step * i;
  x[n - 1] = b;
  return x;
}

export const PLOT_X = linspace(X_MIN, X_MAX, PLOT_POINTS);

/** The integration window for D(P‖Q): the union of μ ± 12σ of both densities. */
export function integrationWindow(muP, sigmaP, muQ, sigmaQ) {
  const lo = Math.min(muP - WINDOW_SIGMAS * sigmaP, muQ - WINDOW_SIGMAS * sigmaQ);
  const hi = Math.max(muP + WINDOW_SIGMAS * sigmaP, muQ + WINDOW_SIGMAS * sigmaQ);
  return [lo, hi];
}

/**
 * D(P‖Q) by the trapezoid rule on GRID_POINTS points over integrationWindow, from log-densities
 * (klGridLog): far from its mean q(x) underflows to 0 in double precision while ln q(x) stays
 * finite, so the integral stays finite and accurate.
 */
export function numericalKl(muP, sigmaP, muQ, sigmaQ) {
  const [lo, hi] = integrationWindow(muP, sigmaP, muQ, sigmaQ);
  const x = linspace(lo, hi, GRID_POINTS);
  return { value: klGridLog(x, normalLogPdf(x, muP, sigmaP), normalLogPdf(x, muQ, sigmaQ)), lo, hi };
}

/**
 * Everything the page shows for one setting of the sliders.
 * @param {{muP: number, sigmaP: number, muQ: number, sigmaQ: number}} params
 */
export function computeState({ muP, sigmaP, muQ, sigmaQ }) {
  const p = normalPdf(PLOT_X, muP, sigmaP);
  const q = normalPdf(PLOT_X, muQ, sigmaQ);
  const terms = klTerms(p, q, { normalize: false });
  const klPQ = klNormal(muP, sigmaP, muQ, sigmaQ);
  const klQP = klNormal(muQ, sigmaQ, muP, sigmaP);
  const gridPQ = numericalKl(muP, sigmaP, muQ, sigmaQ);
  const gridQP = numericalKl(muQ, sigmaQ, muP, sigmaP);
  return {
    params: { muP, sigmaP, muQ, sigmaQ },
    x: PLOT_X,
    p,
    q,
    terms,
    klPQ,
    klQP,
    klPQBits: klPQ / Math.LN2,
    klQPBits: klQP / Math.LN2,
    gridPQ,
    gridQP,
  };
}
