// Closed-form KL and entropy of parametric distributions through the JS API: the reference
// cases (kl_<family>_<family>) at relative 1e-12, PyTorch's infinite and unsupported pairs,
// and the factories' errors.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';
import { close, num, readJson } from './shared.js';

before(() => dl.init());
const d = dl.distributions;

// Reference case name -> factory; arguments in the order of the PyTorch constructor.
const factories = {
  normal: (a) => d.Normal(a.loc, a.scale),
  bernoulli: (a) => d.Bernoulli(a), // given as the probability itself
  uniform: (a) => d.Uniform(a.low, a.high),
  beta: (a) => d.Beta(a.alpha, a.beta),
  gamma: (a) => d.Gamma(a.concentration, a.rate),
  exponential: (a) => d.Exponential(a.rate),
  poisson: (a) => d.Poisson(a.rate),
  laplace: (a) => d.Laplace(a.loc, a.scale),
  cauchy: (a) => d.Cauchy(a.loc, a.scale),
  gumbel: (a) => d.Gumbel(a.loc, a.scale),
};

const cases = readJson('reference/reference_cases.json').filter((c) => /^kl_[a-z]+_[a-z]+$/.test(c.function) && c.function !== 'kl_div_elementwise');

describe('reference cases: closed-form KL', () => {
  test('all 13 cases are covered', () => assert.equal(cases.length, 13));
  for (const c of cases) {
    const [, fp, fq] = c.function.split('_');
    test(`${c.function} ${JSON.stringify(c.args)}`, () => {
      const want = c.check?.agrees && typeof c.check.value !== 'object' ? num(c.check.value) : num(c.expected);
      const got = d.klDivergence(factories[fp](c.args.p), factories[fq](c.args.q));
      assert.ok(close(got, want, 1e-12), `got ${got}, want ${want}`);
    });
  }
});

describe('distributions', () => {
  test('KL(P||P) = 0 and the unit-normal closed form', () => {
    assert.equal(d.klDivergence(d.Gamma(2, 3), d.Gamma(2, 3)), 0);
    assert.equal(d.klDivergence(d.Normal(1.5, 1), d.Normal(-0.5, 1)), 2);
  });
  test('supports that do not nest give +Infinity, as PyTorch', () => {
    assert.equal(d.klDivergence(d.Uniform(0, 2), d.Uniform(0, 1)), Infinity);
    assert.equal(d.klDivergence(d.Normal(0, 1), d.Exponential(1)), Infinity);
  });
  test('cross-family pair Uniform(0,1) vs Normal(0,1) has its closed form', () => {
    // KL(U(a,b) || N(m,s)) = -ln(b-a) + ln(s sqrt(2 pi)) + ((b-a)^2/12 + ((a+b)/2 - m)^2) / (2 s^2)
    const want = Math.log(Math.sqrt(2 * Math.PI)) + (1 / 12 + 0.25) / 2;
    assert.ok(close(d.klDivergence(d.Uniform(0, 1), d.Normal(0, 1)), want, 1e-14));
  });
  test('entropy and logProb', () => {
    assert.ok(close(d.entropy(d.Normal(0, 2)), 0.5 * Math.log(2 * Math.PI * Math.E * 4), 1e-15));
    assert.ok(close(d.logProb(d.Normal(0, 1), 0), -0.5 * Math.log(2 * Math.PI), 1e-15));
    assert.equal(d.logProb(d.Exponential(1), [-1, 0]).length, 2);
    assert.equal(d.logProb(d.Exponential(1), [-1, 0])[0], -Infinity);
    const mvn = d.MultivariateNormal([0, 0], [[1, 0], [0, 1]]);
    assert.ok(close(d.logProb(mvn, [0, 0]), -Math.log(2 * Math.PI), 1e-15));
  });
  test('distributions are frozen plain objects', () => {
    const p = d.Categorical([1, 1, 2]);
    assert.deepEqual(p.params, [0.25, 0.25, 0.5]);
    assert.ok(Object.isFrozen(p));
  });
  test('errors name the parameter, or both families', () => {
    assert.throws(() => d.Normal(0, -1), (e) => e instanceof RangeError && e.message === 'Normal.scale: must be a finite number > 0 (got -1)');
    assert.throws(() => d.Binomial(2.5, 0.5), (e) => e.message === 'Binomial.total_count: must be an integer >= 0 (got 2.5)');
    assert.throws(() => d.MultivariateNormal([0, 0], [[1, 2], [2, 1]]), (e) => e.message === 'MultivariateNormal.covariance_matrix: not positive definite');
    assert.throws(() => d.klDivergence(d.Cauchy(0, 1), d.Gamma(1, 1)), (e) => e.message === 'q: no closed form for KL(Cauchy || Gamma)');
    assert.throws(() => d.Normal(0), (e) => e instanceof TypeError && e.message === 'Normal: expected 2 arguments (loc, scale), got 1');
    assert.throws(() => d.klDivergence({ family: 'Normal' }, d.Normal(0, 1)), TypeError);
  });
});
