// The JS API: input types, options, properties, errors, and the pre-init error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';

describe('before init()', () => {
  test('calling a function throws a clear error', () => {
    // This file's first test runs before init() resolves.
    if (dl.isReady()) return; // another file in the same process already initialised
    assert.throws(() => dl.klDivergence([1], [1]), /call `await init\(\)` before klDivergence\(\)/);
  });
});

describe('after init()', () => {
  test('init() resolves and is idempotent', async () => {
    await Promise.all([dl.init(), dl.init()]);
    assert.equal(dl.isReady(), true);
  });

  test('number[], Float64Array and Float32Array give the same value', () => {
    const p = [0.1, 0.6, 0.3];
    const q = [0.2, 0.3, 0.5];
    const want = 0.19332590315017542; // scipy.stats.entropy(p, q)
    assert.ok(Math.abs(dl.klDivergence(p, q) - want) < 1e-15);
    assert.ok(Math.abs(dl.klDivergence(Float64Array.from(p), Float64Array.from(q)) - want) < 1e-15);
    // Float32 rounds the inputs: same value to float precision.
    assert.ok(Math.abs(dl.klDivergence(Float32Array.from(p), Float32Array.from(q)) - want) < 1e-6);
  });

  test('base converts units; cross-entropy = entropy + KL', () => {
    const p = [0.5, 0.5];
    const q = [0.9, 0.1];
    assert.ok(Math.abs(dl.klDivergence(p, q, { base: 2 }) - 0.7369655941662062) < 1e-15);
    const h = dl.entropy(p, { base: 2 });
    assert.equal(h, 1);
    assert.ok(Math.abs(dl.crossEntropy(p, q, { base: 2 }) - (h + dl.klDivergence(p, q, { base: 2 }))) < 1e-15);
  });

  test('normalize: false keeps raw weights', () => {
    assert.equal(dl.klDivergence([2], [1], { normalize: false }), 2 * Math.log(2));
    assert.equal(dl.klDivergence([2], [1]), 0);
  });

  test('klTerms sums to klDivergence and marks +Infinity where q = 0', () => {
    const terms = dl.klTerms([0.25, 0.25, 0.5], [0.5, 0.25, 0.25]);
    assert.ok(terms instanceof Float64Array);
    assert.equal(terms.length, 3);
    assert.ok(Math.abs(terms[0] - 0.25 * Math.log(0.5)) < 1e-16);
    assert.equal(terms[1], 0);
    const sum = terms.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - dl.klDivergence([0.25, 0.25, 0.5], [0.5, 0.25, 0.25])) < 1e-16);
    assert.equal(dl.klTerms([1, 1], [1, 0])[1], Infinity);
  });

  test('JS divergence is bounded by ln 2 and is the square of the distance', () => {
    assert.equal(dl.jsDivergence([1, 0], [0, 1]), Math.LN2);
    const d = dl.jsDistance([0.2, 0.8], [0.6, 0.4]);
    assert.ok(Math.abs(d * d - dl.jsDivergence([0.2, 0.8], [0.6, 0.4])) < 1e-16);
  });

  test('normal closed form equals the grid integral to 1e-8', () => {
    const x = Float64Array.from({ length: 4001 }, (_, i) => -14 + (28 * i) / 4000);
    const p = dl.normalPdf(x, -2, 1);
    const q = dl.normalPdf(x, 2, 2);
    const closed = dl.klNormal(-2, 1, 2, 2);
    assert.ok(Math.abs(closed - 2.3181471805599454) < 1e-14);
    assert.ok(Math.abs(dl.klGrid(x, p, q) - closed) < 1e-8);
    // Unit normals: (muP - muQ)^2 / 2.
    assert.equal(dl.klNormal(1.5, 1, -0.5, 1), 2);
  });

  test('large arrays grow the heap without detaching views (1e6 entries)', () => {
    const n = 1_000_000;
    const p = new Float64Array(n).fill(1);
    assert.ok(Math.abs(dl.entropy(p) - Math.log(n)) < 1e-12);
    const terms = dl.klTerms(p, p);
    assert.equal(terms.length, n);
    assert.equal(terms[n - 1], 0);
  });
});

describe('errors name the argument and the problem', () => {
  const cases = [
    [() => dl.klDivergence([], []), RangeError, 'p: must not be empty'],
    [() => dl.klDivergence([0.5, 0.5], [0.2, 0.3, 0.5]), RangeError, 'q: length 3 differs from p (length 2)'],
    [() => dl.klDivergence([1, -0.5], [1, 1]), RangeError, 'p: entry 1 is negative (-0.5)'],
    [() => dl.jsDistance([1, 1], [NaN, 1]), RangeError, 'q: entry 0 is NaN'],
    [() => dl.entropy([1, Infinity]), RangeError, 'p: entry 1 is infinite'],
    [() => dl.klDivergence([0, 0, 0], [0.2, 0.3, 0.5]), RangeError, 'p: all entries are zero; a distribution needs a positive total'],
    [() => dl.entropy([1, 1], { base: 1 }), RangeError, 'base: must be a finite number > 0 and != 1 (got 1)'],
    [() => dl.entropy([1, 1], { base: 0 }), RangeError, 'base: must be a finite number > 0 and != 1 (got 0)'],
    [() => dl.entropy([1, 1], { base: '2' }), TypeError, 'base: expected a number, got string'],
    [() => dl.entropy([1, 1], { normalize: 'yes' }), TypeError, 'normalize: expected a boolean, got string'],
    [() => dl.klDivergence('0.5,0.5', [1, 1]), TypeError, 'p: expected an array of numbers (number[], Float64Array or Float32Array), got string'],
    [() => dl.klDivergence([1, 1], new Int32Array(2)), TypeError, 'q: expected an array of numbers (number[], Float64Array or Float32Array), got Int32Array'],
    [() => dl.klDivergence([1, '2'], [1, 1]), TypeError, 'p: entry 1 is not a number (string)'],
    [() => dl.klDivergence([1, null], [1, 1]), TypeError, 'p: entry 1 is not a number (null)'],
    [() => dl.klNormal(0, 0, 0, 1), RangeError, 'sigmaP: must be a finite number > 0 (got 0)'],
    [() => dl.klNormal(NaN, 1, 0, 1), RangeError, 'muP: must be finite (got nan)'],
    [() => dl.klNormal(0, 1, '0', 1), TypeError, 'muQ: expected a number, got string'],
    [() => dl.klGrid([0, 1, 1], [1, 1, 1], [1, 1, 1]), RangeError, 'x: not strictly increasing at index 2'],
    [() => dl.klGrid([0, 1], [1, 1, 1], [1, 1]), RangeError, 'p: length 3 differs from x (length 2)'],
  ];
  for (const [run, type, message] of cases) {
    test(message, () => {
      assert.throws(run, (e) => e instanceof type && e.message === message);
    });
  }
});
