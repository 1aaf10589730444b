// A Node ESM script that compares two CSV files given as paths with divergence-lab/compare, as a
// user's script would (streamed from disk in chunks). Prints a few values of the report as JSON.
// Usage: node node/compare.mjs REFERENCE.csv CURRENT.csv
import { compareFiles } from 'divergence-lab/compare';

const [reference, current] = process.argv.slice(2);
let progressReports = 0;
const report = await compareFiles(reference, current, { binning: 'equal-width:20', smoothing: 'epsilon:1e-4' }, {
  onProgress: () => (progressReports += 1),
});
const numeric = report.columns.filter((c) => c.type === 'numeric');
console.log(
  JSON.stringify({
    schema: report.schema,
    rows: [report.reference.rows, report.current.rows],
    progressReports,
    columns: Object.fromEntries(
      numeric.map((c) => [c.name, { ks: c.metrics.ks_statistic, gap: c.ecdf.gap.statistic, kl: c.metrics.kl_ref_cur_smoothed, counts: c.bins.ref_counts }]),
    ),
  }),
);
