// Binning through the JS API: reference quantiles reproduce expected.json's psi_ref_quantile_10
// on the tips pair; numpy rules; explicit edges keep what falls outside; categories.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, readJson, sharedDir } from './shared.js';

before(() => dl.init());

/** A numeric column of a small comma-separated file without quotes around numbers. */
function column(file, name) {
  const [header, ...rows] = readFileSync(sharedDir + 'data/' + file, 'utf8').trim().split('\n');
  const i = header.split(',').map((h) => h.replaceAll('"', '')).indexOf(name);
  return rows.map((r) => Number(r.split(',')[i]));
}

describe('binSamples', () => {
  const pair = readJson('data/expected.json').pairs.find((p) => p.id === 'tips_lunch_vs_dinner');
  const ref = column(pair.reference_file, 'total_bill');
  const cur = column(pair.current_file, 'total_bill');
  const want = pair.columns.total_bill;

  test('reference-quantile:10 reproduces expected.json (tips, total_bill)', () => {
    const b = dl.binSamples(ref, cur, { binning: 'reference-quantile:10' });
    assert.deepEqual(b.referenceCounts, want.psi_ref_quantile_10.ref_counts);
    assert.deepEqual(b.currentCounts, want.psi_ref_quantile_10.cur_counts);
    assert.deepEqual(b.edges.slice(1, -1), want.psi_ref_quantile_10.interior_edges_unique);
    const psi = dl.psi(b.referenceCounts, b.currentCounts, { smoothing: { epsilon: 1e-4 } });
    assert.ok(close(psi, want.psi_ref_quantile_10.psi_smoothed, 1e-9));
  });
  test('equal-width:20 reproduces expected.json (tips, total_bill)', () => {
    const b = dl.binSamples(ref, cur, { binning: 'equal-width:20' });
    assert.deepEqual(b.referenceCounts, want.equal_width_20.ref_counts);
    assert.deepEqual(b.currentCounts, want.equal_width_20.cur_counts);
  });
  test('numpy rules: doane on the pooled sample gives 9 bins (NumPy 1.24.2)', () => {
    const a = Array.from({ length: 60 }, (_, i) => ((i * 37) % 101) / 7 + (i % 5) ** 2);
    const b = dl.binSamples(a.slice(0, 35), a.slice(35), { binning: 'doane' });
    assert.deepEqual(b.referenceCounts, [3, 5, 5, 6, 5, 3, 5, 1, 2]);
  });
  test('explicit edges count what falls outside', () => {
    const b = dl.binSamples([-1, 0, 0.5, 1, 2], [0.25, 3], { binning: { edges: [0, 0.5, 1] } });
    assert.deepEqual(b.referenceCounts, [1, 2]);
    assert.equal(b.referenceOutside, 2);
    assert.equal(b.currentOutside, 1);
  });
  test('errors', () => {
    assert.throws(() => dl.binSamples([1], [2], { binning: 'equal:20' }), (e) => e instanceof RangeError && e.message.startsWith("binning: unknown 'equal:20'"));
    assert.throws(() => dl.binSamples([1, NaN], [2], { binning: 'auto' }), (e) => e.message === 'reference: entry 1 is not finite');
  });
});

describe('countCategories', () => {
  test('union sorted by code point, with levels on one side only', () => {
    const c = dl.countCategories(['b', 'a', 'b', '𝒳'], ['a', 'c', 'ｚ']);
    // Code point order: 'ｚ' (U+FF5A) before '𝒳' (U+1D4B3); UTF-16 order would reverse them.
    assert.deepEqual(c.categories, ['a', 'b', 'c', 'ｚ', '𝒳']);
    assert.deepEqual(c.referenceCounts, [1, 2, 0, 0, 1]);
    assert.deepEqual(c.currentCounts, [1, 0, 1, 1, 0]);
    assert.deepEqual(c.onlyInReference, ['b', '𝒳']);
    assert.deepEqual(c.onlyInCurrent, ['c', 'ｚ']);
    assert.throws(() => dl.countCategories(['a', 1], []), (e) => e instanceof TypeError && e.message === 'reference: entry 1 is not a string (number)');
  });
});
