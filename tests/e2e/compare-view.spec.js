// What the comparison page shows of a report: the verdict line, sorting and filtering of the table,
// the per-bin KL/PSI contributions (their sums equal the report's metrics), the ECDF gap (the
// table's KS statistic), the counts/percent toggle, the exports (same bytes as the CLI's formats),
// axe-core in light and dark, and screenshots at 375 and 1280 px in light and dark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected = JSON.parse(readFileSync(dataDir + 'expected.json', 'utf8'));
const penguins = expected.pairs.find((p) => p.id === 'penguins_biscoe_vs_dream');

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function open(page, example = 'penguins_biscoe_vs_dream') {
  await page.goto(`/compare.html?example=${example}`);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#error')).toBeEmpty();
}

// A card's charts are drawn when it comes near the viewport (histogram.js), as a reader scrolls.
async function showCard(card) {
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('svg.hist g').first()).toBeAttached();
}

async function columnOrder(page) {
  return page.locator('#results tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.column));
}

test('verdict line: drift, share against the threshold, preset', async ({ page }) => {
  await open(page);
  // Penguins Biscoe vs Dream: 6 of 7 columns drift under the default preset (CLI report).
  await expect(page.locator('#verdict')).toHaveAttribute('data-drifted', 'true');
  await expect(page.locator('#verdict')).toContainText('Dataset drift detected.');
  await expect(page.locator('#verdict')).toContainText('6 of 7 compared columns drifted: share 0.857 ≥ threshold 0.5; default preset');
});

test('the table sorts by click and keyboard, with aria-sort, and filters', async ({ page }) => {
  await open(page);
  // expected.json has every column but island (one category per side: JS distance sqrt(ln 2)).
  const columns = { ...penguins.columns, island: { type: 'categorical', js_distance_base_e: Math.sqrt(Math.LN2) } };
  const names = Object.keys(columns);
  expect((await columnOrder(page)).sort()).toEqual([...names].sort());

  // JS distance, descending on first click: the values are expected.json's.
  const js = Object.entries(columns).map(([n, c]) => [n, (c.type === 'numeric' ? c.equal_width_20 : c).js_distance_base_e]);
  const byJs = [...js].sort((a, b) => b[1] - a[1]).map(([n]) => n);
  const header = page.locator('#results thead th[data-key="js_distance_base_e"]');
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await columnOrder(page)).toEqual(byJs);
  await header.locator('button').press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect(await columnOrder(page)).toEqual([...byJs].reverse());
  await expect(page.locator('#results thead th[aria-sort]')).toHaveCount(1);

  // Name sort by keyboard (Space), ascending.
  const nameHeader = page.locator('#results thead th[data-key="name"]');
  await nameHeader.locator('button').focus();
  await page.keyboard.press('Space');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await columnOrder(page)).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  // Filters: text, type, drifted only (sex is the one column that does not drift).
  await page.locator('#filter-text').fill('length');
  expect(await columnOrder(page)).toEqual(['bill_length_mm', 'flipper_length_mm']);
  await expect(page.locator('#filter-count')).toHaveText('2 of 7 columns shown.');
  await page.locator('#filter-text').fill('');
  await page.locator('#filter-type').selectOption('categorical');
  expect((await columnOrder(page)).sort()).toEqual(names.filter((n) => columns[n].type === 'categorical').sort());
  await page.locator('#filter-type').selectOption('');
  await page.locator('#filter-drifted').check();
  expect((await columnOrder(page)).sort()).toEqual(names.filter((n) => n !== 'sex').sort());
  await expect(page.locator('#results tr[data-column="sex"] td[data-metric="drifted"]')).toHaveAttribute('data-value', 'no');
});

test('details: per-bin terms add up to the smoothed KL and PSI; the marked ECDF gap is the KS statistic', async ({ page }) => {
  await open(page);
  for (const [name, want] of Object.entries(penguins.columns)) {
    const block = want.type === 'numeric' ? want.equal_width_20 : want;
    const card = page.locator(`.hist-card[data-column="${name}"]`);
    await showCard(card);
    const sums = card.locator('.contribution-sums');
    const kl = Number(await sums.getAttribute('data-kl-sum'));
    const psi = Number(await sums.getAttribute('data-psi-sum'));
    expect(Math.abs(kl - block.kl_ref_cur_smoothed), `${name} KL`).toBeLessThanOrEqual(1e-9 * block.kl_ref_cur_smoothed + 1e-15);
    expect(Math.abs(psi - block.psi_smoothed), `${name} PSI`).toBeLessThanOrEqual(1e-9 * block.psi_smoothed + 1e-15);
    await expect(card.locator('svg.contrib title').first()).toContainText('per-bin contribution');
    if (want.type === 'numeric') {
      // The gap drawn on the plot is the table's KS statistic, bit for bit, and SciPy's (expected.json).
      const mark = card.locator('svg.ecdf .ks-gap');
      await expect(mark.locator('line')).toHaveCount(1);
      const gap = Number(await mark.getAttribute('data-gap'));
      const tableKs = Number(await page.locator(`#results tr[data-column="${name}"] td[data-metric="ks_statistic"]`).getAttribute('data-value'));
      expect(gap, `${name} marked gap = table KS`).toBe(tableKs);
      expect(Math.abs(gap - want.ks.statistic), `${name} gap vs SciPy`).toBeLessThanOrEqual(1e-12);
      // The marked segment spans the two ECDF values at the gap: their difference is the statistic.
      const [y1, y2] = await mark.locator('line').evaluate((l) => [Number(l.getAttribute('y1')), Number(l.getAttribute('y2'))]);
      const plotHeight = 200 - 10 - 34; // drawEcdf's inner height: y(1) = 0, y(0) = 156
      expect(Math.abs(Math.abs(y1 - y2) / plotHeight - gap), `${name} segment length`).toBeLessThanOrEqual(1e-9);
      await expect(card.locator('svg.ecdf path.ecdf-ref')).toHaveCount(1);
      await expect(card.locator('.more[data-gap]')).toContainText(`D = `);
    }
  }
});

