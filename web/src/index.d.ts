/**
 * divergence-lab: divergences between probability distributions, computed by a C++ core compiled
 * to WebAssembly. SciPy's conventions and values.
 *
 * Usage: `await init()` once, then call the functions synchronously.
 *
 * Errors common to every function:
 * - `Error` "divergence-lab: call `await init()` before klDivergence()" when init() has not finished.
 * - `TypeError` when an argument has the wrong type, naming it: "p: expected an array of numbers
 *   (number[], Float64Array or Float32Array), got string", "p: entry 2 is not a number (string)".
 * - `RangeError` when a value is out of range, naming it (messages from the core):
 *   "p: must not be empty", "q: length 3 differs from p (length 2)", "p: entry 1 is negative (-0.5)",
 *   "p: entry 0 is NaN", "p: entry 2 is infinite",
 *   "p: all entries are zero; a distribution needs a positive total",
 *   "base: must be a finite number > 0 and != 1 (got 1)".
 *   (SciPy returns NaN for all-zero input and 0 for empty input; we raise instead.)
 */

/** A distribution as probabilities or non-negative weights (counts); normalized unless told otherwise. */
export type Distribution = readonly number[] | Float64Array | Float32Array;

/**
 * Smoothing of empty bins, applied to each input before the measure; the result always sums to 1.
 * - 'none' (default): inputs as given.
 * - { epsilon }: normalize, give every zero entry probability epsilon, renormalize (drift-monitoring
 *   convention; 1e-4 is common). RangeError "smoothing.epsilon: must be a finite number > 0 (got 0)".
 * - { pseudocount }: add the pseudocount to every count, then normalize (Laplace: 1; Jeffreys-Perks: 0.5).
 */
export type Smoothing = 'none' | { epsilon: number } | { pseudocount: number };

/** How a distribution is given: probabilities/counts, natural-log probabilities (-Infinity = 0), or logits. */
export type Scale = 'probabilities' | 'log-probabilities' | 'logits';

/** Options of the discrete measures. */
export interface DiscreteOptions {
  /**
   * Logarithm base: Math.E (default, nats), 2 (bits), 10 (hartleys) or any finite number > 0 and != 1.
   * Not used by totalVariation and hellinger, which have no unit.
   */
  base?: number;
  /**
   * Divide each input by its sum first (default true, as scipy.stats.entropy). false keeps the
   * raw weights: pass probabilities that already sum to 1.
   */
  normalize?: boolean;
  /** Smoothing of empty bins (default 'none'); see Smoothing. */
  smoothing?: Smoothing;
}

/** Options of klDivergence: the discrete options plus the scale of each input. */
export interface KlOptions extends DiscreteOptions {
  /**
   * Scale of p (default 'probabilities'). 'logits' are normalized with a stable log-sum-exp, so
   * softmax outputs can be passed as raw logits. normalize and smoothing apply only to probabilities.
   */
  pScale?: Scale;
  /** Scale of q (default 'probabilities'). */
  qScale?: Scale;
}

/**
 * Options of init(). `simd` chooses the build; the others pass through to the Emscripten module
 * factory.
 */
export interface InitOptions {
  /**
   * true: load the WebAssembly SIMD128 build (divergence.wasm; init() rejects where the engine lacks
   * SIMD); false: the scalar build (divergence-scalar.wasm, same results, slower kernels); omitted
   * (default): SIMD where `WebAssembly.validate` accepts a SIMD module (every current browser,
   * Node >= 16), scalar elsewhere. TypeError "simd: expected true, false or undefined, got string".
   * The single-file builds (divergence-single.mjs, the widgets bundle) are scalar only.
   */
  simd?: boolean;
  /** The .wasm bytes, when you load them yourself (the Node entry reads them from disk). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps the file name "divergence.wasm" to the URL it is served from. */
  locateFile?: (path: string, prefix: string) => string;
}

/**
 * Loads the WebAssembly core. Await it once before calling anything else; repeated calls return the
 * same promise. Rejects with an Error naming the cause when the .wasm cannot be loaded.
 * @returns a promise that resolves once the core is ready.
 */
export function init(options?: InitOptions): Promise<void>;

/**
 * True once init() has finished.
 * @returns true after init() has resolved, false before.
 */
export function isReady(): boolean;

/** Memory figures of the WebAssembly core (bytes). */
export interface MemoryStats {
  /** Bytes the allocator (Emscripten's dlmalloc, through mallinfo().uordblks) has handed out and not freed. */
  heapInUse: number;
  /** Bytes the allocator has taken from linear memory, used and free (mallinfo().arena). */
  heapArena: number;
  /** Size of the linear memory (WebAssembly.Memory buffer byteLength); it grows and never shrinks. */
  memoryBytes: number;
}

/**
 * A diagnostic for leak checks: how much of the WebAssembly heap is in use. Every function frees
 * what it allocates, so heapInUse returns to the same value after any number of calls (the memory
 * tests assert this). The linear memory itself never shrinks, so memoryBytes alone cannot show a leak.
 * @returns the figures, in bytes.
 */
export function memoryStats(): MemoryStats;

/**
 * Which build init() loaded.
 * @returns 'simd' or 'scalar' (asked of the loaded module), or null before init() has finished.
 */
export function coreBuild(): 'simd' | 'scalar' | null;

/**
 * Whether this engine runs WebAssembly SIMD128 (WebAssembly.validate of a 29-byte SIMD module).
 * @returns true where init() picks the SIMD build by default.
 */
export function simdSupported(): boolean;

/**
 * An array of doubles living in WebAssembly memory, from allocate(). Every discrete measure
 * (klDivergence ... pointwiseTerms, entropy, renyiDivergence, fDivergence) reads it in place,
 * without the copy a plain array costs (about 1 ms per 1e6 pairs of entries): fill `.array` once,
 * compute many times. Free it with free() or `using` (Symbol.dispose) when done; WASM memory is
 * not garbage-collected.
 *
 * Errors: any use after free() — `.array`, or passing it to a function — throws
 * Error "p: the resident array was freed (free() or dispose); allocate a new one" (naming the
 * argument, or "array" for `.array`).
 */
