// One comparison at a time: runs compareFiles (each file in its own Web Worker) with an
// AbortController; starting a new run or pressing Cancel aborts the running one.
import { compareFiles, prepareWorkers } from '../../../src/compare/index.js';

/** The options of the page's comparison (the conventions of expected.json's equal_width_20 blocks). */
export const PAGE_OPTIONS = { binning: 'equal-width:20', smoothing: 'epsilon:0.0001' };

let running = null;

/** Workers per file: 1, or ?workers=N in the page's address (the benchmark compares 1 and 2). */
const WORKERS = Math.min(16, Math.max(1, Number.parseInt(new URLSearchParams(globalThis.location?.search ?? '').get('workers') ?? '1', 10) || 1));

/** True while a comparison runs. */
export function isRunning() {
  return running !== null;
}

/** Aborts the running comparison (its promise rejects with an AbortError). */
export function cancelRun() {
  running?.abort();
}

/**
 * Compares two inputs (File, bytes or URL); aborts any comparison still running first. `options`
 * (format, types, missing, ...) are added to PAGE_OPTIONS.
 * @returns the report; rejects with an AbortError when cancelled.
 */
export async function runComparison(reference, current, onProgress, options = {}) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  try {
    return await compareFiles(reference, current, { ...PAGE_OPTIONS, ...options }, { onProgress, signal: controller.signal, workers: WORKERS });
  } finally {
    if (running === controller) running = null;
    // The next run's workers start now: they load the core and warm it up while the user picks a
    // file (the run at page load starts its own, so that the first report is not held up).
    prepareWorkers(2 * WORKERS);
  }
}
