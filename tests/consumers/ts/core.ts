// Uses every export of 'divergence-lab' (the core API) with its declared types. Checked by
// `tsc --strict --noEmit` (tests/consumers/types.test.js); never run. Each `@ts-expect-error`
// line is a misuse the declarations must reject (an unused one fails the check).
import {
  init,
  isReady,
  memoryStats,
  coreBuild,
  simdSupported,
  allocate,
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
  logSumExp,
  logSoftmax,
  softmax,
  klDivergenceRows,
  klLogitsGradient,
  klNormal,
  normalPdf,
  normalLogPdf,
  klGrid,
  klGridLog,
  wasserstein1,
  energyDistance,
  ks2samp,
  chiSquareGoodnessOfFit,
  gTest,
  chiSquareHomogeneity,
  klMonteCarlo,
  klKnn,
  differentialEntropy,
  binSamples,
  countCategories,
  distributions,
  compare,
  compareJson,
  compareCsv,
  klNormalFitGradient,
  gridMoments,
} from 'divergence-lab';
import type {
  Distribution,
  Smoothing,
  Scale,
  DiscreteOptions,
  KlOptions,
  InitOptions,
  MemoryStats,
  ResidentArray,
  DiscreteInput,
  RowsOptions,
  FGenerator,
  SummedMeasure,
  SampleWeights,
  KsResult,
  ChiSquareResult,
  Binning,
  BinnedSamples,
  ParametricDistribution,
  CompareOptions,
  NumericSummary,
  TestResult,
  ColumnMetrics,
  ColumnDrift,
  NumericColumn,
  CategoricalColumn,
  ColumnReport,
  CompareReport,
  CompareAllOptions,
  NormalFitOptions,
  NormalFitGradient,
} from 'divergence-lab';

