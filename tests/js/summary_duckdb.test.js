// Histogram summaries made by DuckDB with the SQL of docs/summaries.md give, for every example pair,
// the same bin counts and binned metrics as the raw CSV files compared with the same edges; and
// summaries go through compare() by content. Tolerance: counts exactly equal; metrics relative 1e-12
// (both paths run the same C++ on the same counts; only summation order may differ in the last bit).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, sharedDir } from './shared.js';
import { connect, loadCsv, summarize } from './summary_sql.js';

const BINS = 20;
const BINNED = ['kl_ref_cur_raw', 'kl_cur_ref_raw', 'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed', 'js_distance_base_e',
  'js_divergence_base2', 'psi_smoothed', 'tvd', 'hellinger'];
const MISSING = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '#N/A', 'n/a', '-NaN', '-nan', '<NA>'];
const pairsDir = sharedDir + 'data/pairs/';

let connection;
before(async () => {
  await dl.init();
  connection = await connect();
});
after(() => connection?.closeSync?.());

function sameMetrics(got, want, label) {
  for (const [key, value] of Object.entries(want)) {
    if (typeof value === 'number') assert.ok(close(got[key], value, 1e-12, 1e-300), `${label} ${key}: ${got[key]} vs ${value}`);
    else if (value && typeof value === 'object') sameMetrics(got[key], value, `${label} ${key}`);
    else assert.deepEqual(got[key], value, `${label} ${key}`);
  }
}

describe('DuckDB summaries reproduce the raw binned metrics', () => {
  for (const pair of readdirSync(pairsDir).sort()) {
    test(pair, async () => {
      const refPath = `${pairsDir}${pair}/reference.csv`;
      const curPath = `${pairsDir}${pair}/current.csv`;
      const ref = readFileSync(refPath);
      const cur = readFileSync(curPath);
      const plain = dl.compare(ref, cur);
      const types = Object.fromEntries(plain.columns.filter((c) => !c.error).map((c) => [c.name, c.type]));
      await loadCsv(connection, 'reference', refPath, types, MISSING);
      await loadCsv(connection, 'current', curPath, types, MISSING);
      const summaries = await summarize(connection, types, BINS);
      const report = dl.compare(JSON.stringify(summaries.reference), JSON.stringify(summaries.current));
      assert.equal(report.reference.format, 'summary');
      let numeric = 0;
      for (const column of report.columns) {
        const edges = summaries.reference.columns.find((c) => c.name === column.name).edges;
        const raw = edges
          ? dl.compare(ref, cur, { binning: { edges } }).columns.find((c) => c.name === column.name)
          : plain.columns.find((c) => c.name === column.name);
        if (raw.error) {
          // flights' year: every current value lies past the reference's range.
          assert.equal(column.error, 'current: no value inside the bin edges summary', column.name);
          assert.match(raw.error, /^current: no value inside the bin edges/);
          continue;
        }
        assert.equal(column.error, undefined, `${column.name}: ${column.error}`);
        for (const k of ['n_ref', 'n_cur', 'missing_ref', 'missing_cur']) assert.equal(column[k], raw[k], `${column.name} ${k}`);
        if (column.type === 'numeric') {
          numeric++;
          assert.deepEqual(column.bins.ref_counts, raw.bins.ref_counts, `${column.name} ref_counts`);
          assert.deepEqual(column.bins.cur_counts, raw.bins.cur_counts, `${column.name} cur_counts`);
          assert.equal(column.bins.cur_outside, raw.bins.cur_outside, `${column.name} cur_outside`);
          for (const k of BINNED) assert.ok(close(column.metrics[k], raw.metrics[k], 1e-12, 1e-300), `${column.name} ${k}`);
          for (const k of column.unavailable) assert.equal(column.metrics[k], null, `${column.name} ${k}`);
        } else {
          assert.deepEqual(column.categories, raw.categories, `${column.name} categories`);
          assert.deepEqual(column.cur_counts, raw.cur_counts, `${column.name} counts`);
          sameMetrics(column.metrics, raw.metrics, column.name);
          assert.deepEqual(column.drift, raw.drift, `${column.name} drift`);
        }
        sameMetrics(column.missing_change, raw.missing_change, `${column.name} missing_change`);
      }
      assert.ok(numeric >= 1, 'at least one numeric column compared');
    });
  }
});

describe('summaries through the JS API', () => {
  const summary = (columns) => JSON.stringify({ schema: 'divergence-lab/histogram-summary@1', columns });
  test('a bad summary names the column and field', () => {
    const bad = summary([{ name: 'age', type: 'numeric', edges: [0, 1, 2], counts: [1] }]);
    assert.throws(() => dl.compare(bad, bad), { name: 'FormatError', message: "reference: column 'age': counts: length 1, but 3 edges need 2 counts" });
  });
  test('a summary with a raw file is an error', () => {
    const good = summary([{ name: 'age', type: 'numeric', edges: [0, 1, 2], counts: [1, 2] }]);
    assert.throws(() => dl.compare(good, 'age\n1\n'), {
      name: 'FormatError',
      message: 'current: not a histogram summary, but the reference is one; compare a summary with a summary (docs/summaries.md shows how to make one)',
    });
  });
});
