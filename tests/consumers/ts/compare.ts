// divergence-lab/compare as a TypeScript user calls it: every export, and misuses tsc must reject.
import { compareFiles, type CompareControl, type CompareInput, type CompareProgress, type SideProgress } from 'divergence-lab/compare';

const controller = new AbortController();
const seen: CompareProgress[] = [];
const side = (p: SideProgress): number => p.bytes + p.rows + (p.totalBytes ?? 0) + (p.done ? 1 : 0);
const control: CompareControl = { signal: controller.signal, onProgress: (p) => seen.push(p), workers: 2 };
const inputs: [CompareInput, CompareInput, CompareInput, CompareInput, CompareInput] = [
  new Blob(['a\n1\n']),
  new Uint8Array([97, 10, 49, 10]),
  new ArrayBuffer(4),
  'data/ref.csv',
  new URL('https://example.org/x.csv'),
];

export async function run(): Promise<boolean> {
  const report = await compareFiles(inputs[0], inputs[1], { binning: 'equal-width:20', smoothing: 'epsilon:0.0001' }, control);
  seen.forEach((p) => side(p.reference) + side(p.current));
  // The ECDF block of a numeric column (optional: older reports lack it).
  for (const column of report.columns) {
    if (column.type === 'numeric' && column.ecdf) {
      const gap: number = column.ecdf.gap.statistic - Math.abs(column.ecdf.gap.ref - column.ecdf.gap.cur);
      const points: number = column.ecdf.reference.x.length + column.ecdf.current.cdf.length + column.ecdf.statistic_error + gap;
      if (!column.ecdf.exact) seen.length = points;
      // @ts-expect-error: a block carries both curves, the gap and its bounds
      column.ecdf = { reference: column.ecdf.reference };
    }
  }
  // @ts-expect-error: options are the engine's (CompareAllOptions), not compareCsv's
  await compareFiles(inputs[0], inputs[1], { bins: 20 });
  // @ts-expect-error: a number is not an input
  await compareFiles(42, inputs[1]);
  return report.verdict.drifted;
}
