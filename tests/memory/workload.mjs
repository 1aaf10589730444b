// The memory workload, the same in Node (tests/js/memory.test.js) and Chromium
// (tests/e2e/memory.spec.js): `calls` API calls over a mix of functions (arrays copied into the
// heap and results copied out, plus calls that throw, whose heap blocks must be freed too) and
// `comparisons` comparisons of a file pair with compare() and compareCsv(). No Node or DOM API.

/** Runs the workload; returns a checksum so no call can be optimized away. */
export function workload(dl, { calls, comparisons, reference, current }) {
  const p = [0.1, 0.6, 0.3];
  const q = new Float64Array([0.2, 0.3, 0.5]);
  const counts = Array.from({ length: 64 }, (_, i) => 1 + ((i * 37) % 11));
  const samples = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 3);
  const shifted = Float64Array.from(samples, (x) => x + 0.5);
  const normal = dl.distributions.Normal(0, 1);
  const steps = [
    () => dl.klDivergence(p, q),
    () => dl.klDivergence(counts, counts.slice().reverse(), { base: 2, smoothing: { epsilon: 1e-4 } }),
    () => dl.jsDistance(p, q),
    () => dl.entropy(counts),
    () => dl.klTerms(p, q)[1],
    () => dl.pointwiseTerms('jeffreys', counts, counts.slice().reverse())[0],
    () => dl.psi(counts, counts.slice().reverse(), { smoothing: { pseudocount: 0.5 } }),
    () => dl.klNormal(0, 1, 1, 2),
    () => dl.wasserstein1(samples, shifted),
    () => dl.ks2samp(samples, shifted).statistic,
    () => dl.binSamples(samples, shifted, { binning: 'equal-width:10' }).currentCounts[3],
    () => dl.distributions.klDivergence(normal, dl.distributions.Normal(1, 2)),
    () => dl.softmax([1, 2, 3])[0],
    () => {
      try {
        dl.klDivergence([0.5, -0.5], q.subarray(0, 2));
      } catch (error) {
        return error.message.length;
      }
      throw new Error('expected a RangeError');
    },
    () => {
      try {
        dl.binSamples([1, NaN], [2]);
      } catch (error) {
        return error.message.length;
      }
      throw new Error('expected a RangeError');
    },
  ];
  let checksum = 0;
  for (let i = 0; i < calls; i++) checksum += steps[i % steps.length]();
  for (let i = 0; i < comparisons; i++) {
    const report = i % 2 === 0 ? dl.compare(reference, current) : dl.compareCsv(reference, current);
    checksum += report.columns.length;
  }
  return checksum;
}
