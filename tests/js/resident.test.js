// Resident arrays (allocate): filled in WASM memory, accepted by the discrete measures without a
// copy, with the same values as plain arrays, and refusing use after free().
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as dl from '../../web/src/node.js';

before(() => dl.init());

const p = [0.1, 0.2, 0.3, 0.4];
const q = [0.25, 0.25, 0.25, 0.25];

test('allocate(n) is zero-filled with a Float64Array view of length n', () => {
  const a = dl.allocate(5);
  assert.equal(a.length, 5);
  assert.ok(a.array instanceof Float64Array);
  assert.deepEqual([...a.array], [0, 0, 0, 0, 0]);
  a.free();
});

test('every discrete measure gives the same value for resident and plain arrays', () => {
  const rp = dl.allocate(p);
  const rq = dl.allocate(q.length);
  rq.array.set(q);
  const pairs = ['klDivergence', 'crossEntropy', 'jsDivergence', 'jsDistance', 'psi', 'jeffreys', 'totalVariation',
    'hellinger', 'bhattacharyyaCoefficient', 'bhattacharyyaDistance', 'pearsonChiSquare', 'neymanChiSquare'];
  for (const name of pairs) {
    assert.equal(dl[name](rp, rq), dl[name](p, q), name);
    assert.equal(dl[name](rp, q), dl[name](p, q), `${name} mixed`);
    assert.equal(dl[name](p, rq), dl[name](p, q), `${name} mixed, q resident`);
  }
  assert.equal(dl.entropy(rp), dl.entropy(p));
  assert.equal(dl.renyiDivergence(rp, rq, 2), dl.renyiDivergence(p, q, 2));
  assert.equal(dl.fDivergence(rp, rq, 'pearson'), dl.fDivergence(p, q, 'pearson'));
  assert.deepEqual(dl.klTerms(rp, rq), dl.klTerms(p, q));
  // KL(P||U) = ln 4 - H(P), a closed form.
  assert.ok(Math.abs(dl.klDivergence(rp, rq) - (Math.log(4) - dl.entropy(p))) < 1e-15);
  rp.free();
  rq[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();
});

test('writes through .array are what the measures read', () => {
  const a = dl.allocate(2);
  a.array[0] = 1;
  a.array[1] = 1;
  assert.equal(dl.entropy(a), Math.log(2));
  a.array[1] = 0;
  assert.equal(dl.entropy(a), 0);
  a.free();
});

test('.array is re-created after the memory grows', () => {
  const a = dl.allocate([1, 2, 3]);
  const before = a.array;
  const big = dl.allocate(4_000_000); // 32 MB: grows the heap
  assert.equal(before.length, 0, 'the old view is detached by the growth');
  assert.deepEqual([...a.array], [1, 2, 3]);
  big.free();
  a.free();
});

test('small plain arrays are copied into the current heap after the memory grows', () => {
  // The copying path keeps a view of the heap between calls; growth detaches it.
  const p = [0.1, 0.2, 0.7];
  const q = [0.3, 0.3, 0.4];
  const want = 0.1 * Math.log(0.1 / 0.3) + 0.2 * Math.log(0.2 / 0.3) + 0.7 * Math.log(0.7 / 0.4);
  assert.ok(Math.abs(dl.klDivergence(p, q) - want) < 1e-15);
  const big = dl.allocate(8_000_000); // 64 MB: grows the heap
  assert.ok(Math.abs(dl.klDivergence(p, q) - want) < 1e-15);
  assert.ok(Math.abs(dl.entropy(Float64Array.from(q)) - -(0.6 * Math.log(0.3) + 0.4 * Math.log(0.4))) < 1e-15);
  big.free();
});

test('a freed array throws a clear error, wherever it is used; free() twice is harmless', () => {
  const a = dl.allocate([0.5, 0.5]);
  a.free();
  a.free();
  assert.equal(a.live, false);
  assert.throws(() => a.array, { message: 'array: the resident array was freed (free() or dispose); allocate a new one' });
  assert.throws(() => dl.klDivergence(a, [0.5, 0.5]), { message: 'p: the resident array was freed (free() or dispose); allocate a new one' });
  assert.throws(() => dl.entropy(a), { message: 'p: the resident array was freed (free() or dispose); allocate a new one' });
});

test('core errors name the argument for resident arrays as for plain ones', () => {
  const a = dl.allocate([0.5, -1]);
  const b = dl.allocate([0.5, 0.5, 0]);
  assert.throws(() => dl.klDivergence(a, b), { name: 'RangeError', message: 'p: entry 1 is negative (-1)' });
  a.array[1] = 0.5;
  assert.throws(() => dl.klDivergence(a, b), { name: 'RangeError', message: 'q: length 3 differs from p (length 2)' });
  a.free();
  b.free();
});

test('allocate rejects bad lengths and values', () => {
  assert.throws(() => dl.allocate(-1), { name: 'RangeError', message: 'length: must be an integer >= 0 (got -1)' });
  assert.throws(() => dl.allocate(1.5), { name: 'RangeError', message: 'length: must be an integer >= 0 (got 1.5)' });
  assert.throws(() => dl.allocate('3'), { name: 'TypeError' });
});
