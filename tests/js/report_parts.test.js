// The report in two parts, as the browser's two workers build it (web/src/compare/report_parts.js,
// files_browser.js): on every shared pair, with the page's options and the defaults, the columns
// shared out by shareColumns, each side's state restricted to the other part's columns, the two
// parts built and merged by mergeReports give exactly the report of one worker (same object, same
// JSON text). shareColumns balances by weight and is deterministic; mergeReports refuses parts that
// disagree. Every accumulator is closed afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { init } from '../../web/src/node.js';
import { wasm } from '../../web/src/core/module.js';
import { optionLines } from '../../web/src/compare/options.js';
import { accumulate, columnWeights, reportJson, reportPartJson, restoreMerged, serialize, serializeColumns } from '../../web/src/compare/engine.js';
import { mergeReports, shareColumns } from '../../web/src/compare/report_parts.js';
import { readJson, sharedDir } from './shared.js';

const pairs = readJson('data/expected.json').pairs.map((p) => p.id);
const read = (id, side) => new Uint8Array(readFileSync(join(sharedDir, 'data/pairs', id, `${side}.csv`)));

before(() => init());

async function open(module, side, lines, bytes) {
  return accumulate(module, { side, lines, chunks: [bytes.subarray(0, 5000), bytes.subarray(5000)] });
}

/** The whole report and the merged parts' report of one pair. */
async function wholeAndMerged(id, options) {
  const module = wasm('test');
  const lines = optionLines(options);
  const ref = await open(module, 'reference', lines, read(id, 'reference'));
  const cur = await open(module, 'current', lines, read(id, 'current'));
  // The whole report, from copies (reportJson closes its handles).
  const whole = reportJson(module, restoreMerged(module, lines, [serialize(module, ref)]), restoreMerged(module, lines, [serialize(module, cur)]), lines);
  const plan = shareColumns(columnWeights(module, ref), columnWeights(module, cur));
  const refForCurrent = serializeColumns(module, ref, plan.current);
  const curForReference = serializeColumns(module, cur, plan.reference);
  const partReference = reportPartJson(module, ref, restoreMerged(module, lines, [curForReference]), lines, plan.reference);
  const partCurrent = reportPartJson(module, restoreMerged(module, lines, [refForCurrent]), cur, lines, plan.current);
  assert.equal(module.streamOpenCount(), 0, 'every accumulator closed');
  const merged = mergeReports([JSON.parse(partReference), JSON.parse(partCurrent)], plan.order);
  return { whole, merged, plan };
}

describe('the report in two parts', () => {
  for (const id of pairs) {
    for (const [label, options] of [
      ['page options', { binning: 'equal-width:20', smoothing: 'epsilon:0.0001' }],
      ['defaults', {}],
    ]) {
      test(`${id}, ${label}: the merged parts are the whole report`, async () => {
        const { whole, merged, plan } = await wholeAndMerged(id, options);
        assert.equal(JSON.stringify(merged), JSON.stringify(JSON.parse(whole)));
        assert.deepEqual(merged.columns.map((c) => c.name), plan.order);
        assert.deepEqual([...plan.reference, ...plan.current].sort(), [...plan.order].sort());
        if (plan.order.length >= 2) {
          assert.ok(plan.reference.length > 0 && plan.current.length > 0, 'both workers get columns');
        }
      });
    }
  }
});

describe('shareColumns', () => {
  test('heaviest first, each to the lighter worker; only common columns; reference order kept', () => {
    const plan = shareColumns(
      [['a', 10], ['b', 1], ['c', 9], ['d', 1], ['r', 50]],
      [['d', 1], ['a', 10], ['b', 1], ['c', 9], ['x', 5]],
    );
    // Weights a 20, c 18, b 2, d 2: a -> reference, c -> current, b -> current (18 < 20), d -> reference (20 = 20).
    assert.deepEqual(plan, { order: ['a', 'b', 'c', 'd'], reference: ['a', 'd'], current: ['c', 'b'] });
  });
  test('no common column: empty parts', () => {
    assert.deepEqual(shareColumns([['a', 1]], [['b', 1]]), { order: [], reference: [], current: [] });
  });
});

describe('mergeReports', () => {
  const part = (columns, drifted, extra = {}) => ({
    schema: 's',
    options: {},
    reference: { rows: 3 },
    current: { rows: 4 },
    only_in_reference: [],
    only_in_current: [],
    verdict: { drifted: false, share: 0, threshold: 0.5, n_drifted: drifted, n_columns: columns.length },
    approximate_columns: columns.filter((c) => c.approx).map((c) => c.name),
    columns,
    ...extra,
  });
  test('columns in order, the verdict over all, approximate columns in order', () => {
    const merged = mergeReports([part([{ name: 'b', approx: true }], 1), part([{ name: 'a' }, { name: 'c', approx: true }], 0)], ['a', 'b', 'c']);
    assert.deepEqual(merged.columns.map((c) => c.name), ['a', 'b', 'c']);
    assert.deepEqual(merged.approximate_columns, ['b', 'c']);
    assert.deepEqual(merged.verdict, { drifted: false, share: 1 / 3, threshold: 0.5, n_drifted: 1, n_columns: 3 });
    const two = mergeReports([part([{ name: 'a' }], 1), part([{ name: 'b' }], 0)], ['a', 'b']);
    assert.equal(two.verdict.drifted, true); // 1/2 >= 0.5
  });
  test('parts that disagree, or miss a column, are internal errors', () => {
    assert.throws(() => mergeReports([part([{ name: 'a' }], 0), part([{ name: 'b' }], 0, { current: { rows: 5 } })], ['a', 'b']), /differ in "current"/);
    assert.throws(() => mergeReports([part([{ name: 'a' }], 0), part([], 0)], ['a', 'b']), /column "b" is in no part/);
    assert.throws(() => mergeReports([part([{ name: 'a' }], 0), part([{ name: 'a' }], 0)], ['a']), /column "a" is in two parts/);
  });
});
