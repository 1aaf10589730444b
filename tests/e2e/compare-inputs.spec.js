// The compare page's inputs beyond CSV: JSON Lines, Parquet (written by DuckDB in the test), two
// histogram summaries, files by URL (?reference=&current=, same origin only) and the options form
// (type overrides, missing tokens). Every request is recorded: none leaves the page's origin.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const seeds = fileURLToPath(new URL('../fuzz/seeds/fuzz_summary/', import.meta.url));
const PENGUINS = 'examples/penguins_biscoe_vs_dream';
const origin = `http://127.0.0.1:${Number(process.env.E2E_PORT || 4173)}`; // playwright.config.js

async function runs(page) {
  return Number(await page.locator('html').getAttribute('data-runs'));
}

async function open(page, query = '') {
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  await page.goto(`/compare.html${query}`);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(1);
  return foreign;
}

async function setBoth(page, ref, cur) {
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles(ref);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 1);
  await page.locator('#current-file').setInputFiles(cur);
  await expect.poll(() => runs(page)).toBeGreaterThanOrEqual(before + 2);
}

const counts = async (page, name) => JSON.parse(await page.locator(`#results tr[data-column="${name}"]`).getAttribute('data-ref-counts'));

test('JSON Lines files (.jsonl) are compared', async ({ page }) => {
  await open(page);
  const ref = '{"x": 1, "s": "a"}\n{"x": 2, "s": "b"}\n{"x": 3, "s": null}\n';
  const cur = '{"x": 2, "s": "a"}\n{"x": 5, "s": "b"}\n';
  await setBoth(page, { name: 'r.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(ref) },
    { name: 'c.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(cur) });
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#results tr[data-column="x"]')).toHaveAttribute('data-type', 'numeric');
  await expect(page.locator('#results tr[data-column="s"]')).toHaveAttribute('data-type', 'categorical');
  await expect(page.locator('#status')).toContainText('3 reference rows');
});

test('Parquet files give the counts of the CSV files they were made from', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'divergence-e2e-parquet-'));
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const paths = {};
  for (const side of ['reference', 'current']) {
    paths[side] = join(dir, `${side}.parquet`);
    await db.run(`COPY (SELECT * FROM read_csv('${dataDir}pairs/penguins_biscoe_vs_dream/${side}.csv', header = true))
      TO '${paths[side]}' (FORMAT parquet)`);
  }
  await open(page);
  const csvCounts = await counts(page, 'bill_length_mm');
  await setBoth(page, paths.reference, paths.current);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#reference-name')).toHaveText('reference.parquet');
  expect(await counts(page, 'bill_length_mm')).toEqual(csvCounts);
});

test('a summary waits for a summary on the other side; two summaries are compared', async ({ page }) => {
  await open(page);
  const [ref, cur] = readFileSync(join(seeds, 'penguins_biscoe_vs_dream')).toString('latin1').split('\xff');
  const before = await runs(page);
  await page.locator('#reference-file').setInputFiles({ name: 'ref.summary.json', mimeType: 'application/json', buffer: Buffer.from(ref, 'latin1') });
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('#status')).toHaveText('The reference file, P is a histogram summary: choose a summary as the current file, Q too.');
  await expect(page.locator('#error')).toBeEmpty();
  await setBoth(page, { name: 'ref.summary.json', mimeType: 'application/json', buffer: Buffer.from(ref, 'latin1') },
    { name: 'cur.summary.json', mimeType: 'application/json', buffer: Buffer.from(cur, 'latin1') });
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#results tr[data-column="bill_length_mm"]')).toHaveCount(1);
  await expect(page.locator('#results tr[data-column="species"]')).toHaveAttribute('data-type', 'categorical');
  await page.screenshot({ path: test.info().outputPath('summaries.png'), fullPage: true });
});

test('?reference=&current= loads same-origin files; another origin is refused without a request', async ({ page }) => {
  const foreign = await open(page, `?reference=/${PENGUINS}/reference.csv&current=/${PENGUINS}/current.csv`);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#reference-name')).toHaveText('reference.csv');
  await expect(page.locator('#results tr[data-column="species"]')).toHaveCount(1);
  const before = await runs(page);
  await page.locator('#reference-url').fill('https://example.org/data.csv');
  await page.locator('#url-form button').click();
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('#error')).toContainText("https://example.org/data.csv is not on this page’s origin");
  await expect(page.locator('#error')).toContainText('The previous result');
  expect(foreign).toEqual([]);
});

test('the options form overrides types and sets missing tokens', async ({ page }) => {
  await open(page);
  await expect(page.locator('#results tr[data-column="flipper_length_mm"]')).toHaveAttribute('data-type', 'numeric');
  await page.locator('#input-options summary').click();
  await page.locator('#type-overrides').fill('flipper_length_mm=categorical');
  await page.locator('#missing-tokens').fill('NA,,MALE'); // the empty item: empty fields stay missing
  let before = await runs(page);
  await page.locator('#options-form button').click();
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#results tr[data-column="flipper_length_mm"]')).toHaveAttribute('data-type', 'categorical');
  const sex = JSON.parse(await page.locator('#results tr[data-column="sex"]').getAttribute('data-ref-counts'));
  expect(sex).toHaveLength(1); // MALE is now missing: only FEMALE is left
  await page.locator('#input-options').screenshot({ path: test.info().outputPath('options.png') });
  await page.locator('#type-overrides').fill('flipper_length_mm=integer');
  before = await runs(page);
  await page.locator('#options-form button').click();
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await expect(page.locator('#error')).toContainText('“integer” for column “flipper_length_mm” is not a type');
});
