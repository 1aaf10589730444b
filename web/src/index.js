// divergence-lab: the public API for browsers and bundlers. Types and docs: ./index.d.ts.
export { init, isReady } from './core/module.js';
export {
  klDivergence,
  crossEntropy,
  entropy,
  jsDivergence,
  jsDistance,
  klTerms,
  psi,
  totalVariation,
  hellinger,
  relEntr,
} from './core/discrete.js';
export { klNormal, normalPdf, klGrid } from './core/normal.js';
export { compareCsv } from './compare/csv.js';
