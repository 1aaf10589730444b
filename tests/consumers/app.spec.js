// The packed package in a fresh Vite app (tests/consumers/setup.mjs), in the production build
// (vite preview, strict CSP) and under the dev server: the core API, a web component, a module
// worker and the single-file build compute the values SciPy gives; the .wasm is found and served
// as application/wasm; the console stays clean. compareFiles from divergence-lab/compare reads two
// CSV Blobs in the package's module workers and gives expected.json's values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { installedPackage } from './consumer.js';
import { runnableBlocks } from './readme-examples.js';

// scipy.stats.entropy([0.1, 0.6, 0.3], [0.2, 0.3, 0.5]) = 0.19332590315017542 (ours is 1 ulp above,
// the README's stated value); KL(N(0,1)‖N(1,1)) = (mu_p - mu_q)^2 / 2 = 0.5 exactly.
const KL = '0.19332590315017545';

const dataDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const expected = JSON.parse(readFileSync(join(dataDir, 'expected.json'), 'utf8'));

function watch(page) {
  const problems = [];
  const wasm = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasm.push({ status: response.status(), type: response.headers()['content-type'] });
    else if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { problems, wasm };
}

test('core API, a web component and a module worker compute in the app', async ({ page }, info) => {
  const { problems, wasm } = watch(page);
  await page.goto('/');
  await expect(page.locator('#kl')).toHaveText(KL);
  await expect(page.locator('#worker-kl')).toHaveText(KL);

  const widget = page.locator('kl-gaussians');
  await widget.evaluate((element) => element.ready);
  expect(await widget.evaluate((element) => element.klPQ)).toBe(0.5);
  await expect(widget.locator('svg').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath(`app-${info.project.name}.png`), fullPage: true });

  // Main thread and worker each fetched the separate .wasm (same URL, maybe from the cache).
  expect(wasm.length).toBeGreaterThanOrEqual(1);
  for (const response of wasm) expect(response).toEqual({ status: 200, type: 'application/wasm' });
  expect(problems).toEqual([]);
});

test('compareFiles from divergence-lab/compare: two CSV Blobs, read in its workers, give expected.json values', async ({ page }) => {
  const { problems } = watch(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  await expect(page.locator('#kl')).toHaveText(KL);
  const pair = expected.pairs.find((p) => p.id === 'tips_lunch_vs_dinner');
  const texts = [pair.reference_file, pair.current_file].map((file) => readFileSync(join(dataDir, file), 'utf8'));
  const before = workers.length;
  const { report, progressReports } = await page.evaluate(([ref, cur]) => window.compareTexts(ref, cur), texts);
  // One module worker per file (the app's own KL worker started before).
  expect(workers.length - before).toBeGreaterThanOrEqual(2);
  expect(progressReports).toBeGreaterThanOrEqual(1);
  expect(report.schema).toBe('divergence-lab/compare-report@2');
  expect([report.reference.rows, report.current.rows]).toEqual([pair.reference_rows, pair.current_rows]);
  for (const name of ['total_bill', 'tip']) {
    const want = pair.columns[name];
    const got = report.columns.find((c) => c.name === name);
    expect(Math.abs(got.metrics.ks_statistic - want.ks.statistic), `${name} KS`).toBeLessThanOrEqual(1e-12);
    const kl = want.equal_width_20.kl_ref_cur_smoothed;
    expect(Math.abs(got.metrics.kl_ref_cur_smoothed - kl), `${name} KL`).toBeLessThanOrEqual(1e-9 * kl);
    expect(got.bins.cur_counts, `${name} counts`).toEqual(want.equal_width_20.cur_counts);
  }
  expect(problems).toEqual([]);
});

test('the single-file build computes with no .wasm request', async ({ page }) => {
  const { problems, wasm } = watch(page);
  await page.goto('/single.html');
  await expect(page.locator('#kl-normal')).toHaveText('0.5');
  expect(wasm).toEqual([]);
  expect(problems).toEqual([]);
});

test("the README's script-tag example from a CDN: strict CSP, no request beyond the bundle", async ({ page }, info) => {
  test.skip(info.project.name !== 'vite-preview', 'does not involve the app server: run once');
  const [example] = runnableBlocks().filter((block) => block.language === 'html');
  const { version } = JSON.parse(readFileSync(join(installedPackage, 'package.json'), 'utf8'));
  const cdn = `https://cdn.jsdelivr.net/npm/divergence-lab@${version}/`;
  expect(example.code, 'the README points at this version on the CDN').toContain(cdn);
  // The CDN is answered from the installed package (jsDelivr serves the tarball's files by path).
  const requests = [];
  await page.route('https://cdn.jsdelivr.net/**', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (!url.startsWith(cdn)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(installedPackage, url.slice(cdn.length))) });
  });
  await page.route('https://docs.example/glossary.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': "default-src 'none'; script-src https://cdn.jsdelivr.net 'wasm-unsafe-eval'; style-src 'unsafe-inline'" },
      body: `<!doctype html><html lang="en"><head><title>glossary</title></head><body>${example.code}</body></html>`,
    }),
  );
  const { problems } = watch(page);
  await page.goto('https://docs.example/glossary.html');
  const coin = page.locator('kl-coin');
  await coin.evaluate((element) => element.ready);
  // KL(Bernoulli(0.9)‖Bernoulli(0.5)) in bits = 1 − H2(0.9).
  const expected = 1 + 0.9 * Math.log2(0.9) + 0.1 * Math.log2(0.1);
  expect(await coin.evaluate((element) => element.klPQ)).toBeCloseTo(expected, 12);
  const gaussians = page.locator('kl-gaussians');
  await gaussians.evaluate((element) => element.ready);
  expect(await gaussians.evaluate((element) => element.klPQ)).toBe(0.5);
  await page.screenshot({ path: info.outputPath('cdn-example.png'), fullPage: true });
  expect(requests).toEqual([`${cdn}dist/widgets/divergence-lab-widgets.js`]);
  expect(problems).toEqual([]);
});
