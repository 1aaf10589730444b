// Memory in Chromium: 100,000 API calls and 100 comparisons in one page leave the WebAssembly heap
// in use (memoryStats().heapInUse, the allocator's count), the memory size and the JS heap (CDP:
// HeapProfiler.collectGarbage, then Runtime.getHeapUsage) where they were after a warm-up.
// The package is served as source from this checkout under /__pkg/ on the site's origin, with the
// site's Content-Security-Policy, so the test drives exactly the npm package's files.
import { expect, test } from '@playwright/test';
import { measurer, servePackage } from './package-route.js';

const JS_SLACK = 1024 * 1024; // bytes; a leak of 10 B per call would be 1 MB

test('100,000 calls and 100 comparisons: WASM heap in use and JS heap flat after warm-up', async ({ page }) => {
  test.setTimeout(120_000);
  await servePackage(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/__pkg/index.html');
  const measure = await measurer(page);
  const run = (calls, comparisons) =>
    page.evaluate(
      async ([c, k]) => {
        const { workload } = await import('/__pkg/tests/memory/workload.mjs');
        return workload(window.dl, { calls: c, comparisons: k, ...window.files });
      },
      [calls, comparisons],
    );
  await page.evaluate(async () => {
    window.dl = await import('/__pkg/web/src/index.js');
    await window.dl.init();
    const get = async (name) => new Uint8Array(await (await fetch(`/examples/penguins_biscoe_vs_dream/${name}`)).arrayBuffer());
    window.files = { reference: await get('reference.csv'), current: await get('current.csv') };
  });
  expect(await run(20_000, 10)).toBeGreaterThan(0); // warm-up
  const before = await measure();
  expect(await run(100_000, 100)).toBeGreaterThan(0);
  const after = await measure();
  console.log(`memory (Chromium): before ${JSON.stringify(before)}; after ${JSON.stringify(after)}`);
  expect(after.heapInUse).toBe(before.heapInUse);
  expect(after.memoryBytes).toBe(before.memoryBytes);
  expect(Math.abs(after.jsHeapUsed - before.jsHeapUsed)).toBeLessThan(JS_SLACK);
  expect(errors).toEqual([]);
});
