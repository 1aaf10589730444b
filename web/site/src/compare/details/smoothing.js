// The smoothing the report states (options.smoothing: "none", "epsilon:A", "pseudocount:A"), applied
// to one side's counts the way the core does it (cpp/include/divergence/options.hpp), so that the
// per-bin terms drawn on the page add up to the report's smoothed KL and PSI.

/**
 * Parses the report's smoothing option.
 * @param {string} text e.g. "epsilon:0.0001"
 * @returns {{kind: 'none'|'epsilon'|'pseudocount', amount: number}}
 */
export function parseSmoothing(text) {
  const [kind, amount] = String(text ?? 'none').split(':');
  if ((kind === 'epsilon' || kind === 'pseudocount') && Number.isFinite(Number(amount))) return { kind, amount: Number(amount) };
  return { kind: 'none', amount: 0 };
}

/**
 * Probabilities from counts after smoothing: epsilon = normalize, zeros become A, renormalize;
 * pseudocount = add A to every count, normalize; none = normalize.
 * @param {number[]} counts non-negative
 * @param {{kind: string, amount: number}} smoothing
 * @returns {number[]} sums to 1 (all zeros when the counts sum to 0 and there is no smoothing)
 */
export function smoothedShares(counts, smoothing) {
  const sum = (v) => v.reduce((a, b) => a + b, 0);
  if (smoothing.kind === 'pseudocount') {
    const v = counts.map((c) => c + smoothing.amount);
    const t = sum(v);
    return v.map((x) => x / t);
  }
  const total = sum(counts);
  const p = counts.map((c) => (total > 0 ? c / total : 0));
  if (smoothing.kind !== 'epsilon') return p;
  const v = p.map((x) => (x === 0 ? smoothing.amount : x));
  const t = sum(v);
  return v.map((x) => x / t);
}

/**
 * Per-bin terms of KL(P‖Q) = Σ p·ln(p/q) (scipy.special.rel_entr) and PSI = Σ (q − p)·ln(q/p) on
 * the smoothed shares, in nats. A term is +Infinity where the smoothed q (or p, for PSI) is 0.
 */
export function binTerms(refCounts, curCounts, smoothing) {
  const p = smoothedShares(refCounts, smoothing);
  const q = smoothedShares(curCounts, smoothing);
  return p.map((pi, i) => {
    const qi = q[i];
    const kl = pi === 0 ? 0 : qi === 0 ? Infinity : pi * Math.log(pi / qi);
    const psi = pi === qi ? 0 : pi === 0 || qi === 0 ? Infinity : (qi - pi) * Math.log(qi / pi);
    return { p: pi, q: qi, kl, psi };
  });
}