export interface ResidentArray {
  /** Number of entries (doubles). */
  readonly length: number;
  /**
   * A Float64Array view of the entries in WASM memory; writes go straight to what the measures
   * read. Growing the memory (any library call may) detaches earlier views: read `.array` again
   * after calls instead of keeping it; the getter makes a new view when needed.
   */
  readonly array: Float64Array;
  /** False after free(). */
  readonly live: boolean;
  /** Returns the memory to the WASM heap. Calling it again does nothing. */
  free(): void;
  /** Same as free(), for `using a = allocate(n)`. */
  [Symbol.dispose](): void;
}

/**
 * Allocates an array of doubles in WebAssembly memory (call after init()).
 * @param lengthOrValues a length (integer >= 0; zero-filled), or the values to copy in
 *   (number[], Float64Array or Float32Array).
 * @returns a ResidentArray of that length.
 * Errors: RangeError "length: must be an integer >= 0 (got -1)"; TypeError for other argument
 * types; RangeError "out of memory: the input is too large for the WebAssembly heap" (the heap
 * grows to at most 2 GB).
 * @example
 *   await init();
 *   using p = allocate(n), q = allocate(n);
 *   p.array.set(counts); q.array.set(reference);
 *   klDivergence(p, q); // no copy
 */
export function allocate(lengthOrValues: number | readonly number[] | Float64Array | Float32Array): ResidentArray;

