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
    assert.equal(cases.length, 52);
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
