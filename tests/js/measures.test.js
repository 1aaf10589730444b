// The measures beyond KL through the JS API: options (smoothing, scales), terms, batches,
// gradient, and their argument errors.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as dl from '../../web/src/node.js';

before(() => dl.init());

const near = (a, b, tol = 1e-14) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('options', () => {
  test('epsilon smoothing gives the drift-monitoring convention', () => {
    // [0, 1, 3]: 0 -> 1e-4, then renormalise: [1e-4, 0.25, 0.75] / 1.0001
    const terms = dl.pointwiseTerms('kl', [0, 1, 3], [1, 1, 1], { smoothing: { epsilon: 1e-4 } });
    near(terms[0], (1e-4 / 1.0001) * Math.log((1e-4 / 1.0001) / (1 / 3)));
    assert.equal(dl.klDivergence([1, 1], [1, 0]), Infinity);
    assert.ok(Number.isFinite(dl.klDivergence([1, 1], [1, 0], { smoothing: { epsilon: 1e-4 } })));
  });
  test('pseudocount smoothing is additive (Laplace)', () => {
    // [1, 0] + 1 -> [2/3, 1/3]
    near(dl.klDivergence([1, 1], [1, 0], { smoothing: { pseudocount: 1 } }), 0.5 * Math.log(0.5 / (2 / 3)) + 0.5 * Math.log(0.5 / (1 / 3)));
  });
  test('scales: log-probabilities and logits give the same KL as probabilities', () => {
    const p = [0.1, 0.6, 0.3];
    const q = [0.2, 0.3, 0.5];
    const want = dl.klDivergence(p, q);
    near(dl.klDivergence(p.map(Math.log), q.map(Math.log), { pScale: 'log-probabilities', qScale: 'log-probabilities' }), want);
    near(dl.klDivergence(p, q.map((x) => Math.log(x) + 42), { qScale: 'logits' }), want);
  });
});

describe('measures', () => {
  const p = [0.2, 0.4, 0.3, 0.1];
  const q = [0.3, 0.2, 0.3, 0.2];
  test('Jeffreys = PSI = KL both ways', () => {
    near(dl.jeffreys(p, q), dl.klDivergence(p, q) + dl.klDivergence(q, p));
    near(dl.psi(p, q), dl.jeffreys(p, q));
  });
  test('Rényi: order 1 is KL, 0.5 is twice Bhattacharyya, infinity is the max log ratio', () => {
    near(dl.renyiDivergence(p, q, 1), dl.klDivergence(p, q));
    near(dl.renyiDivergence(p, q, 0.5), 2 * dl.bhattacharyyaDistance(p, q), 1e-15);
    near(dl.renyiDivergence(p, q, Infinity), Math.log(2));
  });
  test('pointwise terms sum to each measure', () => {
    for (const m of ['kl', 'reverse-kl', 'jensen-shannon', 'jeffreys', 'total-variation', 'squared-hellinger', 'pearson', 'neyman', 'cross-entropy', 'bhattacharyya']) {
      const sum = dl.pointwiseTerms(m, p, q).reduce((a, b) => a + b, 0);
      const direct = m === 'cross-entropy' ? dl.crossEntropy(p, q) : m === 'bhattacharyya' ? dl.bhattacharyyaCoefficient(p, q) : dl.fDivergence(p, q, m);
      near(sum, direct, 1e-15);
    }
    near(Math.sqrt(dl.fDivergence(p, q, 'squared-hellinger')), dl.hellinger(p, q), 1e-15);
  });
  test('logSumExp and softmax are stable', () => {
    near(dl.logSumExp([1000, 1000]), 1000 + Math.LN2, 1e-12);
    const s = dl.softmax([1000, 1000, -Infinity]);
    assert.deepEqual(Array.from(s), [0.5, 0.5, 0]);
  });
  test('rows: number[][] or flat arrays with rows', () => {
    const P = [[0.25, 0.25, 0.5], [0.2, 0.5, 0.3]];
    const Q = [[0.3, 0.2, 0.5], [0.1, 0.6, 0.3]];
    const r = dl.klDivergenceRows(P, Q);
    near(r[0], dl.klDivergence(P[0], Q[0]));
    near(r[1], dl.klDivergence(P[1], Q[1]));
    const flat = dl.klDivergenceRows(P.flat(), Q.flat(), { rows: 2 });
    assert.deepEqual(Array.from(flat), Array.from(r));
  });
  test('logits gradient is softmax(z) - p', () => {
    const g = dl.klLogitsGradient([0.1, 0.2, 0.7], [0, 0, 0]);
    near(g[0], 1 / 3 - 0.1, 1e-16);
    near(g[2], 1 / 3 - 0.7, 1e-16);
  });
});

describe('errors', () => {
  const cases = [
    [() => dl.klDivergence([1], [1], { smoothing: { epsilon: 0 } }), RangeError, 'smoothing.epsilon: must be a finite number > 0 (got 0)'],
    [() => dl.klDivergence([1], [1], { smoothing: 'laplace' }), TypeError, `smoothing: expected 'none', { epsilon: number } or { pseudocount: number }, got "laplace"`],
    [() => dl.klDivergence([1], [1], { pScale: 'log' }), TypeError, `pScale: expected 'probabilities', 'log-probabilities' or 'logits', got "log"`],
    [() => dl.renyiDivergence([1], [1], -1), RangeError, 'alpha: must be >= 0 (got -1)'],
    [() => dl.renyiDivergence([1], [1], '2'), TypeError, 'alpha: expected a number, got string'],
    [() => dl.fDivergence([1], [1], 'cross-entropy'), RangeError, "generator: unknown 'cross-entropy' (known: kl, reverse-kl, jensen-shannon, jeffreys, total-variation, squared-hellinger, pearson, neyman)"],
    [() => dl.logSumExp([Infinity]), RangeError, 'x: entry 0 is +inf'],
    [() => dl.klDivergenceRows([1, 2, 3], [1, 2, 3], { rows: 2 }), RangeError, 'p: length 3 is not a multiple of rows (2)'],
    [() => dl.klDivergenceRows([[1, 1], [0, 0]], [[1, 1], [1, 1]]), RangeError, 'row 1: p: all entries are zero; a distribution needs a positive total'],
    [() => dl.klDivergenceRows([[1, 1], [1]], [[1, 1], [1, 1]]), RangeError, 'p: row 1 has length 1, row 0 has 2'],
    [() => dl.klLogitsGradient([0.5, 0.5], [1, 2, 3]), RangeError, 'z: length 3 differs from p (length 2)'],
    [() => dl.klGridLog([0, 1], [0, NaN], [0, 0]), RangeError, 'logP: entry 1 is NaN'],
  ];
  for (const [run, type, message] of cases) {
    test(message, () => assert.throws(run, (e) => e instanceof type && e.message === message));
  }
});
