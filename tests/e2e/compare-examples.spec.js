// One-click example pairs on the compare page: a visible button per pair with its citation beside
// it, pressed from the keyboard (Tab to it, Enter or Space); each press loads that pair, whose
// row counts are expected.json's, and marks the button pressed. The #example select keeps working.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected = JSON.parse(readFileSync(dataDir + 'expected.json', 'utf8'));
const examplesReadme = readFileSync(fileURLToPath(new URL('../../web/site/public/examples/README.md', import.meta.url)), 'utf8');

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));
const ids = ['penguins_biscoe_vs_dream', 'tips_lunch_vs_dinner', 'flights_1949_1954_vs_1955_1960', 'taxis_march_1to15_vs_16to31'];
// Each pair's source as examples/README.md credits it: the citation beside the button names it.
const source = {
  penguins_biscoe_vs_dream: 'Horst',
  tips_lunch_vs_dinner: 'Bryant',
  flights_1949_1954_vs_1955_1960: 'Box',
  taxis_march_1to15_vs_16to31: 'Taxi and Limousine Commission',
};

test('a button per example pair, with its citation, pressed by keyboard', async ({ page }, info) => {
  await page.goto('/compare.html');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  const buttons = page.locator('#example-buttons button.example-button');
  await expect(buttons).toHaveCount(ids.length);
  await expect(page.locator('button[data-example="penguins_biscoe_vs_dream"]')).toHaveAttribute('aria-pressed', 'true');
  for (const [i, id] of [...ids.slice(1), ids[0]].entries()) {
    const button = page.locator(`button[data-example="${id}"]`);
    await expect(button).toBeVisible();
    // The citation sits next to the button and describes it; its source line is in the examples README.
    const citeId = await button.getAttribute('aria-describedby');
    const cite = page.locator(`#${citeId}`);
    await expect(cite).toBeVisible();
    expect(examplesReadme.split('\n').find((l) => l.startsWith(`| \`${id}\``)), `${id} in examples/README.md`).toContain(source[id]);
    await expect(cite).toContainText(source[id]);
    // Keyboard: focus the button, then Enter (odd presses) or Space (even ones).
    const before = await runs(page);
    await button.focus();
    await expect(button).toBeFocused();
    await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
    await expect.poll(() => runs(page)).toBeGreaterThan(before);
    await expect(page.locator('#error')).toBeEmpty();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#example-buttons button[aria-pressed="true"]')).toHaveCount(1);
    await expect(page.locator('#example')).toHaveValue(id);
    const pair = expected.pairs.find((p) => p.id === id);
    await expect(page.locator('#status')).toContainText(`${id}: ${pair.reference_rows.toLocaleString('en-US')} reference rows`);
  }
  // The buttons are in the tab order, after the select.
  await page.locator('#example').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(`button[data-example="${ids[0]}"]`)).toBeFocused();
  await page.locator('.example-picker').screenshot({ path: info.outputPath('example-buttons.png') });
  const axe = await new AxeBuilder({ page }).include('.example-picker').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('#example select still loads a pair and marks its button', async ({ page }) => {
  await page.goto('/compare.html?example=tips_lunch_vs_dinner');
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('button[data-example="tips_lunch_vs_dinner"]')).toHaveAttribute('aria-pressed', 'true');
  const before = await runs(page);
  await page.locator('#example').selectOption('flights_1949_1954_vs_1955_1960');
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('button[data-example="flights_1949_1954_vs_1955_1960"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('button[data-example="tips_lunch_vs_dinner"]')).toHaveAttribute('aria-pressed', 'false');
});