declare global {
  // Symbol.dispose (explicit resource management) for projects whose TypeScript lib predates
  // 'esnext.disposable'; the same declaration as TypeScript's own lib and @types/node, so they merge.
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

/** What the discrete measures accept: a plain distribution or a resident array (no copy). */
export type DiscreteInput = Distribution | ResidentArray;

/**
 * Kullback-Leibler divergence D_KL(P‖Q) = Σ p_i log(p_i / q_i).
 * Conventions: 0·log(0/q) = 0; p_i > 0 where q_i = 0 gives +Infinity.
 * @param p P, length n >= 1. @param q Q, the same length.
 * @returns a number in [0, +Infinity], in nats (or the unit of `base`).
 * Matches scipy.stats.entropy(p, q, base) and sum(scipy.special.rel_entr(p, q)).
 * Note the argument order differs from torch.nn.functional.kl_div(input=log Q, target=P).
 */
export function klDivergence(p: DiscreteInput, q: DiscreteInput, options?: KlOptions): number;

/**
 * Cross-entropy H(P, Q) = -Σ p_i log q_i = H(P) + D_KL(P‖Q); +Infinity where q_i = 0 < p_i.
 * @returns a number in [H(P), +Infinity], in nats (or the unit of `base`).
 * SciPy has no single function: equals scipy.stats.entropy(p) + scipy.stats.entropy(p, q).
 */
export function crossEntropy(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Shannon entropy H(P) = -Σ p_i log p_i.
 * @returns a number in [0, log n], in nats (or the unit of `base`). Matches scipy.stats.entropy(p, base=base).
 */
export function entropy(p: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Jensen-Shannon divergence JS(P, Q) = ½ D_KL(P‖M) + ½ D_KL(Q‖M), M = (P + Q)/2. Symmetric, always finite.
 * @returns a number in [0, ln 2] nats ([0, 1] bits). Equals scipy.spatial.distance.jensenshannon(p, q, base) ** 2.
 */
export function jsDivergence(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Jensen-Shannon distance √JS(P, Q), a metric.
 * @returns a number in [0, √ln 2 ≈ 0.8326] (base e) or [0, 1] (base 2).
 * Matches scipy.spatial.distance.jensenshannon(p, q, base).
 */
export function jsDistance(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Pointwise KL terms p_i log(p_i / q_i), one per entry (after normalization if `normalize`); they sum
 * to klDivergence. 0 where p_i = 0; +Infinity where p_i > 0 = q_i; negative where p_i < q_i.
 * @returns a new Float64Array of length n, in nats (or the unit of `base`).
 * Matches scipy.special.rel_entr(p, q) / log(base).
 */
export function klTerms(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): Float64Array;

/**
 * Population Stability Index Σ (q_i - p_i) ln(q_i / p_i) with P = reference (expected) and
 * Q = current (actual); equals D_KL(P‖Q) + D_KL(Q‖P). +Infinity when a bin is empty on exactly one
 * side: smooth the counts first. Rule of thumb: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major.
 * @returns a number in [0, +Infinity], in nats (or the unit of `base`).
 */
export function psi(reference: DiscreteInput, current: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Jeffreys divergence J(P, Q) = D_KL(P‖Q) + D_KL(Q‖P) = Σ (p_i − q_i) log(p_i/q_i): symmetric, in [0, +Infinity],
 * nats (or base). The same number as psi(); ml-distance's `jeffreys` on raw weights with { normalize: false }.
 * @returns a number in [0, +Infinity], nats (or the unit of `base`).
 */
export function jeffreys(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Total variation distance ½ Σ |p_i - q_i|; no unit (base is ignored).
 * @returns a number in [0, 1].
 */
export function totalVariation(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Hellinger distance √(½ Σ (√p_i - √q_i)²) = √(1 - BC), in [0, 1]; no unit (base is ignored).
 * BC = Σ √(p_i q_i) is the Bhattacharyya coefficient.
 * @returns a number in [0, 1].
 */
export function hellinger(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Bhattacharyya coefficient BC = Σ √(p_i q_i), in [0, 1] for probabilities; no unit (base is ignored).
 * @returns a number in [0, 1] for probabilities.
 */
export function bhattacharyyaCoefficient(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Bhattacharyya distance −ln BC, in [0, +Infinity] (+Infinity for disjoint supports), nats (or base).
 * Equals renyiDivergence(p, q, 0.5) / 2; ml-distance's `bhattacharyya` with { normalize: false }.
 * @returns a number in [0, +Infinity], nats (or the unit of `base`).
 */
export function bhattacharyyaDistance(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Pearson chi-square divergence χ²(P‖Q) = Σ (p_i − q_i)² / q_i, in [0, +Infinity] (+Infinity where q_i = 0 < p_i);
 * no unit. On raw counts ({ normalize: false }) it is ml-distance's `pearson`.
 * @returns a number in [0, +Infinity].
 */
export function pearsonChiSquare(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Neyman chi-square divergence Σ (p_i − q_i)² / p_i; no unit. ml-distance's `neyman` on raw counts.
 * @returns a number in [0, +Infinity] (+Infinity where p_i = 0 < q_i).
 */
export function neymanChiSquare(p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): number;

/**
 * Rényi divergence of order alpha: D_α(P‖Q) = ln(Σ p_i^α q_i^(1−α)) / (α − 1), nats (or base).
 * α = 0: −ln Q(supp P); α = 1: D_KL(P‖Q); α = Infinity: ln max p_i/q_i. Non-decreasing in α;
 * +Infinity for α > 1 where some q_i = 0 < p_i. Accurate near α = 1 (expm1/log1p form).
 * Reference: Rényi (1961); van Erven & Harremoës, IEEE Trans. Inf. Theory 60(7), 2014.
 * Throws RangeError "alpha: must be >= 0 (got -1)"; TypeError when alpha is not a number.
 * @returns a number in [0, +Infinity], nats (or the unit of `base`).
 */
export function renyiDivergence(p: DiscreteInput, q: DiscreteInput, alpha: number, options?: DiscreteOptions): number;

/** Generators of the f-divergences D_f(P‖Q) = Σ q_i f(p_i/q_i) (Csiszár 1967; Ali & Silvey 1966). */
export type FGenerator =
  | 'kl' // f(t) = t ln t
  | 'reverse-kl' // f(t) = −ln t: D_KL(Q‖P)
  | 'jensen-shannon' // JS divergence
  | 'jeffreys' // f(t) = (t − 1) ln t
  | 'total-variation' // f(t) = |t − 1| / 2
  | 'squared-hellinger' // f(t) = (√t − 1)² / 2: the square of hellinger()
  | 'pearson' // f(t) = (t − 1)²
  | 'neyman'; // f(t) = (t − 1)² / t

/** Measures that are sums of one term per bin: the f-divergences plus cross-entropy and the Bhattacharyya coefficient. */
export type SummedMeasure = FGenerator | 'cross-entropy' | 'bhattacharyya';

/**
 * The f-divergence with a named generator. Logarithmic ones (kl, reverse-kl, jensen-shannon, jeffreys) are in nats
 * (or base); the others have no unit. Throws RangeError "generator: unknown 'x' (known: ...)".
 * @returns a number in [0, +Infinity]; nats (or base) for the logarithmic generators.
 */
export function fDivergence(p: DiscreteInput, q: DiscreteInput, generator: FGenerator, options?: DiscreteOptions): number;

/**
 * Per-bin contributions of a summed measure (for plots and "which bin drives the drift"): one number per entry,
 * summing to the measure (to the squared Hellinger distance for 'squared-hellinger'). Conventions at zeros as the
 * measure's. @returns a new Float64Array of length n. Throws RangeError "measure: unknown 'x' (known: ...)".
 */
export function pointwiseTerms(measure: SummedMeasure, p: DiscreteInput, q: DiscreteInput, options?: DiscreteOptions): Float64Array;

/**
 * ln Σ exp(x_i), computed as m + ln Σ exp(x_i − m) (no overflow); −Infinity when every entry is −Infinity.
 * Throws RangeError "x: must not be empty", "x: entry 2 is NaN", "x: entry 0 is +inf".
 * @returns a number (−Infinity when every entry is −Infinity).
 */
export function logSumExp(x: Distribution): number;

/** x_i − logSumExp(x): log-probabilities from logits. @returns a new Float64Array. Errors as logSumExp. */
export function logSoftmax(x: Distribution): Float64Array;

/** exp(logSoftmax(x)): probabilities from logits. @returns a new Float64Array. */
export function softmax(x: Distribution): Float64Array;

/** Options of klDivergenceRows. */
export interface RowsOptions extends KlOptions {
  /** Number of rows when p and q are flat row-major arrays (inferred from number[][] input). */
  rows?: number;
}

/**
 * One D_KL(P_r‖Q_r) per row r of two matrices with the same shape, given as number[][] (rows) or flat row-major
 * arrays with `rows`. Each side on its scale (e.g. model logits against target probabilities).
 * PyTorch: F.kl_div(input=log Q, target=P, reduction='batchmean') is the mean of this result; 'sum' its sum.
 * @returns a new Float64Array of length rows, nats (or base).
 * Throws RangeError "rows: must be >= 1", "p: length 7 is not a multiple of rows (2)", "q: length 4 differs
 * from p (length 6)", "p: row 1 has length 2, row 0 has 3", and row errors prefixed "row 3: p: ...".
 */
export function klDivergenceRows(
  p: readonly (readonly number[] | Float64Array | Float32Array)[] | Distribution,
  q: readonly (readonly number[] | Float64Array | Float32Array)[] | Distribution,
  options?: RowsOptions,
): Float64Array;

/**
 * Gradient of D_KL(P‖softmax(z)) with respect to the logits z: softmax(z) − P, in nats per unit of z. This is what
 * cross-entropy and distillation training follow. Options: normalize and smoothing apply to p (base does not apply).
 * @returns a new Float64Array of length n. Throws RangeError "z: length 3 differs from p (length 2)".
 */
export function klLogitsGradient(p: Distribution, z: Distribution, options?: DiscreteOptions): Float64Array;

/**
 * One relative-entropy term as scipy.special.rel_entr(x, y): x ln(x/y) for x, y > 0; 0 for x = 0, y >= 0;
 * +Infinity otherwise; NaN for NaN input. Accurate when x ≈ y and when x/y over- or underflows.
 * @returns nats. Throws TypeError when x or y is not a number.
 */
export function relEntr(x: number, y: number): number;

/**
 * Closed-form KL divergence between two univariate normal distributions:
 * D_KL(N(μP, σP²) ‖ N(μQ, σQ²)) = ln(σQ/σP) + (σP² + (μP − μQ)²) / (2σQ²) − ½.
 * @returns nats. As torch.distributions.kl_divergence(Normal(μP, σP), Normal(μQ, σQ)).
 * Throws RangeError "muP: must be finite (got NaN)", "sigmaQ: must be a finite number > 0 (got 0)".
 */
export function klNormal(muP: number, sigmaP: number, muQ: number, sigmaQ: number): number;

/**
 * Normal density exp(-(x-μ)²/(2σ²)) / (σ√(2π)) at each x.
 * @returns a new Float64Array of the same length as x.
 * Throws RangeError for a non-finite mu, sigma <= 0, or a NaN/infinite x entry.
 */
export function normalPdf(x: Distribution, mu: number, sigma: number): Float64Array;

/**
 * KL divergence of two densities sampled on a shared grid, by the trapezoid rule:
 * ∫ p(x) ln(p(x)/q(x)) dx ≈ Σ (x_{i+1} − x_i)(f_i + f_{i+1})/2 with f = rel_entr(p, q).
 * @param x grid, >= 2 strictly increasing finite points. @param p, q densities (>= 0) on x, same length.
 * @returns nats; +Infinity where p > 0 = q at a grid point.
 * Throws RangeError "x: must have at least 2 points (got 1)", "x: not strictly increasing at index 4",
 * "q: length 3 differs from x (length 4)", "p: entry 2 is negative (-1)".
 */
export function klGrid(x: Distribution, p: Distribution, q: Distribution): number;

/**
 * Natural log of the normal density at each x; finite where normalPdf underflows to 0 (beyond ~38σ).
 * @returns a new Float64Array. Errors as normalPdf.
 */
export function normalLogPdf(x: Distribution, mu: number, sigma: number): Float64Array;

/**
 * klGrid from log-densities: ∫ exp(ln p)(ln p − ln q) dx by the trapezoid rule, so a q that underflows to 0 in
 * linear scale does not turn a finite KL into +Infinity. logP, logQ: finite or −Infinity (zero density).
 * @returns nats. Throws RangeError as klGrid, naming logP / logQ ("logQ: entry 3 is NaN", "logP: entry 0 is +inf").
 */
export function klGridLog(x: Distribution, logP: Distribution, logQ: Distribution): number;

/** Optional weights of the two samples: non-negative, one per value, any positive total (only ratios matter). */
export interface SampleWeights {
  uWeights?: Distribution;
  vWeights?: Distribution;
}

/**
 * Wasserstein-1 (earth mover's) distance between two samples, optionally weighted:
 * W1 = ∫ |F_u(t) − F_v(t)| dt over the empirical CDFs. Same unit as the values.
 * Matches scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights).
 * Throws RangeError "uValues: must not be empty", "uValues: entry 2 is infinite" (SciPy returns NaN),
 * "uWeights: length 1 differs from uValues (length 2)", "uWeights: entry 1 is negative (-1)",
 * "uWeights: must sum to a positive, finite number (sum is 0)".
 * @returns a number >= 0, in the unit of the values.
 */
export function wasserstein1(uValues: Distribution, vValues: Distribution, options?: SampleWeights): number;

/**
 * Energy distance √(2E|X−Y| − E|X−X'| − E|Y−Y'|) = √2 · (∫ (F_u − F_v)² dt)^½ between two samples.
 * Matches scipy.stats.energy_distance. Errors as wasserstein1.
 * @returns a number >= 0, in the unit of the values.
 */
export function energyDistance(uValues: Distribution, vValues: Distribution, options?: SampleWeights): number;

/** Result of ks2samp. */
export interface KsResult {
  /** D = max |F_x − F_y| (two-sided), or D+ / D− (one-sided), in [0, 1]. */
  statistic: number;
  /** In [0, 1]. */
  pvalue: number;
  /** What produced the p-value: 'exact' or 'asymp' ('auto' resolves to one of them). */
  method: 'exact' | 'asymp';
  /** The value t at which the statistic is attained. */
  statisticLocation: number;
  /** +1 if F_x(t) − F_y(t) = +statistic there, −1 otherwise. */
  statisticSign: number;
}

/**
 * Two-sample Kolmogorov-Smirnov test of x against y (lengths >= 1, finite values).
 * method 'auto' (default): exact when max(n1, n2) <= 10000, else asymptotic (SciPy 1.10 rules and fallbacks);
 * alternative 'two-sided' (default), 'less', 'greater'.
 * Matches scipy.stats.ks_2samp(x, y, alternative, method) of SciPy 1.10: exact p-values bit-identical on the
 * example datasets, asymptotic (kstwo.sf at the effective size) within 5e-13.
 * Throws RangeError "x: must not be empty", "y: entry 0 is infinite"; TypeError for an unknown method/alternative.
 * @returns { statistic, pvalue, method, statisticLocation, statisticSign }.
 */
export function ks2samp(
  x: Distribution,
  y: Distribution,
  options?: { method?: 'auto' | 'exact' | 'asymp'; alternative?: 'two-sided' | 'less' | 'greater' },
): KsResult;

/** Result of the chi-square and G tests. */
export interface ChiSquareResult {
  statistic: number;
  /** In [0, 1]; 0 when the statistic is +Infinity (an expected count of 0 with an observed count > 0). */
  pvalue: number;
  /** Degrees of freedom. */
  dof: number;
}

/**
 * Pearson's chi-square goodness-of-fit test Σ (o − e)² / e, dof = k − 1 − ddof; expected defaults to uniform.
 * Matches scipy.stats.chisquare(f_obs, f_exp, ddof). Throws RangeError when observed and expected totals differ
 * (SciPy: "For each axis slice, the sum of the observed frequencies must agree ..."), for negative or non-finite
 * counts, or a length mismatch.
 * @returns { statistic, pvalue, dof }.
 */
export function chiSquareGoodnessOfFit(observed: Distribution, expected?: Distribution, options?: { ddof?: number }): ChiSquareResult;

/**
 * G-test (log-likelihood ratio) 2 Σ o ln(o / e), dof as chiSquareGoodnessOfFit.
 * Matches scipy.stats.power_divergence(f_obs, f_exp, ddof, lambda_='log-likelihood'). Errors as chiSquareGoodnessOfFit.
 * @returns { statistic, pvalue, dof }.
 */
export function gTest(observed: Distribution, expected?: Distribution, options?: { ddof?: number }): ChiSquareResult;

/**
 * Chi-square test of homogeneity on the 2 × K table of category counts (reference row, current row), no
 * continuity correction, dof = K − 1. Matches scipy.stats.chi2_contingency(table, correction=False); a category
 * with 0 in both rows is dropped (SciPy raises). Throws RangeError "currentCounts: length 3 differs from
 * referenceCounts (length 4)", for negative counts, or an empty row.
 * @returns { statistic, pvalue, dof }.
 */
export function chiSquareHomogeneity(referenceCounts: Distribution, currentCounts: Distribution): ChiSquareResult;

/**
 * Monte Carlo estimate of D_KL(P‖Q) from samples x_i drawn from P: the mean of ln p(x_i) − ln q(x_i), with its
 * standard error (sample standard deviation / √N). Unbiased; ± 2 standard errors is a ~95% interval.
 * @param logP ln p at the samples, @param logQ ln q at the same samples (>= 2 samples). @returns nats.
 * Throws RangeError "logP: needs at least 2 samples (got 1)", "logQ: length 3 differs from logP (length 4)",
 * "logP: entry 2 is infinite", "logQ: entry 2 is +inf".
 */
export function klMonteCarlo(logP: Distribution, logQ: Distribution): { estimate: number; standardError: number };

/**
 * k-nearest-neighbour estimate of D_KL(P‖Q) from samples x ~ P (n points) and y ~ Q (m points) in d dimensions
 * (Wang, Kulkarni & Verdú 2009, IEEE Trans. Inf. Theory 55(5), eq. 5): (d/n) Σ ln(ν_k(i)/ρ_k(i)) + ln(m/(n−1)).
 * Consistent but biased at small n (the bias shrinks as n, m grow; larger k lowers variance). Points as number[][]
 * or flat arrays with `dimensions`. @returns nats.
 * Throws RangeError "k: must be at most n - 1 = 4 (got 5)", "x: row 3 has k = 1 identical copies ..." (duplicate
 * points give a zero distance), "n: brute-force neighbour search in d >= 2 is limited to n*(n+m) <= 4e8 ...".
 */
export function klKnn(
  x: readonly (readonly number[])[] | Distribution,
  y: readonly (readonly number[])[] | Distribution,
  options?: { k?: number; dimensions?: number },
): number;

/**
 * Differential entropy (nats) of the density behind a sample, by Vasicek's spacing estimator:
 * H = (1/n) Σ ln(n/(2m) · (x_(i+m) − x_(i−m))) over the sorted sample, ends repeated.
 * Matches scipy.stats.differential_entropy(values, window_length, method='vasicek'); windowLength defaults to
 * SciPy's floor(√n + 0.5). Source: Vasicek (1976), J. R. Stat. Soc. B 38.
 * @returns nats; −Infinity when 2m + 1 consecutive sorted values are equal (no density), as SciPy.
 * Throws RangeError "values: must not be empty", "values: entry 3 is NaN",
 * "windowLength: must be >= 1 and less than half the sample size (100); got 50".
 */
export function differentialEntropy(values: Distribution, options?: { windowLength?: number }): number;

/**
 * How to bin two numeric samples on shared bins:
 * - 'equal-width:N' (default 'equal-width:20'): N equal-width bins over the pooled min..max, edges as numpy.linspace;
 * - 'reference-quantile:N': bins at the N-quantiles of the reference (numpy 'linear'), ties collapse edges, outer bins
 *   open to ±Infinity (the credit-risk PSI convention: N = 10 deciles);
 * - 'sturges' | 'doane' | 'fd' | 'auto': numpy.histogram_bin_edges rules on the pooled sample (at most 100,000 bins);
 * - { edges }: explicit, strictly increasing edges; values outside are counted in *Outside, never dropped silently.
 * Counting follows numpy.histogram: e_k <= x < e_{k+1}, the last bin closed.
 */
export type Binning = string | { edges: Distribution };

/** Two samples counted on shared bins. */
export interface BinnedSamples {
  /** bins + 1 edges (−Infinity/+Infinity at the ends for reference quantiles). */
  edges: number[];
  referenceCounts: number[];
  currentCounts: number[];
  /** Values outside [edges[0], edges[last]] (explicit edges only; else 0). */
  referenceOutside: number;
  currentOutside: number;
}

/**
 * Bins a reference and a current sample on shared edges, ready for the discrete measures
 * (e.g. psi(b.referenceCounts, b.currentCounts, { smoothing: { epsilon: 1e-4 } })).
 * @returns the edges and counts used, so every number can be checked.
 * Throws RangeError "binning: unknown 'equal:20' (known: ...)", "reference: entry 3 is not finite",
 * "edges: not strictly increasing at index 2", "binning: the fd rule asks for 2.1e+271 bins (more than 100000): ...".
 */
export function binSamples(reference: Distribution, current: Distribution, options?: { binning?: Binning }): BinnedSamples;

/**
 * Counts categorical values on both sides over the union of their levels, sorted by Unicode code point (Python's
 * str order, as pandas/SciPy reports list them).
 * @returns categories, counts per side (aligned with categories), and the levels seen on one side only.
 * Throws TypeError "reference: entry 2 is not a string (number)".
 */
export function countCategories(
  reference: readonly string[],
  current: readonly string[],
): { categories: string[]; referenceCounts: number[]; currentCounts: number[]; onlyInReference: string[]; onlyInCurrent: string[] };

/** A parametric distribution: a frozen plain object (nothing to free), made by a factory in `distributions`. */
export interface ParametricDistribution {
  /** The family, e.g. 'Normal'. */
  readonly family: string;
  /** The parameters in the order of the PyTorch constructor (Categorical probabilities normalized). */
  readonly params: readonly number[];
}

/**
 * Parametric distributions with closed-form KL divergence and entropy, matching torch.distributions (parameters as
 * the PyTorch constructors; the KL pairs PyTorch registers in torch/distributions/kl.py, +Infinity where the supports
 * do not nest, as its tests demand). Factories validate at once and throw RangeError naming the parameter with
 * PyTorch's name: "Normal.scale: must be a finite number > 0 (got -1)", "Binomial.total_count: must be an integer
 * >= 0 (got 2.5)", "MultivariateNormal.covariance_matrix: not positive definite"; TypeError for a wrong argument count
 * or type. All results in nats.
 */
export namespace distributions {
  /** Normal(loc, scale): scale > 0. */
  function Normal(loc: number, scale: number): ParametricDistribution;
  /** MultivariateNormal(loc[d], covarianceMatrix[d][d]): symmetric positive definite (Cholesky). */
  function MultivariateNormal(loc: readonly number[], covarianceMatrix: readonly (readonly number[])[]): ParametricDistribution;
  /** Bernoulli(probs): probs in [0, 1]. */
  function Bernoulli(probs: number): ParametricDistribution;
  /** Binomial(total_count, probs): an integer count >= 0, probs in [0, 1]. */
  function Binomial(totalCount: number, probs: number): ParametricDistribution;
  /** Categorical(probs[k]): weights >= 0 with a positive sum (normalized). */
  function Categorical(probs: Distribution): ParametricDistribution;
  /** Geometric(probs): failures before the first success (PyTorch's convention), probs in (0, 1]. */
  function Geometric(probs: number): ParametricDistribution;
  /** Poisson(rate): rate >= 0. */
  function Poisson(rate: number): ParametricDistribution;
  /** Exponential(rate): rate > 0. */
  function Exponential(rate: number): ParametricDistribution;
  /** Gamma(concentration, rate): both > 0 (rate, not scale: mean = concentration / rate). */
  function Gamma(concentration: number, rate: number): ParametricDistribution;
  /** Beta(concentration1, concentration0): alpha, beta > 0. */
  function Beta(concentration1: number, concentration0: number): ParametricDistribution;
  /** Laplace(loc, scale): scale > 0. */
  function Laplace(loc: number, scale: number): ParametricDistribution;
  /** Uniform(low, high): low < high; support [low, high). */
  function Uniform(low: number, high: number): ParametricDistribution;
  /** Dirichlet(concentration[k]): k >= 2 entries > 0. */
  function Dirichlet(concentration: Distribution): ParametricDistribution;
  /** Gumbel(loc, scale): the maximum-type Gumbel, scale > 0. */
  function Gumbel(loc: number, scale: number): ParametricDistribution;
  /** Cauchy(loc, scale): scale > 0. */
  function Cauchy(loc: number, scale: number): ParametricDistribution;
  /** LogNormal(loc, scale): parameters of ln X, scale > 0. */
  function LogNormal(loc: number, scale: number): ParametricDistribution;
  /** HalfNormal(scale): |X| for X ~ Normal(0, scale). */
  function HalfNormal(scale: number): ParametricDistribution;
  /** Pareto(scale, alpha): both > 0; support [scale, +Infinity). */
  function Pareto(scale: number, alpha: number): ParametricDistribution;
  /**
   * Closed-form D_KL(P‖Q) in nats, as torch.distributions.kl_divergence(p, q): every same-family pair, and the
   * cross-family pairs PyTorch registers (Uniform→Normal, Exponential→Gamma, Beta→Normal, ...).
   * @returns a number in [0, +Infinity]; +Infinity where P's support is not inside Q's (e.g. Uniform(0, 2) vs
   * Uniform(0, 1), Normal vs Exponential). Throws RangeError "q: no closed form for KL(Cauchy || Gamma)" for a pair
   * without a closed form; TypeError when p or q is not a distribution.
   */
  function klDivergence(p: ParametricDistribution, q: ParametricDistribution): number;
  /**
   * Entropy in nats (differential entropy for continuous families), as torch.distributions' entropy().
   * @returns a number (may be negative for continuous families).
   */
  function entropy(p: ParametricDistribution): number;
  /**
   * ln p(x) (density or mass), as torch.distributions' log_prob: −Infinity outside the support.
   * @param x a number or an array of numbers (univariate families); a point or an array of points (number[][]) for
   * MultivariateNormal and Dirichlet. @returns a number for one point, a Float64Array for several.
   */
  function logProb(p: ParametricDistribution, x: number | Distribution | readonly (readonly number[])[]): number | Float64Array;
}

/** Options of compareCsv. */
export interface CompareOptions {
  /** Number of equal-width bins over the pooled range of each numeric column (default 20, 1..10000). */
  bins?: number;
  /** Smoothing: every empty bin gets this probability, then the vector is renormalised (default 1e-4). */
  epsilon?: number;
}

/** Per-side summary of a numeric column (non-missing values). Undefined values (e.g. std of one value) are null. */
export interface NumericSummary {
  /** Non-missing values. */
  n: number;
  /** Missing values (empty, NA, N/A, NaN, null, ?, ...). */
  missing: number;
  mean: number;
  /** Sample standard deviation (ddof = 1). */
  std: number | null;
  min: number;
  /** Quartiles by numpy's 'linear' method. */
  q25: number;
  median: number;
  q75: number;
  max: number;
}

/** A chi-square style test result. */
export interface TestResult {
  statistic: number;
  pvalue: number;
  dof?: number;
}

/**
 * Metrics of one column; P = reference, Q = current; nats unless the key says base2. Infinite values are Infinity.
 * Numeric columns use the shared bins (`bins`); categorical/boolean columns one bin per category.
 */
export interface ColumnMetrics {
  /** D_KL(P‖Q) on raw bin probabilities; Infinity when a bin is empty in current only. */
  kl_ref_cur_raw: number;
  /** D_KL(Q‖P) on raw bin probabilities. */
  kl_cur_ref_raw: number;
  /** D_KL(P‖Q) after smoothing both sides (default: empty bins get 1e-4, renormalised). */
  kl_ref_cur_smoothed: number;
  /** D_KL(Q‖P) after smoothing. */
  kl_cur_ref_smoothed: number;
  /** scipy.spatial.distance.jensenshannon(p, q): base e, in [0, 0.8326]. */
  js_distance_base_e: number;
  /** JS divergence in bits, in [0, 1]. */
  js_divergence_base2: number;
  /** PSI on the smoothed shared bins. */
  psi_smoothed: number;
  /** Total variation distance on raw probabilities. */
  tvd: number;
  /** Hellinger distance on raw probabilities. */
  hellinger: number;
  /** Numeric: PSI on reference-decile bins (the credit-risk convention), smoothed. */
  psi_ref_quantile_smoothed?: number;
  /** Numeric: scipy.stats.wasserstein_distance on the raw values. */
  wasserstein?: number;
  /** Numeric: wasserstein / max(reference std (ddof 0), 0.001), Evidently's normed Wasserstein. */
  wasserstein_normed?: number;
  /** Numeric: two-sample KS statistic and p-value (scipy.stats.ks_2samp, method auto). */
  ks_statistic?: number;
  ks_pvalue?: number;
  ks_method?: 'exact' | 'asymp';
  /** Categorical: chi-square homogeneity on the 2 × K table (scipy.stats.chi2_contingency, no correction). */
  chi2_homogeneity?: TestResult;
  /** Categorical: Pearson goodness of fit of current against reference shares scaled to the current total. */
  chi2_gof_cur_vs_ref_expected?: TestResult;
  /** Binary categorical: two-proportion z-test. */
  z_test?: TestResult;
}

/** The drift decision of one column under the chosen preset. */
export interface ColumnDrift {
  /** 'ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi', ... */
  test: string;
  score: number;
  threshold: number;
  rule: 'score < threshold' | 'score >= threshold';
  /** The p-value when the test is one, else null. */
  pvalue: number | null;
  /** Shown beside the p-value so that large files are not all flagged: normed Wasserstein or JS distance. */
  effect_size: number;
  effect_size_name: string;
  drifted: boolean;
}

/** Fields shared by every column of a report. */
interface ColumnBase {
  name: string;
  type: 'numeric' | 'categorical' | 'boolean';
  /** Whether the type was inferred or given by an override. */
  type_source: 'inferred' | 'override';
  n_ref: number;
  n_cur: number;
  missing_ref: number;
  missing_cur: number;
  /** Present only when the column could not be compared (e.g. "current has no non-missing values"). */
  error?: string;
  /** Change in the share of missing values, a finding of its own (two-proportion z-test). */
  missing_change?: { ref_share: number; cur_share: number; change: number; z: number; pvalue: number; flagged: boolean };
  drift: ColumnDrift | null;
  /** null when exact; otherwise the approximation used (quantile sketch or heavy hitters) and its error bounds. */
  approximate: null | { method: string; k: number; [detail: string]: unknown };
  metrics: ColumnMetrics;
}

/** A numeric column: summaries, the shared bins and the reference-decile bins it used, so every number can be checked. */
export interface NumericColumn extends ColumnBase {
  type: 'numeric';
  summary: { reference: NumericSummary; current: NumericSummary };
  /** Shared bins: edges (bins + 1) and counts per side. */
  bins: { kind: string; edges: number[]; ref_counts: number[]; cur_counts: number[]; degenerate?: boolean };
  /** Reference-decile bins; outer edges are -Infinity and Infinity. null when comparing histogram summaries. */
  quantile_bins: { kind: string; edges: number[]; ref_counts: number[]; cur_counts: number[] } | null;
  /**
   * Only when comparing histogram summaries (docs/summaries.md): the metrics a histogram cannot give, whose values
   * are null: 'psi_ref_quantile_smoothed', 'wasserstein', 'wasserstein_normed', 'ks_statistic', 'ks_pvalue'.
   */
  unavailable?: string[];
  /**
   * Both empirical CDFs and the KS gap (cpp/include/divergence/ecdf.hpp). Each side's right-continuous
   * ECDF F(t) = (values <= t) / n at up to 200 of its own values (its minimum, ranks ceil(k n / 200),
   * and gap.x): exact at every point, x ascending, cdf non-decreasing and ending at 1; a side with at
   * most 200 distinct values gives its whole step function. gap: where |F_ref - F_cur| is largest
   * (scipy.stats.ks_2samp's statistic_location) with both ECDFs there; gap.statistic equals
   * metrics.ks_statistic. For a sketched column (exact false) every cdf is within cdf_error of the true
   * ECDF (rank error fraction per side) and the statistic within statistic_error of the exact one.
   * Absent from reports written before it was added, from columns with an error, and when comparing
   * histogram summaries (a histogram has no ECDF beyond its edges).
   */
  ecdf?: {
    reference: { x: number[]; cdf: number[] };
    current: { x: number[]; cdf: number[] };
    gap: { x: number; ref: number; cur: number; statistic: number };
    exact: boolean;
    cdf_error: { reference: number; current: number };
    statistic_error: number;
  };
}

/** A categorical or boolean column: one bin per category. */
export interface CategoricalColumn extends ColumnBase {
  type: 'categorical' | 'boolean';
  /** Union of the categories of both sides, sorted by code point. */
  categories: string[];
  ref_counts: number[];
  cur_counts: number[];
  only_in_ref: string[];
  only_in_cur: string[];
}

/** One column of a report. */
export type ColumnReport = NumericColumn | CategoricalColumn;

/** The comparison report (schema "divergence-lab/compare-report@2"; fields documented in cpp/include/divergence/report.hpp). */
export interface CompareReport {
  schema: 'divergence-lab/compare-report@2';
  /** The options as strings (binning, smoothing, preset, ...). */
  options: Record<string, string>;
  /** File facts: format ('csv' | 'jsonl' | 'summary'), rows, columns, delimiter, bytes. */
  reference: { format: string; rows: number; columns: number; delimiter: string | null; bytes: number };
  current: { format: string; rows: number; columns: number; delimiter: string | null; bytes: number };
  /** Columns present on one side only (not compared). */
  only_in_reference: string[];
  only_in_current: string[];
  /** Dataset verdict: drifted when the share of drifted columns reaches the threshold (default 0.5). */
  verdict: { drifted: boolean; share: number; threshold: number; n_drifted: number; n_columns: number };
  /** Columns whose statistics are approximate (memory budget exceeded). */
  approximate_columns: string[];
  /** Common columns in the reference's order. */
  columns: ColumnReport[];
}

/** Options of compare(): every option of the engine (cpp/include/divergence/report_spec.hpp documents each). */
export interface CompareAllOptions {
  /** 'auto' (default: '{' first means JSON Lines; a histogram summary is recognised by content), 'csv' (also TSV; delimiter sniffed) or 'jsonl'. */
  format?: 'auto' | 'csv' | 'jsonl';
  /** Shared bins of numeric columns: see Binning (default 'equal-width:20'). */
  binning?: Binning;
  /** Reference-quantile bins for the decile PSI (default 10). */
  quantileBins?: number;
  /** 'epsilon:X' (default 'epsilon:0.0001'), 'pseudocount:X', 'none', or a Smoothing object. */
  smoothing?: string | Smoothing;
  /** Missing-value tokens (default: empty, NA, N/A, NaN, nan, null, NULL, None, ?, #N/A, n/a, -NaN, -nan, <NA>). */
  missing?: readonly string[];
  /** Type overrides: { column: 'numeric' | 'categorical' | 'boolean' }. */
  types?: Record<string, 'numeric' | 'categorical' | 'boolean'>;
  /** Drift preset: 'default' (Evidently-style tests by type and size), 'psi' (0.1 / 0.25), 'custom'. */
  preset?: 'default' | 'psi' | 'custom';
  /** For preset 'custom': 'measure:threshold' for numeric columns (default 'wasserstein_normed:0.1'). */
  customNumeric?: string;
  /** For preset 'custom': 'measure:threshold' for categorical columns (default 'js_distance_base_e:0.1'). */
  customCategorical?: string;
  /** PSI thresholds [moderate, major] (default [0.1, 0.25]). */
  psiThresholds?: readonly number[];
  /** Share of drifted columns that makes the dataset drifted, in (0, 1] (default 0.5). */
  driftShare?: number;
  /** p-value below which a change of the missing share is flagged (default 0.05). */
  missingAlpha?: number;
  /** Bytes of stored numeric values per side before a column switches to the quantile sketch, e.g. '64M' (default). */
  memoryBudget?: string | number;
  /** Distinct labels counted exactly per column and side before heavy hitters (default 10000). */
  categoryLimit?: number;
}

/**
 * Compares a reference file (P) with a current file (Q) column by column, with every option of the engine: CSV/TSV
 * or JSON Lines (Parquet: convert first with parquetToCsv of divergence-lab/compare), or two histogram summaries (JSON, schema
 * "divergence-lab/histogram-summary@1", recognised by content; docs/summaries.md: the schema, the SQL that makes
 * them in DuckDB and Spark SQL, and what a summary cannot give: Wasserstein, KS and decile PSI are then null and
 * listed in each numeric column's `unavailable`). Per column the summaries, KL both ways (raw and smoothed), JS, PSI (shared and decile bins),
 * Wasserstein (raw and normed), KS, TV, Hellinger, chi-square tests, the missing-share change, and a drift
 * decision under the preset; a dataset verdict. The same engine as the CLI (`npx divergence-lab compare`).
 * @returns the report (CompareReport), with "inf" turned into Infinity.
 * Throws an Error named "FormatError" for a malformed file ("current: line 12: expected 7 fields, found 6"), a bad
 * summary naming the column and field ("reference: column 'age': counts: length 1, but 3 edges need 2 counts") or a
 * summary compared with a data file; RangeError naming a bad option ("binning: unknown rule 'equal:20' (known:
 * ...)", "options: unknown option 'x'").
 */
export function compare(
  reference: Uint8Array | ArrayBuffer | string,
  current: Uint8Array | ArrayBuffer | string,
  options?: CompareAllOptions,
): CompareReport;

/**
 * True when the file looks like a histogram summary (docs/summaries.md): its first non-blank character is '{' and the
 * schema name "divergence-lab/histogram-summary@" occurs in its first 4096 bytes; the rule compare() uses to pick
 * the summary comparison.
 */
export function isHistogramSummary(file: Uint8Array | ArrayBuffer | string): boolean;


/**
 * compare() returning the report as JSON text exactly as the engine wrote it (infinities as "inf"): what the CLI
 * prints and what an export should save. @returns JSON text (schema divergence-lab/compare-report@2).
 */
export function compareJson(
  reference: Uint8Array | ArrayBuffer | string,
  current: Uint8Array | ArrayBuffer | string,
  options?: CompareAllOptions,
): string;

/**
 * Compares a reference CSV (P, e.g. training data) with a current CSV (Q, e.g. production data),
 * column by column, entirely in WebAssembly: RFC 4180 parsing (quotes, CRLF, BOM, delimiter
 * sniffing among , ; tab |, skip-initial-space), missing tokens (empty, NA, N/A, NaN, null, ?, ...)
 * dropped and counted, numeric columns binned on `bins` equal-width bins over the pooled range
 * (numpy.histogram rules), categorical columns one bin per level.
 * @param reference, current file contents (bytes or text).
 * @returns the report; metric values follow SciPy (see ColumnMetrics).
 * Throws an Error named "FormatError" for a malformed file, with the side and line:
 * "reference: line 12: expected 7 fields, found 6"; RangeError for bad options.
 */
export function compareCsv(
  reference: Uint8Array | ArrayBuffer | string,
  current: Uint8Array | ArrayBuffer | string,
  options?: CompareOptions,
): CompareReport;

// --- Fitting a normal by KL (the <kl-fit> explainer; core: cpp/src/fit.cpp) ---------------------

/** Options of klNormalFitGradient. */
export interface NormalFitOptions {
  /** 'forward' (default): minimise D_KL(P‖Q), mass-covering. 'reverse': minimise D_KL(Q‖P), mode-seeking. */
  direction?: 'forward' | 'reverse';
}

/** The objective of a normal fit and its gradient. */
export interface NormalFitGradient {
  /** The objective in nats: klGridLog(x, logP, ln q) (forward) or klGridLog(x, ln q, logP) (reverse). */
  kl: number;
  /** ∂kl/∂μ. NaN when kl is +Infinity. */
  dMu: number;
  /** ∂kl/∂ln σ. NaN when kl is +Infinity. */
  dLogSigma: number;
}

/**
 * Objective and exact gradient for fitting one normal Q = N(μ, σ²) to a density P given on a grid, by
 * D_KL(P‖Q) (forward) or D_KL(Q‖P) (reverse), both by the trapezoid rule as klGridLog. The gradient is the exact
 * derivative of that grid sum with respect to μ and ln σ (it agrees with finite differences). The forward optimum is
 * moment matching (μ = the mean of P, σ² = its variance: see gridMoments); the reverse fit is mode-seeking.
 * @param x grid, >= 2 strictly increasing finite points. @param logP ln p at each x (finite, or −Infinity for zero
 * density). @param mu μ of Q. @param logSigma ln σ of Q.
 * @returns { kl, dMu, dLogSigma }, nats; kl is +Infinity in the reverse direction where q > 0 at a point with p = 0.
 * Throws RangeError "x: not strictly increasing at index 4", "logP: length 3 differs from x (length 4)",
 * "logP: entry 2 is NaN", "mu: must be finite (got nan)", "logSigma: must be finite (got inf)";
 * TypeError "direction: expected 'forward' or 'reverse', got \"sideways\"".
 */
export function klNormalFitGradient(
  x: Distribution,
  logP: Distribution,
  mu: number,
  logSigma: number,
  options?: NormalFitOptions,
): NormalFitGradient;

/**
 * Mass ∫ p dx, mean and variance of a density given as ln p on a grid, by the trapezoid rule (mean and variance of
 * the grid density normalised by its mass): the parameters the forward normal fit converges to.
 * @returns { mass, mean, variance }. Throws RangeError as klNormalFitGradient, and "logP: zero mass on the grid".
 */
export function gridMoments(x: Distribution, logP: Distribution): { mass: number; mean: number; variance: number };