test('charts are drawn as their card comes near the viewport, in place (the page does not move), and all before printing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  await open(page);
  const cards = page.locator('.hist-card');
  const last = cards.last();
  const drawn = (card) => card.locator('svg.hist g').count();
  // Far below the viewport: built (heading, metrics, each chart's title, description and height), not drawn.
  expect(await drawn(last)).toBe(0);
  await expect(last.locator('svg.hist > title')).not.toBeEmpty();
  await expect(last.locator('svg.contrib > desc')).not.toBeEmpty();
  const before = await last.evaluate((c) => c.getBoundingClientRect().height);
  const first = await cards.first().evaluate((c) => c.getBoundingClientRect().height);
  expect(first).toBeGreaterThan(0);
  await last.scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(last)).toBeGreaterThan(0);
  expect(await last.evaluate((c) => c.getBoundingClientRect().height)).toBe(before);
  // Printing draws every card that is not drawn yet.
  await open(page);
  expect(await drawn(cards.last())).toBe(0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const counts = await cards.evaluateAll((all) => all.map((c) => c.querySelectorAll('svg.hist g').length));
  expect(counts.every((n) => n > 0)).toBe(true);
});

test('histograms switch between percent and counts', async ({ page }) => {
  await open(page);
  const card = page.locator('.hist-card[data-column="island"]');
  await showCard(card);
  await expect(card.locator('svg.hist > title')).toContainText('percent of each file');
  const ticks = () => card.locator('svg.hist .axis-x .tick text').allTextContents();
  expect((await ticks()).every((t) => t.endsWith('%'))).toBe(true);
  await page.locator('input[name="hist-mode"][value="counts"]').check();
  await expect(card.locator('svg.hist > title')).toContainText('counts');
  const counts = await ticks();
  expect(counts.some((t) => t.endsWith('%'))).toBe(false);
  // Island: 168 reference and 124 current rows, one category each: the count axis reaches 160+.
  expect(Math.max(...counts.map(Number))).toBeGreaterThanOrEqual(160);
});

test('exports: JSON, CSV, HTML and Markdown downloads of the report on screen', async ({ page }) => {
  await open(page);
  const got = {};
  for (const format of ['json', 'csv', 'html', 'md']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#exports button[data-export="${format}"]`).click()]);
    expect(download.suggestedFilename()).toBe(`penguins_biscoe_vs_dream-report.${format}`);
    got[format] = readFileSync(await download.path(), 'utf8');
  }
  const report = JSON.parse(got.json);
  expect(report.schema).toBe('divergence-lab/compare-report@2');
  const species = report.columns.find((c) => c.name === 'species');
  expect(species.metrics.kl_ref_cur_raw).toBe('inf'); // infinities written as the schema says
  expect(species.metrics.js_distance_base_e).toBe(penguins.columns.species.js_distance_base_e);
  const csv = got.csv.trim().split('\r\n');
  expect(csv[0]).toMatch(/^column,type,test,score,threshold,pvalue,effect_size,drifted,missing_change,note,/);
  expect(csv).toHaveLength(1 + report.columns.length);
  expect(got.html).not.toContain('<script');
  expect(got.html).toContain('Drift detected: 6 of 7 columns drifted');
  expect(Buffer.byteLength(got.html)).toBeLessThan(20_000);
  expect(got.md).toMatch(/^# Dataset comparison\n\nDrift detected: 6 of 7 columns drifted/);
});

test('axe: the compare page has no violations (light and dark, 375 px)', async ({ page }) => {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page);
  const narrow = await new AxeBuilder({ page }).analyze();
  expect(narrow.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`screenshots ${width} px ${scheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await open(page);
      await page.locator('#verdict-heading').evaluate((e) => e.parentElement.scrollIntoView());
      await page.screenshot({ path: testInfo.outputPath(`compare-top-${width}-${scheme}.png`) });
      const card = page.locator('.hist-card[data-column="bill_length_mm"]');
      await showCard(card);
      await card.screenshot({ path: testInfo.outputPath(`compare-details-${width}-${scheme}.png`) });
    });
  }
}