export async function useCore(wasmBinary: Uint8Array): Promise<number[]> {
  const initOptions: InitOptions = { wasmBinary, locateFile: (path: string, prefix: string) => prefix + path };
  const loaded: Promise<void> = init(initOptions);
  await loaded;
  await init();
  const ready: boolean = isReady();
  const scalarInit: InitOptions = { simd: false };
  // @ts-expect-error simd is a boolean
  const badSimd: InitOptions = { simd: 'yes' };
  const build: 'simd' | 'scalar' | null = coreBuild();
  const hasSimd: boolean = simdSupported();
  const resident: ResidentArray = allocate(3);
  resident.array.set([0.2, 0.3, 0.5]);
  const copied: ResidentArray = allocate(new Float64Array([0.1, 0.6, 0.3]));
  const input: DiscreteInput = resident;
  const residentKl: number = klDivergence(copied, input) + resident.length + (resident.live ? 1 : 0);
  copied.free();
  resident[Symbol.dispose]();
  // @ts-expect-error allocate takes a length or numbers
  allocate('3');
  const stats: MemoryStats = memoryStats();
  const inUse: number = stats.heapInUse + stats.heapArena + stats.memoryBytes;

  const p: Distribution = [0.1, 0.6, 0.3];
  const q: Distribution = new Float64Array([0.2, 0.3, 0.5]);
  const f32: Distribution = new Float32Array([0.5, 0.5, 0]);
  const smoothing: Smoothing = { epsilon: 1e-4 };
  const laplace: Smoothing = { pseudocount: 1 };
  const scale: Scale = 'logits';
  const discrete: DiscreteOptions = { base: 2, normalize: true, smoothing: 'none' };
  const kl: KlOptions = { ...discrete, pScale: 'probabilities', qScale: scale };
  const rows: RowsOptions = { ...kl, rows: 2 };
  const generator: FGenerator = 'kl';
  const measure: SummedMeasure = 'cross-entropy';

  const terms: Float64Array = klTerms(p, q, { smoothing: laplace });
  const pointwise: Float64Array = pointwiseTerms(measure, p, q);
  const numbers: number[] = [
    klDivergence(p, q),
    klDivergence(p, f32, kl),
    crossEntropy(p, q, discrete),
    entropy(p),
    jsDivergence(p, q),
    jsDistance(p, q, { smoothing }),
    psi(p, q, { smoothing }),
    jeffreys(p, q),
    totalVariation(p, q),
    hellinger(p, q),
    bhattacharyyaCoefficient(p, q),
    bhattacharyyaDistance(p, q),
    pearsonChiSquare(p, q),
    neymanChiSquare(p, q),
    renyiDivergence(p, q, 0.5),
    fDivergence(p, q, generator),
    relEntr(0.1, 0.2),
    logSumExp([1, 2, 3]),
    terms[0] ?? 0,
    pointwise.length,
  ];
  const logits: Float64Array = logSoftmax([1, 2, 3]);
  const probabilities: Float64Array = softmax(logits);
  const perRow: Float64Array = klDivergenceRows(
    [
      [0.5, 0.5],
      [0.9, 0.1],
    ],
    [new Float64Array([0.4, 0.6]), [0.5, 0.5]],
    rows,
  );
  const flatRows: Float64Array = klDivergenceRows(new Float64Array(4).fill(0.25), [0.1, 0.9, 0.5, 0.5], { rows: 2 });
  const gradient: Float64Array = klLogitsGradient(p, [1, 2, 3]);

  const grid: Distribution = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
  const density: Float64Array = normalPdf(grid, 0, 1);
  const logDensity: Float64Array = normalLogPdf(grid, 1, 1);
  numbers.push(
    klNormal(0, 1, 1, 1),
    klGrid(grid, density, normalPdf(grid, 1, 1)),
    klGridLog(grid, normalLogPdf(grid, 0, 1), logDensity),
    probabilities.length + perRow.length + flatRows.length + gradient.length,
  );

  const weights: SampleWeights = { uWeights: [1, 2, 1], vWeights: new Float64Array([1, 1, 1]) };
  const ks: KsResult = ks2samp([1, 2, 3], [2, 3, 4], { method: 'exact', alternative: 'two-sided' });
  const ksMethod: 'exact' | 'asymp' = ks.method;
  const chi: ChiSquareResult = chiSquareGoodnessOfFit([10, 20, 30], [20, 20, 20], { ddof: 0 });
  const g: ChiSquareResult = gTest([10, 20, 30]);
  const homogeneity: ChiSquareResult = chiSquareHomogeneity([10, 20], [15, 15]);
  const monteCarlo: { estimate: number; standardError: number } = klMonteCarlo([-1, -2], [-1.5, -1.5]);
  numbers.push(
    wasserstein1([0, 1, 3], [5, 6, 8], weights),
    energyDistance([0, 1], [2, 3]),
    ks.statistic + ks.pvalue + ks.statisticLocation + ks.statisticSign + ksMethod.length,
    chi.statistic + chi.pvalue + chi.dof + g.dof + homogeneity.pvalue,
    monteCarlo.estimate + monteCarlo.standardError,
    klKnn(
      [
        [0, 0],
        [1, 1],
        [2, 0],
      ],
      [new Float64Array([0, 1]), [1, 0]].map((point) => Array.from(point)),
      { k: 1 },
    ),
    klKnn([0, 1, 2, 3], [0.5, 1.5], { k: 1, dimensions: 1 }),
    differentialEntropy([1, 2, 3, 4, 5, 6, 7, 8, 9], { windowLength: 2 }),
  );

  const binning: Binning = 'equal-width:10';
  const edges: Binning = { edges: [0, 1, 2] };
  const binned: BinnedSamples = binSamples([0, 1, 2], [1, 2, 3], { binning });
  const explicit: BinnedSamples = binSamples([0.5], [1.5], { binning: edges });
  const counted = countCategories(['a', 'b'], ['b', 'c']);
  const categories: string[] = [...counted.categories, ...counted.onlyInReference, ...counted.onlyInCurrent];
  numbers.push(
    psi(binned.referenceCounts, binned.currentCounts, { smoothing }),
    binned.edges.length + binned.referenceOutside + binned.currentOutside + explicit.currentCounts.length,
    counted.referenceCounts.length + counted.currentCounts.length + categories.length,
  );

  const normal: ParametricDistribution = distributions.Normal(0, 1);
  const family: string = normal.family;
  const params: readonly number[] = normal.params;
  const all: ParametricDistribution[] = [
    distributions.MultivariateNormal([0, 0], [
      [1, 0],
      [0, 1],
    ]),
    distributions.Bernoulli(0.5),
    distributions.Binomial(10, 0.5),
    distributions.Categorical([0.2, 0.8]),
    distributions.Geometric(0.5),
    distributions.Poisson(2),
    distributions.Exponential(1),
    distributions.Gamma(2, 1),
    distributions.Beta(2, 3),
    distributions.Laplace(0, 1),
    distributions.Uniform(0, 1),
    distributions.Dirichlet([1, 2, 3]),
    distributions.Gumbel(0, 1),
    distributions.Cauchy(0, 1),
    distributions.LogNormal(0, 1),
    distributions.HalfNormal(1),
    distributions.Pareto(1, 2),
  ];
  const logProb: number | Float64Array = distributions.logProb(normal, [0, 1]);
  numbers.push(
    distributions.klDivergence(normal, distributions.Normal(1, 1)),
    distributions.entropy(normal),
    typeof logProb === 'number' ? logProb : (logProb[0] ?? 0),
    family.length + params.length + all.length,
  );

  const csv = 'x,c\n1,a\n2,b\n';
  const options: CompareOptions = { bins: 10, epsilon: 1e-4 };
  const allOptions: CompareAllOptions = {
    format: 'csv',
    binning: 'reference-quantile:4',
    quantileBins: 10,
    smoothing: 'epsilon:0.0001',
    missing: ['', 'NA'],
    types: { c: 'categorical' },
    preset: 'custom',
    customNumeric: 'wasserstein_normed:0.1',
    customCategorical: 'js_distance_base_e:0.1',
    psiThresholds: [0.1, 0.25],
    driftShare: 0.5,
    missingAlpha: 0.05,
    memoryBudget: '64M',
    categoryLimit: 10000,
  };
  const report: CompareReport = compare(csv, new TextEncoder().encode(csv), allOptions);
  const text: string = compareJson(csv, csv);
  const legacy: CompareReport = compareCsv(new TextEncoder().encode(csv).buffer, csv, options);
  const verdict: boolean = report.verdict.drifted && legacy.schema === 'divergence-lab/compare-report@2';
  for (const column of report.columns) {
    const c: ColumnReport = column;
    const metrics: ColumnMetrics = c.metrics;
    const drift: ColumnDrift | null = c.drift;
    numbers.push(metrics.kl_ref_cur_raw, drift?.score ?? 0);
    if (c.type === 'numeric') {
      const numeric: NumericColumn = c;
      const summary: NumericSummary = numeric.summary.reference;
      numbers.push(summary.mean, summary.std ?? 0, numeric.bins.edges.length);
    } else {
      const categorical: CategoricalColumn = c;
      const test: TestResult | undefined = categorical.metrics.chi2_homogeneity;
      numbers.push(categorical.ref_counts.length, test?.pvalue ?? 1);
    }
  }

  const fit: NormalFitOptions = { direction: 'reverse' };
  const step: NormalFitGradient = klNormalFitGradient(grid, logDensity, 0, 0, fit);
  const moments = gridMoments(grid, logDensity);
  numbers.push(step.kl + step.dMu + step.dLogSigma, moments.mass + moments.mean + moments.variance, text.length);
  numbers.push(Number(ready), Number(verdict));

  // Misuse the declarations must reject:
  // @ts-expect-error strings are not distributions
  klDivergence('0.5,0.5', q);
  // @ts-expect-error base is a number
  klDivergence(p, q, { base: 'bits' });
  // @ts-expect-error unknown scale
  klDivergence(p, q, { pScale: 'log' });
  // @ts-expect-error renyiDivergence needs alpha
  renyiDivergence(p, q);
  // @ts-expect-error the result is a number, not an array
  const wrong: Float64Array = klNormal(0, 1, 1, 1);
  // @ts-expect-error unknown preset
  compare(csv, csv, { preset: 'strict' });

  return numbers.concat(wrong.length);
}
