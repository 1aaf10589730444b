// Memory in Chromium: 100,000 API calls and 100 comparisons in one page leave the WebAssembly heap
// in use (memoryStats().heapInUse, the allocator's count), the memory size and the JS heap (CDP:
// HeapProfiler.collectGarbage, then Runtime.getHeapUsage) where they were after a warm-up.
// The package is served as source from this checkout under /__pkg/ on the site's origin, with the
// site's Content-Security-Policy, so the test drives exactly the npm package's files.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
const JS_SLACK = 1024 * 1024; // bytes; a leak of 10 B per call would be 1 MB

test('100,000 calls and 100 comparisons: WASM heap in use and JS heap flat after warm-up', async ({ page }) => {
  test.setTimeout(120_000);
  await page.route('**/__pkg/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__pkg/', '');
    if (!/^(web\/src|web\/wasm|tests\/memory)\/[\w./-]+$/.test(path) && path !== 'index.html') return route.abort();
    const body = path === 'index.html' ? '<!doctype html><title>memory</title>' : readFileSync(root + path);
    return route.fulfill({ body, headers: { 'content-type': TYPES[extname(path)], 'content-security-policy': POLICY } });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/__pkg/index.html');
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ...(await page.evaluate(() => window.dl.memoryStats())), jsHeapUsed: usedSize };
  };
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
