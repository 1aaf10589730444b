// Every supported case of ../shared/reference/reference_cases.json through the public JS API.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, num, readJson } from './shared.js';

before(() => dl.init());

function generate(text) {
  const p = [];
  const q = [];
  if (text.startsWith('p_i = i+1, q_i = 1000-i for i=0..999')) {
    for (let i = 0; i < 1000; i++) {
      p.push(i + 1);
      q.push(1000 - i);
    }
  } else if (text.startsWith('p_i = exp(-i/1000), q_i = exp(-i/2000), i=0..9999')) {
    for (let i = 0; i < 10000; i++) {
      p.push(Math.exp(-i / 1000));
      q.push(Math.exp(-i / 2000));
    }
  } else {
    throw new Error(`unknown generator ${text}`);
  }
  return [p, q];
}

const pair = (a) => (a.generator ? generate(a.generator) : [a.p.map(num), a.q.map(num)]);
const opts = (a) => (a.base == null ? undefined : { base: a.base });

const implementations = {
  entropy: (a) => dl.entropy(a.p.map(num), opts(a)),
  kl: (a) => dl.klDivergence(...pair(a), opts(a)),
  cross_entropy: (a) => dl.crossEntropy(...pair(a), opts(a)),
  js_distance: (a) => dl.jsDistance(...pair(a), opts(a)),
  js_divergence: (a) => dl.jsDivergence(...pair(a), opts(a)),
  tv: (a) => dl.totalVariation(a.p, a.q),
  hellinger: (a) => dl.hellinger(a.p, a.q),
  psi: (a) => dl.psi(a.expected, a.actual),
  rel_entr: (a) => dl.relEntr(a.x, a.y),
  kl_normal_normal: (a) => dl.klNormal(a.p.loc, a.p.scale, a.q.loc, a.q.scale),
  renyi: (a) => dl.renyiDivergence(a.p, a.q, a.alpha),
  bhattacharyya: (a) => dl.bhattacharyyaDistance(a.p, a.q),
  chi_square_divergence: (a) => dl.pearsonChiSquare(a.p, a.q),
  torch_kl_div: (a) => {
    // F.kl_div(input = log Q, target = P): per-row KL, reduced by 'batchmean' or 'mean' (numel).
    const rows = dl.klDivergenceRows(a.target_p, a.input_log_q, { qScale: 'log-probabilities' });
    const total = rows.reduce((x, y) => x + y, 0);
    return a.reduction === 'batchmean' ? total / rows.length : total / a.target_p.flat().length;
  },
};

// ml-distance works on raw weights: our functions with { normalize: false }, rescaled where its
// convention differs (its hellinger is 2 sqrt(1 - BC); matusita sqrt(2 - 2 BC)).
const raw = { normalize: false };
const mlDistance = {
  mljs_kullbackLeibler: (a, b) => dl.klDivergence(a, b, raw),
  mljs_jensenShannon: (a, b) => dl.jsDivergence(a, b, raw),
  mljs_jensenDifference: (a, b) => dl.jsDivergence(a, b, raw),
  mljs_topsoe: (a, b) => 2 * dl.jsDivergence(a, b, raw),
  mljs_jeffreys: (a, b) => dl.jeffreys(a, b, raw),
  mljs_hellinger: (a, b) => 2 * Math.sqrt(1 - dl.bhattacharyyaCoefficient(a, b, raw)),
  mljs_bhattacharyya: (a, b) => dl.bhattacharyyaDistance(a, b, raw),
  mljs_matusita: (a, b) => Math.sqrt(2 * dl.fDivergence(a, b, 'squared-hellinger', raw)),
  mljs_squaredChord: (a, b) => 2 * dl.fDivergence(a, b, 'squared-hellinger', raw),
  mljs_pearson: (a, b) => dl.pearsonChiSquare(a, b, raw),
  mljs_neyman: (a, b) => dl.neymanChiSquare(a, b, raw),
};

/** The value to compare with: SciPy's full-precision recomputation where `expected` is rounded. */
function expectation(c) {
  const e = c.expected;
  if (typeof e === 'object' && e !== null) return { error: `SciPy raises ${e.error}` };
  if (Number.isNaN(num(e))) return { error: 'SciPy/math.js return NaN; we raise' };
  if (Array.isArray(c.args.p) && c.args.p.length === 0) return { error: 'SciPy returns 0 for empty input; we raise' };
  const check = c.check;
  if (check && check.agrees && typeof check.value !== 'object') return { value: num(check.value) };
  return { value: num(e) };
}

const cases = readJson('reference/reference_cases.json').filter((c) => c.function in implementations);

describe('reference cases (SciPy, PyTorch, math.js) through the JS API', () => {
  test('the suite covers the implemented functions', () => {
    assert.equal(cases.length, 58);
  });
  for (const [i, c] of cases.entries()) {
    const want = expectation(c);
    test(`#${i} ${c.function} ${JSON.stringify(c.args).slice(0, 70)}`, () => {
      const run = () => implementations[c.function](c.args);
      if (want.error) {
        assert.throws(run, RangeError, want.error);
      } else {
        const got = run();
        assert.ok(close(got, want.value), `got ${got}, want ${want.value} (${c.source})`);
      }
    });
  }
});

describe('ml-distance conventions map to ours', () => {
  const ml = readJson('reference/reference_cases.json').filter((c) => c.function in mlDistance);
  test('all 12 ml-distance cases are covered', () => assert.equal(ml.length, 12));
  for (const c of ml) {
    test(`${c.function} ${JSON.stringify(c.args)}`, () => {
      const got = mlDistance[c.function](c.args.a, c.args.b);
      assert.ok(close(got, expectation(c).value), `got ${got}, want ${expectation(c).value}`);
    });
  }
});
