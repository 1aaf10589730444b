// Cancelling a comparison mid-file frees its memory (issue #8), in Chromium, on the npm package's
// own files (served under /__pkg/ with the site's CSP, package-route.js):
//   * with workers (the browser path): every worker the run started is terminated, and the page's
//     WebAssembly heap in use (memoryStats().heapInUse), its memory size, and the JS heap (CDP
//     HeapProfiler.collectGarbage twice, then Runtime.getHeapUsage) return to where they were;
//   * in this thread (the fallback where no Worker can start, e.g. a page opened from file://; here
//     Worker is hidden): the accumulator handles are closed (streamOpenCount() 0) and the heap in use
//     returns to where it was.
// Each run is cancelled from onProgress once some bytes of the 24 MB reference file have been read,
// so the abort lands mid-file. The figures are printed; the JS heap gets JS_SLACK of slack (the
// WASM heap none).
import { expect, test } from '@playwright/test';
import { measurer, servePackage } from './package-route.js';

const JS_SLACK = 256 * 1024; // bytes: well below one 4 MiB chunk, which a leaked run would hold

async function setUp(page) {
  await servePackage(page);
  await page.goto('/__pkg/index.html');
  await page.evaluate(async () => {
    window.dl = await import('/__pkg/web/src/index.js');
    await window.dl.init();
    // compareFiles of the browser entry (compare/index.js re-exports it beside the Parquet reader,
    // whose bare 'hyparquet' import needs a bundler).
    window.compare = await import('/__pkg/web/src/compare/files_browser.js');
    window.module = (await import('/__pkg/web/src/core/module.js')).wasm('test');
    // Two generated CSV files of about 24 MB (numeric, categorical and boolean columns), as Blobs.
    const file = (shift) => {
      const parts = [];
      for (let part = 0; part < 24; part += 1) {
        let text = part === 0 ? 'x,y,group,flag\n' : '';
        for (let i = 0; i < 40_000; i += 1) {
          const k = part * 40_000 + i;
          text += `${(k % 9973) + shift},${((k * 7919) % 100_003) / 7},g${k % 37},${k % 3 === 0}\n`;
        }
        parts.push(text);
      }
      return new Blob(parts, { type: 'text/csv' });
    };
    window.big = { reference: file(0), current: file(1) };
    window.small = {
      reference: new Blob(['x,group\n1,a\n2,b\n3,a\n']),
      current: new Blob(['x,group\n2,a\n3,b\n4,b\n']),
    };
    // Runs compareFiles on the big pair and cancels it once the reference has read some bytes.
    window.cancelMidFile = async () => {
      const controller = new AbortController();
      let at = null;
      const onProgress = (p) => {
        if (at === null && p.reference.bytes > 0 && p.reference.bytes < window.big.reference.size) {
          at = { reference: p.reference.bytes, current: p.current.bytes, size: window.big.reference.size };
          controller.abort();
        }
      };
      try {
        await window.compare.compareFiles(window.big.reference, window.big.current, {}, { onProgress, signal: controller.signal });
        return { outcome: 'finished', at };
      } catch (error) {
        return { outcome: error.name, at };
      }
    };
  });
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
const show = (label, m) => `${label}: WASM heap in use ${m.heapInUse} B, WASM memory ${mb(m.memoryBytes)}, JS heap ${mb(m.jsHeapUsed)}`;

test('cancelling mid-file with workers: workers terminated, WASM and JS heaps back where they were', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const started = [];
  const closed = [];
  page.on('worker', (worker) => {
    started.push(worker.url());
    worker.on('close', () => closed.push(worker.url()));
  });
  await setUp(page);
  const measure = await measurer(page);
  // Warm-up: a full comparison (workers load the module once, code caches fill), then one cancelled run.
  const warm = await page.evaluate(() => window.compare.compareFiles(window.small.reference, window.small.current).then((r) => r.columns.length));
  expect(warm).toBe(2);
  expect((await page.evaluate(() => window.cancelMidFile())).outcome).toBe('AbortError');
  await expect.poll(() => closed.length).toBe(started.length);
  const before = await measure();
  const startedBefore = started.length;

  const run = await page.evaluate(() => window.cancelMidFile());
  expect(run.outcome).toBe('AbortError');
  expect(run.at.reference).toBeGreaterThan(0);
  expect(run.at.reference).toBeLessThan(run.at.size); // mid-file
  const ours = started.length - startedBefore;
  expect(ours).toBeGreaterThanOrEqual(2); // one per file
  await expect.poll(() => closed.length, { message: 'every worker of the cancelled run terminated' }).toBe(started.length);
  const after = await measure();
  console.log(`cancel with workers (cancelled at ${mb(run.at.reference)} of ${mb(run.at.size)}, ${ours} workers, all terminated)`);
  console.log(`  ${show('before', before)}\n  ${show('after ', after)}`);
  expect(after.heapInUse).toBe(before.heapInUse);
  expect(after.memoryBytes).toBe(before.memoryBytes);
  expect(Math.abs(after.jsHeapUsed - before.jsHeapUsed)).toBeLessThan(JS_SLACK);
  expect(errors).toEqual([]);
});

test('cancelling mid-file in this thread (no workers): accumulator handles freed, heaps back', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const started = [];
  page.on('worker', (worker) => started.push(worker.url()));
  await setUp(page);
  await page.evaluate(() => {
    window.Worker = undefined; // compareFiles then runs the engine in this thread (files_browser.js)
  });
  const measure = await measurer(page);
  expect((await page.evaluate(() => window.cancelMidFile())).outcome).toBe('AbortError'); // warm-up
  const before = await measure();
  expect(await page.evaluate(() => window.module.streamOpenCount())).toBe(0);

  // Count the handles open while the run is under way: the abort must find some to free.
  const run = await page.evaluate(async () => {
    let openAtAbort = 0;
    const controller = new AbortController();
    let at = null;
    const onProgress = (p) => {
      // Both accumulators open and a file part-read: whichever side is mid-file (under load one
      // file can be read whole before the other's first chunk arrives).
      const side = ['reference', 'current'].find((s) => p[s].bytes > 0 && p[s].bytes < window.big[s].size);
      if (at === null && side && window.module.streamOpenCount() === 2) {
        at = { side, bytes: p[side].bytes, size: window.big[side].size };
        openAtAbort = window.module.streamOpenCount();
        controller.abort();
      }
    };
    let outcome = 'finished';
    try {
      await window.compare.compareFiles(window.big.reference, window.big.current, {}, { onProgress, signal: controller.signal });
    } catch (error) {
      outcome = error.name;
    }
    return { outcome, at, openAtAbort, openAfter: window.module.streamOpenCount() };
  });
  const after = await measure();
  console.log(`cancel in this thread (cancelled at ${mb(run.at.bytes)} of ${mb(run.at.size)} of the ${run.at.side} file; open accumulators ${run.openAtAbort} at the abort, ${run.openAfter} after)`);
  console.log(`  ${show('before', before)}\n  ${show('after ', after)}`);
  expect(run.outcome).toBe('AbortError');
  expect(run.at.bytes).toBeLessThan(run.at.size);
  expect(run.openAtAbort).toBe(2); // one accumulator per file, both mid-read
  expect(run.openAfter).toBe(0);
  expect(started).toEqual([]); // really no worker
  expect(after.heapInUse).toBe(before.heapInUse);
  expect(Math.abs(after.jsHeapUsed - before.jsHeapUsed)).toBeLessThan(JS_SLACK);
  expect(errors).toEqual([]);
});
