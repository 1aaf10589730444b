// The compare page on every pair of ../shared/data: the values shown equal expected.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected = JSON.parse(readFileSync(dataDir + 'expected.json', 'utf8'));

const num = (v) => (v === 'inf' ? Infinity : v);
const close = (got, want) => (Number.isFinite(want) ? Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-15 : got === want);

async function runs(page) {
  return Number(await page.locator('html').getAttribute('data-runs'));
}

async function openWithDefaultExample(page) {
  await page.goto('/compare.html');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
}

async function loadPair(page, ref, cur) {
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(ref);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
  await page.locator('#current-file').setInputFiles(cur);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 2);
}

for (const pair of expected.pairs) {
  test(`${pair.id}: every column matches expected.json (equal_width_20)`, async ({ page }) => {
    await openWithDefaultExample(page);
    await loadPair(page, dataDir + pair.reference_file, dataDir + pair.current_file);
    await expect(page.locator('#error')).toBeEmpty();
    for (const [name, want] of Object.entries(pair.columns)) {
      const row = page.locator(`#results tr[data-column="${name}"]`);
      await expect(row, name).toHaveCount(1);
      expect(await row.getAttribute('data-type'), name).toBe(want.type);
      const block = want.type === 'numeric' ? want.equal_width_20 : want;
      const refCounts = JSON.parse(await row.getAttribute('data-ref-counts'));
      const curCounts = JSON.parse(await row.getAttribute('data-cur-counts'));
      expect(refCounts, `${name} reference counts`).toEqual(block.ref_counts);
      expect(curCounts, `${name} current counts`).toEqual(block.cur_counts);
      for (const key of ['n_ref', 'n_cur', 'missing_ref', 'missing_cur']) {
        const got = Number(await row.locator(`[data-metric="${key}"]`).getAttribute('data-value'));
        expect(got, `${name} ${key}`).toBe(want[key]);
      }
      for (const key of ['kl_ref_cur_raw', 'kl_cur_ref_raw', 'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed', 'js_distance_base_e', 'psi_smoothed']) {
        const got = Number(await row.locator(`[data-metric="${key}"]`).getAttribute('data-value'));
        const wantValue = num(block[key]);
        expect(close(got, wantValue), `${name} ${key}: got ${got}, want ${wantValue}`).toBe(true);
      }
    }
  });
}

test('a malformed file gets a clear message and the previous result stays', async ({ page }) => {
  await openWithDefaultExample(page);
  const rowsBefore = await page.locator('#results tbody tr').count();
  expect(rowsBefore).toBeGreaterThan(0);
  const firstRow = await page.locator('#results tbody tr').first().innerHTML();
  const before = await runs(page);
  await page.locator('#current-file').setInputFiles({
    name: 'ragged.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a,b,c\n1,2,3\n4,5\n'),
  });
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
  await expect(page.locator('#error')).toContainText('ragged.csv');
  await expect(page.locator('#error')).toContainText('line 3');
  expect(await page.locator('#results tbody tr').count()).toBe(rowsBefore);
  expect(await page.locator('#results tbody tr').first().innerHTML()).toBe(firstRow);
});

test('screenshot', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openWithDefaultExample(page);
  await page.screenshot({ path: testInfo.outputPath('compare-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('compare-375.png'), fullPage: true });
});
