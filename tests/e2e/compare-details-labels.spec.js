// What a column's details panel says in words: configured cut-offs written the short way (0.05,
// 0.1, 0.5, as the table writes them, never padded to 0.05000 / 0.1000), and the per-bin
// contribution chart's legend (series names with units, which bar is which, the sign), whose
// swatches have the bars' colours and whose text the chart's description repeats.
import { expect, test } from '@playwright/test';

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function open(page, example) {
  await page.goto(`/compare.html?example=${example}`);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#error')).toBeEmpty();
}

// Penguins (168 reference rows): the default preset's small-sample tests, p < 0.05 (drift.hpp).
// Taxis (3,239 reference rows): normed Wasserstein and JS distance, >= 0.1.
const cases = [
  { example: 'penguins_biscoe_vs_dream', column: 'bill_length_mm', test: 'ks', rule: 'score < 0.05', padded: '0.05000' },
  { example: 'penguins_biscoe_vs_dream', column: 'species', test: 'chi2', rule: 'score < 0.05', padded: '0.05000' },
  { example: 'taxis_march_1to15_vs_16to31', column: 'fare', test: 'wasserstein_normed', rule: 'score >= 0.1', padded: '0.1000' },
  { example: 'taxis_march_1to15_vs_16to31', column: 'color', test: 'js_distance_base_e', rule: 'score >= 0.1', padded: '0.1000' },
];

for (const c of cases) {
  test(`details of ${c.example} / ${c.column}: the threshold reads "${c.rule}"`, async ({ page }) => {
    await open(page, c.example);
    const row = page.locator(`#results tr[data-column="${c.column}"]`);
    await expect(row.locator('td[data-metric="drift_test"]')).toHaveText(c.test);
    const threshold = row.locator('td[data-metric="drift_threshold"]');
    // The table and the details panel write the same short text for the same number.
    const shortText = c.rule.split(' ').at(-1);
    await expect(threshold).toHaveText(shortText);
    expect(Number(await threshold.getAttribute('data-value'))).toBe(Number(shortText));

    const meta = page.locator(`.hist-card[data-column="${c.column}"] p.meta`).first();
    await expect(meta).toContainText(`(${c.test} `);
    await expect(meta).toContainText(`, ${c.rule})`);
    await expect(meta).not.toContainText(c.padded);
    await expect(page.locator('#verdict .verdict-detail')).toContainText('threshold 0.5;');
    await expect(page.locator('#verdict')).not.toContainText('0.5000');
  });
}

test('the contribution chart has a legend naming its series, units, bar order and sign', async ({ page }) => {
  await open(page, 'penguins_biscoe_vs_dream');
  for (const column of ['bill_length_mm', 'species']) {
    const card = page.locator(`.hist-card[data-column="${column}"]`);
    // The charts are drawn when the card comes near the viewport (histogram.js), as a reader scrolls.
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('svg.contrib rect').first()).toBeAttached();
    const legend = card.locator('ul.contrib-legend');
    await expect(legend).toHaveAttribute('aria-label', 'Legend of the contribution chart');
    await expect(legend.locator('li')).toHaveText([
      'KL(P‖Q) term p·ln(p/q), nats (left bar)',
      'PSI term (q−p)·ln(q/p), never negative (right bar)',
      'Bars above 0 add to the sum, bars below take away: a KL term is negative where the current share q exceeds the reference share p.',
    ]);

    // Each swatch has the colour of its bars (in this theme), so colour and text agree.
    const svg = card.locator('svg.contrib');
    for (const key of ['kl', 'psi']) {
      const swatch = await legend.locator(`li[data-series="${key}"] .swatch`).evaluate((e) => getComputedStyle(e).backgroundColor);
      const bar = await svg.locator(`rect.bar-${key}`).first().evaluate((e) => getComputedStyle(e).fill);
      expect(swatch, `${column} ${key} swatch = bar fill`).toBe(bar);
    }
    // In each pair the KL bar is left of the PSI bar, as the legend says.
    const [klX, psiX] = await Promise.all(['kl', 'psi'].map((k) => svg.locator(`rect.bar-${k}`).first().evaluate((e) => Number(e.getAttribute('x')))));
    expect(klX).toBeLessThan(psiX);

    // The description read by screen readers says what the legend says.
    const desc = await svg.locator('desc').textContent();
    expect(desc).toContain('KL(P‖Q) term p·ln(p/q), nats (left bar)');
    expect(desc).toContain('PSI term (q−p)·ln(q/p), never negative (right bar)');
    expect(desc).toContain('a KL term is negative where the current share q exceeds the reference share p');

    // The legend sits above the chart and does not cover it.
    const l = await legend.boundingBox();
    const s = await svg.boundingBox();
    expect(l.y + l.height, `${column} legend ends above the chart`).toBeLessThanOrEqual(s.y);
  }
});

test('the legend stays readable at 375 px: no item wider than the card', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, 'penguins_biscoe_vs_dream');
  const card = page.locator('.hist-card[data-column="bill_length_mm"]');
  const cardBox = await card.boundingBox();
  const items = card.locator('ul.contrib-legend li');
  await expect(items).toHaveCount(3);
  for (const item of await items.all()) {
    const b = await item.boundingBox();
    expect(b.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(b.x + b.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  }
});
