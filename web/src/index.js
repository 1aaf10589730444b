// divergence-lab: the public API for browsers and bundlers. Types and docs: ./index.d.ts.
export { init, isReady, coreBuild, simdSupported } from './core/module.js';
export { memoryStats } from './core/diagnostics.js';
export { allocate } from './core/resident.js';
export {
  klDivergence,
  crossEntropy,
  entropy,
  jsDivergence,
  jsDistance,
  klTerms,
  pointwiseTerms,
  psi,
  jeffreys,
  totalVariation,
  hellinger,
  bhattacharyyaCoefficient,
  bhattacharyyaDistance,
  pearsonChiSquare,
  neymanChiSquare,
  renyiDivergence,
  fDivergence,
  relEntr,
} from './core/discrete.js';
export { logSumExp, logSoftmax, softmax, klDivergenceRows, klLogitsGradient } from './core/log_space.js';
export { klNormal, normalPdf, normalLogPdf, klGrid, klGridLog } from './core/normal.js';
export {
  wasserstein1,
  energyDistance,
  ks2samp,
  chiSquareGoodnessOfFit,
  gTest,
  chiSquareHomogeneity,
  klMonteCarlo,
  klKnn,
  differentialEntropy,
} from './core/samples.js';
export { binSamples, countCategories } from './core/binning.js';
export { distributions } from './core/distributions_namespace.js';
export { compare, compareJson, compareCsv } from './compare/compare.js';
export { isHistogramSummary } from './compare/summary.js';

// --- Fitting a normal by KL (the <kl-fit> explainer; core: cpp/src/fit.cpp) ---------------------
export { klNormalFitGradient, gridMoments } from './core/fit.js';
