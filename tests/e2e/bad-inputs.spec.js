// The page rows of the bad-input catalogue (tests/bad-inputs/catalogue.mjs): each file, chosen as
// the current file on compare.html, gets exactly its message in the alert, and the page stays usable.
import { expect, test } from '@playwright/test';
import { catalogue } from '../bad-inputs/catalogue.mjs';

test.describe.configure({ mode: 'parallel' });

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

for (const entry of catalogue.filter((e) => e.surface === 'page')) {
  test(`${entry.id}: ${entry.input}`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/compare.html');
    await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
    const rows = await page.locator('#results tbody tr').count();
    const before = await runs(page);
    await page.locator('#current-file').setInputFiles({ name: entry.file.name, mimeType: 'text/csv', buffer: entry.file.buffer });
    await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
    await expect(page.locator('#error p').first()).toHaveText(entry.error.message);
    expect(await page.locator('#results tbody tr').count()).toBe(rows);
    expect(errors).toEqual([]);
  });
}
