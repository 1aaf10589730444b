// Issue #8: column names and values carrying HTML or script are shown as text everywhere, on the
// page and in the exported HTML report. A CSV full of markup is compared, the report exported and
// opened (as downloaded, and once more with its Content-Security-Policy removed, so the escaping and
// not only the policy is tested); no script runs, no dialog opens, and the markup reads as text.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const NAME = '<img src=x onerror="window.__pwned=1;alert(1)">';
const NAME2 = '<script>window.__pwned=2;alert(2)</script>';
const VALUE = '"><svg onload="window.__pwned=3;alert(3)">';

const csv = (rows) => Buffer.from(`${['"' + NAME.replaceAll('"', '""') + '"', NAME2, 'n'].join(',')}\n${rows.join('\n')}\n`);
const reference = csv([`"${VALUE.replaceAll('"', '""')}",a,1`, 'b,a,2', 'b,<b>bold</b>,3']);
const current = csv([`"${VALUE.replaceAll('"', '""')}",a,1`, `"${VALUE.replaceAll('"', '""')}",c,5`, 'c,<b>bold</b>,9']);

async function watch(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

test('markup in names and values stays text on the page and in the exported HTML report', async ({ page, browser }, testInfo) => {
  const dialogs = await watch(page);
  await page.goto('/compare.html');
  await expect.poll(async () => Number(await page.locator('html').getAttribute('data-runs'))).toBeGreaterThanOrEqual(1);
  const runs = Number(await page.locator('html').getAttribute('data-runs'));
  await page.locator('#reference-file').setInputFiles({ name: 'ref<i>.csv', mimeType: 'text/csv', buffer: reference });
  await page.locator('#current-file').setInputFiles({ name: 'cur<i>.csv', mimeType: 'text/csv', buffer: current });
  await expect.poll(async () => Number(await page.locator('html').getAttribute('data-runs'))).toBeGreaterThanOrEqual(runs + 2);
  await expect(page.locator('#error')).toBeEmpty();

  // The page: names as text in the table and the details, values as text in the chart labels.
  await expect(page.locator('#results tbody th a', { hasText: NAME })).toHaveCount(1);
  await expect(page.locator('#results tbody th a', { hasText: NAME2 })).toHaveCount(1);
  await expect(page.locator('.hist-card h3', { hasText: NAME })).toHaveCount(1);
  // Its chart is drawn when the card comes near the viewport (histogram.js), as a reader scrolls.
  await page.locator('.hist-card', { has: page.locator('h3', { hasText: NAME }) }).scrollIntoViewIfNeeded();
  await expect(page.locator('.hist-card text.cat-label', { hasText: VALUE.slice(0, 10) }).first()).toBeVisible();
  expect(await page.locator('main img, main script, #histograms svg svg, #results b').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  // The exported HTML report.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-export="html"]').click()]);
  const path = testInfo.outputPath('hostile-report.html');
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  expect(html).not.toMatch(/<script|<img|<svg onload|<b>/i);
  expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;");

  const noCsp = testInfo.outputPath('hostile-report-no-csp.html');
  writeFileSync(noCsp, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  for (const file of [path, noCsp]) {
    const report = await browser.newPage();
    const reportDialogs = await watch(report);
    await report.goto(`file://${file}`);
    await expect(report.locator('tbody th', { hasText: NAME })).toBeVisible();
    await expect(report.locator('tbody th', { hasText: NAME2 })).toBeVisible();
    expect(await report.locator('img, script, b').count()).toBe(0);
    expect(await report.evaluate(() => window.__pwned)).toBeUndefined();
    expect(reportDialogs).toEqual([]);
    await report.close();
  }
  expect(dialogs).toEqual([]);
});
