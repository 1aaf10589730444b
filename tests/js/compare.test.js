// compareCsv through the public API in Node: every pair of ../shared/data against expected.json
// (equal-width and decile bins, Wasserstein, KS, chi-square: relative 1e-9, KS p-values 1e-6),
// infinities revived, and malformed files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, num, readJson, sharedDir } from './shared.js';

before(() => dl.init());

const expected = readJson('data/expected.json');
const NUMERIC_KEYS = ['kl_ref_cur_raw', 'kl_cur_ref_raw', 'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed',
  'js_distance_base_e', 'js_divergence_base2', 'psi_smoothed', 'tvd', 'hellinger'];
const CATEGORICAL_KEYS = ['kl_ref_cur_raw', 'kl_cur_ref_raw', 'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed',
  'js_distance_base_e', 'js_divergence_base2', 'psi_smoothed', 'tvd'];

describe('compareCsv reproduces expected.json on every example pair', () => {
  for (const pair of expected.pairs) {
    test(pair.id, () => {
      const report = dl.compareCsv(
        readFileSync(sharedDir + 'data/' + pair.reference_file),
        readFileSync(sharedDir + 'data/' + pair.current_file),
      );
      assert.equal(report.schema, 'divergence-lab/compare-report@2');
      assert.equal(report.reference.rows, pair.reference_rows);
      assert.equal(report.current.rows, pair.current_rows);
      const byName = new Map(report.columns.map((c) => [c.name, c]));
      for (const [name, want] of Object.entries(pair.columns)) {
        const got = byName.get(name);
        assert.ok(got, `column ${name} missing`);
        assert.equal(got.type, want.type, name);
        for (const k of ['n_ref', 'n_cur', 'missing_ref', 'missing_cur']) assert.equal(got[k], want[k], `${name} ${k}`);
        if (want.type === 'numeric') {
          const block = want.equal_width_20;
          assert.deepEqual(got.bins.ref_counts, block.ref_counts, `${name} ref_counts`);
          assert.deepEqual(got.bins.cur_counts, block.cur_counts, `${name} cur_counts`);
          block.edges.forEach((e, i) => assert.ok(close(got.bins.edges[i], e, 1e-15), `${name} edge ${i}`));
          for (const k of NUMERIC_KEYS) assert.ok(close(got.metrics[k], num(block[k]), 1e-9), `${name} ${k}: ${got.metrics[k]} vs ${block[k]}`);
          const s = want.summary;
          assert.ok(close(got.summary.reference.mean, s.reference.mean, 1e-12), `${name} mean`);
          assert.ok(close(got.summary.current.std, s.current.std_ddof1, 1e-12), `${name} std`);
          assert.equal(got.summary.reference.min, s.reference.min);
          assert.equal(got.summary.current.max, s.current.max);
          assert.ok(close(got.summary.reference.median, s.reference.median, 1e-12), `${name} median`);
          // Reference-decile PSI, Wasserstein (raw and normed), two-sample KS (p-value at 1e-6, as the data README says).
          assert.deepEqual(got.quantile_bins.ref_counts, want.psi_ref_quantile_10.ref_counts, `${name} decile counts`);
          assert.ok(close(got.metrics.psi_ref_quantile_smoothed, want.psi_ref_quantile_10.psi_smoothed, 1e-9), `${name} decile PSI`);
          assert.ok(close(got.metrics.wasserstein, want.wasserstein.distance, 1e-9), `${name} W1`);
          assert.ok(close(got.metrics.wasserstein_normed, want.wasserstein.normed_by_ref_std_ddof0, 1e-9), `${name} W1 normed`);
          assert.equal(got.metrics.ks_statistic, want.ks.statistic, `${name} KS`);
          assert.ok(close(got.metrics.ks_pvalue, want.ks.pvalue_auto, 1e-6), `${name} KS p`);
        } else {
          assert.deepEqual(got.categories, want.categories, `${name} categories`);
          assert.deepEqual(got.ref_counts, want.ref_counts, `${name} ref_counts`);
          assert.deepEqual(got.cur_counts, want.cur_counts, `${name} cur_counts`);
          assert.deepEqual(got.only_in_ref, want.only_in_ref, `${name} only_in_ref`);
          assert.deepEqual(got.only_in_cur, want.only_in_cur, `${name} only_in_cur`);
          for (const k of CATEGORICAL_KEYS) assert.ok(close(got.metrics[k], num(want[k]), 1e-9), `${name} ${k}: ${got.metrics[k]} vs ${want[k]}`);
          const chi = want.chi2_homogeneity;
          assert.ok(close(got.metrics.chi2_homogeneity.statistic, chi.statistic, 1e-9), `${name} chi2`);
          assert.ok(close(got.metrics.chi2_homogeneity.pvalue, chi.pvalue, 1e-9), `${name} chi2 p`);
          const gof = want.chi2_gof_cur_vs_ref_expected;
          assert.ok(close(got.metrics.chi2_gof_cur_vs_ref_expected.statistic, num(gof.statistic), 1e-9), `${name} gof`);
        }
      }
    });
  }
});

