// Sample-based measures and tests through the JS API: the reference cases for wasserstein1,
// energy_distance, ks_2samp, chisquare and g_test (values at 1e-12, p-values at 1e-9; infinite
// inputs raise instead of SciPy's NaN/inf), and argument errors.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, num, readJson } from './shared.js';

before(() => dl.init());

const all = readJson('reference/reference_cases.json');
const pick = (fn) => all.filter((c) => c.function === fn && !c.args.generator);
const hasInfinity = (a) => [a.u_values, a.v_values].some((v) => v && v.some((x) => typeof x === 'string'));

describe('reference cases through the JS API', () => {
  for (const fn of ['wasserstein1', 'energy_distance']) {
    const run = fn === 'wasserstein1' ? dl.wasserstein1 : dl.energyDistance;
    for (const c of pick(fn)) {
      test(`${fn} ${JSON.stringify(c.args).slice(0, 80)}`, () => {
        const a = c.args;
        const call = () => run(a.u_values.map(num), a.v_values.map(num), { uWeights: a.u_weights ?? undefined, vWeights: a.v_weights ?? undefined });
        if (typeof c.expected === 'object' || hasInfinity(a)) {
          assert.throws(call, RangeError);
        } else {
          assert.ok(close(call(), c.expected, 1e-12), `${call()} vs ${c.expected}`);
        }
      });
    }
  }
  for (const c of pick('ks_2samp')) {
    test(`ks_2samp ${JSON.stringify(c.args).slice(0, 80)}`, () => {
      const a = c.args;
      const call = () => dl.ks2samp(a.data1, a.data2, { method: a.method, alternative: a.alternative });
      if (a.data1.length === 0) return assert.throws(call, /x: must not be empty/);
      const r = call();
      assert.ok(close(r.statistic, c.expected.statistic, 1e-12), `statistic ${r.statistic}`);
      assert.ok(close(r.pvalue, c.expected.pvalue, 1e-9), `pvalue ${r.pvalue} vs ${c.expected.pvalue}`);
    });
  }
  for (const fn of ['chisquare', 'g_test']) {
    for (const c of pick(fn)) {
      test(`${fn} ${JSON.stringify(c.args)}`, () => {
        const run = fn === 'chisquare' ? dl.chiSquareGoodnessOfFit : dl.gTest;
        const call = () => run(c.args.f_obs, c.args.f_exp ?? undefined);
        if (c.expected.error) return assert.throws(call, RangeError);
        const r = call();
        const rtol = String(c.expected.statistic).length < 12 ? 1e-7 : 1e-12; // one case is rounded to 8 digits
        assert.ok(close(r.statistic, c.expected.statistic, rtol), `${r.statistic}`);
        assert.ok(close(r.pvalue, c.expected.pvalue, Math.max(rtol, 1e-9)), `${r.pvalue}`);
        assert.equal(r.dof, c.args.f_obs.length - 1);
      });
    }
  }
});

describe('sample measures', () => {
  test('Wasserstein-1 of a shift is the shift', () => {
    assert.equal(dl.wasserstein1([0, 1, 2], [5, 6, 7]), 5);
  });
  test('chi-square homogeneity on a 2 x K table (tips, sex: expected.json)', () => {
    const r = dl.chiSquareHomogeneity([35, 33], [52, 124]);
    assert.ok(close(r.statistic, 10.277251918677742, 1e-12));
    assert.ok(close(r.pvalue, 0.0013468039268008766, 1e-9));
    assert.equal(r.dof, 1);
  });
  test('Monte Carlo KL returns an estimate and a standard error', () => {
    const r = dl.klMonteCarlo([0, -1, -2], [-1, -1, -3]);
    assert.ok(close(r.estimate, 2 / 3, 1e-15));
    assert.ok(r.standardError > 0);
  });
  test('kNN KL accepts rows of points', () => {
    const x = Array.from({ length: 50 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3)]);
    const y = Array.from({ length: 60 }, (_, i) => [Math.sin(i * 0.7) + 0.5, Math.cos(i)]);
    assert.ok(Number.isFinite(dl.klKnn(x, y, { k: 3 })));
  });
  test('errors name the argument', () => {
    assert.throws(() => dl.wasserstein1([], [1]), (e) => e instanceof RangeError && e.message === 'uValues: must not be empty');
    assert.throws(() => dl.wasserstein1([0, 1], [1], { uWeights: [1, -1] }), (e) => e.message === 'uWeights: entry 1 is negative (-1)');
    assert.throws(() => dl.ks2samp([1], [2], { method: 'fast' }), (e) => e instanceof TypeError && e.message.startsWith('method: expected'));
    assert.throws(() => dl.klKnn([[1, 2]], [[1]]), (e) => e.message === 'y: points have 1 coordinates, x has 2');
  });
});

describe('differential entropy (Vasicek)', () => {
  for (const c of all.filter((x) => x.function === 'differential_entropy')) {
    test(`window ${c.args.window_length}`, () => {
      const got = dl.differentialEntropy(c.args.values, { windowLength: c.args.window_length ?? undefined });
      assert.ok(close(got, c.check.value, 1e-12), `${got} vs ${c.check.value}`);
    });
  }
  test('bad window', () => {
    assert.throws(() => dl.differentialEntropy([1, 2, 3, 4], { windowLength: 2 }), (e) => e.message === 'windowLength: must be >= 1 and less than half the sample size (4); got 2');
  });
});
