// The compare page reading large files: a progress bar per file (bytes and rows) while a ~40 MB
// generated file is read in a Web Worker, Cancel keeping the previous report, and a worker that dies
// giving a clear message naming the file, with the page still usable afterwards.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const bigDir = fileURLToPath(new URL('../../test-results/generated/', import.meta.url));
const bigFile = `${bigDir}big-40mb.csv`;

/** ~40 MB: 1,000,000 rows of 4 numeric and 2 categorical columns (fixed seed). */
function writeBig() {
  if (existsSync(bigFile)) return;
  mkdirSync(bigDir, { recursive: true });
  let x = 42;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const parts = ['a,b,c,d,group,city\n'];
  for (let i = 0; i < 1_000_000; i++) {
    parts.push(`${(rnd() * 1000).toFixed(4)},${(rnd() * 10).toFixed(3)},${Math.floor(rnd() * 500)},${(rnd() - 0.5).toFixed(5)},g${Math.floor(rnd() * 9)},c${Math.floor(rnd() * 40)}\n`);
  }
  writeFileSync(bigFile, parts.join(''));
}

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function openWithDefaultExample(page) {
  await page.goto('/compare.html');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#results tbody tr').first()).toBeVisible();
}

test.beforeAll(writeBig);
// Requests the page's service worker answers never reach page.route: the worker-death test needs them to.
test.use({ serviceWorkers: 'block' });

test('a large file shows its progress and completes', async ({ page }) => {
  await openWithDefaultExample(page);
  // Record every progress text and bar value seen, from inside the page.
  await page.evaluate(() => {
    window.__progress = [];
    const panel = document.getElementById('progress');
    new MutationObserver(() => {
      const bar = document.getElementById('reference-progress');
      window.__progress.push({ value: bar.value, max: bar.max, text: document.getElementById('reference-progress-text').textContent });
    }).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(bigFile);
  await expect.poll(() => runs(page), { timeout: 60_000 }).toBeGreaterThan(before);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#status')).toContainText('1,000,000 reference rows');
  const seen = await page.evaluate(() => window.__progress);
  const withBytes = seen.filter((s) => /B of/.test(s.text));
  expect(withBytes.length).toBeGreaterThan(0);
  for (let i = 1; i < withBytes.length; i++) expect(withBytes[i].value).toBeGreaterThanOrEqual(withBytes[i - 1].value);
  expect(withBytes.some((s) => / rows/.test(s.text))).toBe(true);
  await expect(page.locator('#progress')).toBeHidden();
  // The bars are labelled for assistive technology.
  await expect(page.getByRole('progressbar', { name: 'Reference (P)', includeHidden: true })).toHaveCount(1);
  await expect(page.getByRole('progressbar', { name: 'Current (Q)', includeHidden: true })).toHaveCount(1);
});

test('Cancel stops the run and keeps the previous report', async ({ page }) => {
  await openWithDefaultExample(page);
  const rowsBefore = await page.locator('#results tbody').innerHTML();
  const statusBefore = await page.locator('#status').textContent();
  // Press Cancel from inside the page as soon as the first bytes are reported.
  await page.evaluate(() => {
    const text = document.getElementById('reference-progress-text');
    const observer = new MutationObserver(() => {
      if (/B of/.test(text.textContent)) {
        observer.disconnect();
        window.__cancelledAt = text.textContent;
        document.getElementById('cancel').click();
      }
    });
    observer.observe(text, { childList: true, characterData: true, subtree: true });
  });
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(bigFile);
  await expect.poll(() => runs(page), { timeout: 60_000 }).toBeGreaterThan(before);
  expect(await page.evaluate(() => window.__cancelledAt)).toMatch(/B of/);
  await expect(page.locator('#error')).toContainText('Cancelled the comparison of big-40mb.csv');
  await expect(page.locator('#error')).toContainText('is still shown');
  expect(await page.locator('#results tbody').innerHTML()).toBe(rowsBefore);
  await expect(page.locator('#status')).not.toHaveText(statusBefore ?? '');
  await expect(page.locator('#progress')).toBeHidden();
  // The page still works: another example loads.
  const again = await runs(page);
  await page.locator('#example').selectOption({ index: 1 });
  await expect.poll(() => runs(page)).toBeGreaterThan(again);
  await expect(page.locator('#error')).toBeEmpty();
});

test('a worker that dies gives a clear message naming the file, and the page stays usable', async ({ page }) => {
  const workers = { started: 0, closed: 0 };
  page.on('worker', (worker) => {
    workers.started += 1;
    worker.on('close', () => (workers.closed += 1));
  });
  await openWithDefaultExample(page);
  // The next workers start from a script that dies the way an out-of-memory worker does: an
  // uncaught error once it is given work.
  const crash = async (route) => {
    await route.fulfill({
      contentType: 'text/javascript',
      body: "self.onmessage = () => { setTimeout(() => { throw new Error('out of memory (simulated)'); }); };",
    });
  };
  await page.route(/\/assets\/worker[^/]*\.js$/, crash);
  // The page keeps two workers started ahead for its next run (prepareWorkers), loaded before the
  // route: one more run uses them up, and the idle ones it leaves start from the crashing script
  // (they die on their first message and leave the pool, so the next run starts its own).
  const first = await runs(page);
  await page.locator('#reference-file').setInputFiles(`${dataDir}pairs/tips_lunch_vs_dinner/reference.csv`);
  await expect.poll(() => runs(page)).toBeGreaterThan(first);
  await expect(page.locator('#error')).toBeEmpty();
  const rowsBefore = await page.locator('#results tbody').innerHTML();
  const before = await runs(page);
  await page.locator('#current-file').setInputFiles(`${dataDir}pairs/tips_lunch_vs_dinner/current.csv`);
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('#error')).toContainText('the worker reading it stopped');
  await expect(page.locator('#error')).toContainText('out of memory (simulated)');
  await expect(page.locator('#error')).toContainText(/(reference|current) file "[^"]+\.csv": the worker reading it stopped/);
  expect(await page.locator('#results tbody').innerHTML()).toBe(rowsBefore);
  // Workers load normally again: the same file now compares (once every crashing worker, the idle
  // ones started after the failed run included, has ended).
  await expect.poll(() => workers.closed).toBe(workers.started);
  await page.unroute(/\/assets\/worker[^/]*\.js$/, crash);
  const again = await runs(page);
  await page.locator('#current-file').setInputFiles(`${dataDir}pairs/tips_lunch_vs_dinner/current.csv`);
  await expect.poll(() => runs(page)).toBeGreaterThan(again);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#current-name')).toHaveText('current.csv');
});
