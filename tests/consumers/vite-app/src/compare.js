// divergence-lab/compare in the app: compareFiles on two CSV texts given as Blobs (a page would pass
// the Files of an <input type="file">); in a browser each file is read in the package's own module
// Web Worker. The result and how many progress reports arrived go back to the caller.
import { compareFiles } from 'divergence-lab/compare';

export async function compareTexts(reference, current) {
  let progressReports = 0;
  const report = await compareFiles(
    new Blob([reference], { type: 'text/csv' }),
    new Blob([current], { type: 'text/csv' }),
    { binning: 'equal-width:20', smoothing: 'epsilon:1e-4' },
    { onProgress: () => (progressReports += 1) },
  );
  return { report, progressReports };
}