describe('report details', () => {
  test('infinities become Infinity, but a category named "inf" stays text', () => {
    const ref = 'x,label\n1,inf\n2,inf\n3,a\n';
    const cur = 'x,label\n10,a\n11,b\n12,b\n';
    const r = dl.compareCsv(ref, cur);
    const label = r.columns.find((c) => c.name === 'label');
    assert.deepEqual(label.categories, ['a', 'b', 'inf']);
    assert.equal(label.metrics.kl_ref_cur_raw, Infinity);
    const x = r.columns.find((c) => c.name === 'x');
    assert.equal(x.quantile_bins.edges[0], -Infinity);
    assert.equal(x.quantile_bins.edges.at(-1), Infinity);
    assert.equal(typeof r.verdict.drifted, 'boolean');
  });
});

describe('malformed input', () => {
  const bad = [
    ['a,b,c\n1,2,3\n4,5\n', 'current: line 3: expected 3 fields, found 2'],
    ['a,b\n"1,2\n', 'current: line 2: unterminated quoted field'],
    ['', 'current: file is empty'],
    ['a,b\n', 'current: file has a header but no data rows'],
    ['a,a\n1,2\n', "current: duplicate column name 'a' (columns 1 and 2)"],
    [new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x00, 0x2c, 0x32, 0x0a]), 'current: looks like a binary file (NUL byte at offset 5), not CSV/TSV/JSON Lines'],
    [new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0xff, 0x2c, 0x32, 0x0a]), 'current: invalid UTF-8 at line 2'],
  ];
  for (const [current, message] of bad) {
    test(message, () => {
      assert.throws(
        () => dl.compareCsv('a,b,c\n1,2,3\n', current),
        (e) => e.name === 'FormatError' && e.message === message,
      );
    });
  }
  test('bad options are RangeErrors naming the option', () => {
    assert.throws(() => dl.compareCsv('a\n1\n', 'a\n1\n', { bins: 0 }), /^RangeError: bins: /);
    assert.throws(() => dl.compareCsv('a\n1\n', 'a\n1\n', { epsilon: -1 }), /^RangeError: epsilon: /);
    assert.throws(() => dl.compareCsv(42, 'a\n1\n'), /^TypeError: reference: /);
  });
});

describe('compare() with engine options', () => {
  test('preset psi, reference-quantile binning and type overrides', () => {
    const ref = 'x,code\n1,10\n2,20\n3,10\n4,20\n';
    const cur = 'x,code\n5,10\n6,10\n7,10\n8,20\n';
    const r = dl.compare(ref, cur, { preset: 'psi', binning: 'reference-quantile:2', types: { code: 'categorical' } });
    assert.equal(r.options.preset, 'psi');
    const code = r.columns.find((c) => c.name === 'code');
    assert.equal(code.type, 'categorical');
    assert.equal(code.type_source, 'override');
    assert.deepEqual(code.categories, ['10', '20']);
    assert.equal(r.columns.find((c) => c.name === 'x').drift.test, 'psi');
    assert.equal(typeof dl.compareJson(ref, cur), 'string');
  });
  test('unknown options are errors naming them', () => {
    assert.throws(() => dl.compare('a\n1\n', 'a\n1\n', { bins: 3 }), (e) => e instanceof RangeError && e.message.startsWith("options: unknown option 'bins'"));
    assert.throws(() => dl.compare('a\n1\n', 'a\n1\n', { binning: 'equal:3' }), (e) => e.message.startsWith("binning: unknown rule 'equal:3'"));
  });
});
