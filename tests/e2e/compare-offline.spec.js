// Offline (issue #5): after one visit the comparison page works with the network off (service
// worker), and the single-file build (dist/compare-single/compare.html, everything inlined) opens
// from disk and compares a pair chosen from files, under its hash-based script-src, requesting
// nothing but itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected = JSON.parse(readFileSync(dataDir + 'expected.json', 'utf8'));
const single = fileURLToPath(new URL('../../dist/compare-single/compare.html', import.meta.url));
const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function checkTips(page) {
  const tips = expected.pairs.find((p) => p.id === 'tips_lunch_vs_dinner');
  const want = tips.columns.tip.equal_width_20.js_distance_base_e;
  const got = Number(await page.locator('#results tr[data-column="tip"] td[data-metric="js_distance_base_e"]').getAttribute('data-value'));
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * want);
}

test('after the first visit the page works offline: reload, then compare another example', async ({ page, context }) => {
  await page.goto('/compare.html');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });

  await context.setOffline(true);
  await page.reload();
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#results tr[data-column="species"]')).toHaveCount(1);
  const before = await runs(page);
  await page.locator('#example').selectOption('tips_lunch_vs_dinner');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
  await expect(page.locator('#error')).toBeEmpty();
  await checkTips(page);
  await context.setOffline(false);
});

test('the single-file build opens from disk and compares a pair from files', async ({ page }) => {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${single}`);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1); // the example cannot load from disk: said, not fatal
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(dataDir + 'pairs/tips_lunch_vs_dinner/reference.csv');
  await page.locator('#current-file').setInputFiles(dataDir + 'pairs/tips_lunch_vs_dinner/current.csv');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 2);
  await expect(page.locator('#error')).toBeEmpty();
  await checkTips(page);
  await expect(page.locator('#verdict')).toContainText('drift');
  // Only the page itself (and the example files it tried) was requested; no script was blocked.
  expect(requests.filter((u) => !u.startsWith(`file://${single}`) && !/\/examples\/[^/]+\/(reference|current)\.csv$/.test(u))).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
});
