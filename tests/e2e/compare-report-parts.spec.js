// The page's report is built by the two files' workers at once, each comparing part of the columns
// (web/src/compare/report_parts.js). Its JSON export must be byte for byte the report that Node
// builds in one piece (compareFiles in this thread, as the CLI does) with the page's options: on
// every shared pair, and on a generated 10 MB pair read with 2 workers per file (line-aligned byte
// ranges gathered into each side's first worker before the parts are built).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { compareFiles } from '../../web/src/compare/index_node.js';
import { toJson } from '../../web/src/report/formats.js';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected = JSON.parse(readFileSync(dataDir + 'expected.json', 'utf8'));
const PAGE_OPTIONS = { binning: 'equal-width:20', smoothing: 'epsilon:0.0001' };

const runs = async (page) => Number(await page.locator('html').getAttribute('data-runs'));

async function pageJson(page, workers, reference, current) {
  await page.goto(`/compare.html?workers=${workers}`);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(reference);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
  await page.locator('#current-file').setInputFiles(current);
  await expect.poll(() => runs(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);
  await expect(page.locator('#error')).toBeEmpty();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-export="json"]').click()]);
  return readFileSync(await download.path(), 'utf8');
}

for (const pair of expected.pairs) {
  test(`${pair.id}: the page's report (two workers, one part each) is the one-piece report`, async ({ page }) => {
    const reference = dataDir + pair.reference_file;
    const current = dataDir + pair.current_file;
    const got = await pageJson(page, 1, reference, current);
    expect(got).toBe(toJson(await compareFiles(reference, current, PAGE_OPTIONS)));
  });
}

/** A CSV of n rows x 5 mixed columns (numbers with ties, decimals, labels, booleans), deterministic. */
function generated(n, seed, shift) {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['id,value,age,group,flag'];
  for (let i = 0; i < n; i++) {
    lines.push(`${i},${(rnd() * 100 + shift).toFixed(3)},${18 + Math.floor(rnd() * 60)},g${Math.floor(rnd() * 7)},${rnd() < 0.5}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a 10 MB pair (above the 8 MiB where byte ranges start) read with 2 workers per file: the same report as in one piece', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'report-parts-'));
  const reference = join(dir, 'reference.csv');
  const current = join(dir, 'current.csv');
  writeFileSync(reference, generated(400_000, 7, 0));
  writeFileSync(current, generated(400_000, 8, 0.5));
  expect(statSync(reference).size).toBeGreaterThan(8 << 20);
  const got = await pageJson(page, 2, reference, current);
  const want = toJson(await compareFiles(reference, current, PAGE_OPTIONS));
  rmSync(dir, { recursive: true, force: true });
  expect(JSON.parse(got).reference.rows).toBe(400_000);
  expect(got).toBe(want);
});
