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
}

/** Options passed through to the Emscripten module factory. */
export interface InitOptions {
  /** The .wasm bytes, when you load them yourself (the Node entry reads them from disk). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps the file name "divergence.wasm" to the URL it is served from. */
  locateFile?: (path: string, prefix: string) => string;
}

/**
 * Loads the WebAssembly core. Await it once before calling anything else; repeated calls return the
 * same promise. Rejects with an Error naming the cause when the .wasm cannot be loaded.
 */
export function init(options?: InitOptions): Promise<void>;

/** True once init() has finished. */
export function isReady(): boolean;

/**
 * Kullback-Leibler divergence D_KL(P‖Q) = Σ p_i log(p_i / q_i).
 * Conventions: 0·log(0/q) = 0; p_i > 0 where q_i = 0 gives +Infinity.
 * @param p P, length n >= 1. @param q Q, the same length.
 * @returns a number in [0, +Infinity], in nats (or the unit of `base`).
 * Matches scipy.stats.entropy(p, q, base) and sum(scipy.special.rel_entr(p, q)).
 * Note the argument order differs from torch.nn.functional.kl_div(input=log Q, target=P).
 */
export function klDivergence(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

/**
 * Cross-entropy H(P, Q) = -Σ p_i log q_i = H(P) + D_KL(P‖Q); +Infinity where q_i = 0 < p_i.
 * @returns a number in [H(P), +Infinity], in nats (or the unit of `base`).
 * SciPy has no single function: equals scipy.stats.entropy(p) + scipy.stats.entropy(p, q).
 */
export function crossEntropy(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

/**
 * Shannon entropy H(P) = -Σ p_i log p_i.
 * @returns a number in [0, log n], in nats (or the unit of `base`). Matches scipy.stats.entropy(p, base=base).
 */
export function entropy(p: Distribution, options?: DiscreteOptions): number;

/**
 * Jensen-Shannon divergence JS(P, Q) = ½ D_KL(P‖M) + ½ D_KL(Q‖M), M = (P + Q)/2. Symmetric, always finite.
 * @returns a number in [0, ln 2] nats ([0, 1] bits). Equals scipy.spatial.distance.jensenshannon(p, q, base) ** 2.
 */
export function jsDivergence(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

/**
 * Jensen-Shannon distance √JS(P, Q), a metric.
 * @returns a number in [0, √ln 2 ≈ 0.8326] (base e) or [0, 1] (base 2).
 * Matches scipy.spatial.distance.jensenshannon(p, q, base).
 */
export function jsDistance(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

/**
 * Pointwise KL terms p_i log(p_i / q_i), one per entry (after normalization if `normalize`); they sum
 * to klDivergence. 0 where p_i = 0; +Infinity where p_i > 0 = q_i; negative where p_i < q_i.
 * @returns a new Float64Array of length n, in nats (or the unit of `base`).
 * Matches scipy.special.rel_entr(p, q) / log(base).
 */
export function klTerms(p: Distribution, q: Distribution, options?: DiscreteOptions): Float64Array;

/**
 * Population Stability Index Σ (q_i - p_i) ln(q_i / p_i) with P = reference (expected) and
 * Q = current (actual); equals D_KL(P‖Q) + D_KL(Q‖P). +Infinity when a bin is empty on exactly one
 * side: smooth the counts first. Rule of thumb: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major.
 * @returns a number in [0, +Infinity], in nats (or the unit of `base`).
 */
export function psi(reference: Distribution, current: Distribution, options?: DiscreteOptions): number;

/** Total variation distance ½ Σ |p_i - q_i|, in [0, 1]; no unit (base is ignored). */
export function totalVariation(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

/**
 * Hellinger distance √(½ Σ (√p_i - √q_i)²) = √(1 - BC), in [0, 1]; no unit (base is ignored).
 * BC = Σ √(p_i q_i) is the Bhattacharyya coefficient.
 */
export function hellinger(p: Distribution, q: Distribution, options?: DiscreteOptions): number;

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

/** Options of compareCsv. */
export interface CompareOptions {
  /** Number of equal-width bins over the pooled range of each numeric column (default 20, 1..10000). */
  bins?: number;
  /** Smoothing: every empty bin gets this probability, then the vector is renormalised (default 1e-4). */
  epsilon?: number;
}

/** Per-side summary of a numeric column. */
export interface NumericSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (ddof = 1). */
  std: number;
  min: number;
  max: number;
}

/** Metrics shared by numeric and categorical columns. P = reference, Q = current. Nats unless base2. */
export interface ColumnMetrics {
  /** D_KL(P‖Q) on raw bin probabilities; Infinity when a bin is empty in current only. */
  kl_ref_cur_raw: number;
  /** D_KL(Q‖P) on raw bin probabilities. */
  kl_cur_ref_raw: number;
  /** D_KL(P‖Q) after epsilon smoothing of both sides. */
  kl_ref_cur_smoothed: number;
  kl_cur_ref_smoothed: number;
  /** scipy.spatial.distance.jensenshannon(p, q): base e, in [0, 0.8326]. */
  js_distance_base_e: number;
  /** JS divergence in bits, in [0, 1]. */
  js_divergence_base2: number;
  /** PSI on smoothed probabilities. */
  psi_smoothed: number;
  /** Total variation distance on raw probabilities. */
  tvd: number;
  /** Hellinger distance on raw probabilities. */
  hellinger: number;
}

export interface NumericColumn extends ColumnMetrics {
  name: string;
  type: 'numeric';
  n_ref: number;
  n_cur: number;
  missing_ref: number;
  missing_cur: number;
  summary: { reference: NumericSummary; current: NumericSummary };
  /** The bins used: edges (bins + 1, numpy.linspace over the pooled min..max) and counts per side. */
  bins: { edges: number[]; ref_counts: number[]; cur_counts: number[] };
}

export interface CategoricalColumn extends ColumnMetrics {
  name: string;
  type: 'categorical';
  n_ref: number;
  n_cur: number;
  missing_ref: number;
  missing_cur: number;
  /** Union of the levels of both sides, sorted by code point. */
  categories: string[];
  ref_counts: number[];
  cur_counts: number[];
  only_in_ref: string[];
  only_in_cur: string[];
}

/** A column that could not be compared (e.g. no values on one side). */
export interface FailedColumn {
  name: string;
  type: 'numeric' | 'categorical';
  error: string;
}

export type ColumnReport = NumericColumn | CategoricalColumn | FailedColumn;

export interface CompareReport {
  schema: 'divergence-lab/compare-report@1';
  options: { binning: string; smoothing: string };
  reference: { rows: number; columns: number; delimiter: string };
  current: { rows: number; columns: number; delimiter: string };
  /** Columns present on one side only (not compared). */
  only_in_reference: string[];
  only_in_current: string[];
  /** Common columns in the reference's order. */
  columns: ColumnReport[];
}

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
