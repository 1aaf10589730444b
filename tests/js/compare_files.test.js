// compareFiles (package entry divergence-lab/compare, Node build): the same report as compareCsv on
// every example pair from paths, file: URLs, Blobs, bytes and http URLs; progress that only grows
// and ends at the file sizes and row counts; cancel before and during a run (AbortError, every
// accumulator freed); malformed files and bad arguments with clear errors.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { compareFiles, prepareWorkers } from 'divergence-lab/compare';
import { compareCsv, init } from '../../web/src/node.js';
import { wasm } from '../../web/src/core/module.js';
import { warmUp } from '../../web/src/compare/warm_up.js';
import { readJson, sharedDir } from './shared.js';

const PAGE = { binning: 'equal-width:20', smoothing: 'epsilon:0.0001' };
const pairs = readJson('data/expected.json').pairs.map((p) => p.id);
const pathOf = (id, side) => join(sharedDir, 'data/pairs', id, `${side}.csv`);
const openCount = () => wasm('test').streamOpenCount();

/** A CSV of n rows x 4 columns (numbers and labels), deterministic. */
function generated(n, seed) {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['id,value,group,flag'];
  for (let i = 0; i < n; i++) lines.push(`${i},${(rnd() * 100).toFixed(3)},g${Math.floor(rnd() * 7)},${rnd() < 0.5}`);
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'compare-files-'));
const bigRef = join(dir, 'big-ref.csv');
const bigCur = join(dir, 'big-cur.csv');
writeFileSync(bigRef, generated(400000, 1)); // ~10 MB each: several 4 MiB chunks
writeFileSync(bigCur, generated(400000, 2));

before(() => init());

describe('compareFiles', () => {
  for (const id of pairs) {
    test(`${id}: paths, file: URLs, Blobs and bytes give compareCsv's report`, async () => {
      const ref = readFileSync(pathOf(id, 'reference'));
      const cur = readFileSync(pathOf(id, 'current'));
      const want = compareCsv(ref, cur);
      assert.deepEqual(await compareFiles(pathOf(id, 'reference'), pathOf(id, 'current'), PAGE), want);
      assert.deepEqual(await compareFiles(pathToFileURL(pathOf(id, 'reference')), pathToFileURL(pathOf(id, 'current')), PAGE), want);
      assert.deepEqual(await compareFiles(new Blob([ref]), new Blob([cur]), PAGE), want);
      assert.deepEqual(await compareFiles(new Uint8Array(ref), cur.buffer.slice(cur.byteOffset, cur.byteOffset + cur.length), PAGE), want);
      assert.equal(openCount(), 0);
    });
  }

  test('http URLs are fetched and streamed', async () => {
    const id = 'tips_lunch_vs_dinner';
    const server = createServer((req, res) => {
      const side = req.url === '/ref.csv' ? 'reference' : req.url === '/cur.csv' ? 'current' : null;
      if (!side) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(pathOf(id, side)));
    });
    await new Promise((resolve) => server.listen(4211, '127.0.0.1', resolve));
    try {
      const want = compareCsv(readFileSync(pathOf(id, 'reference')), readFileSync(pathOf(id, 'current')));
      assert.deepEqual(await compareFiles('http://127.0.0.1:4211/ref.csv', 'http://127.0.0.1:4211/cur.csv', PAGE), want);
      await assert.rejects(compareFiles('http://127.0.0.1:4211/ref.csv', 'http://127.0.0.1:4211/none.csv', PAGE), {
        message: 'http://127.0.0.1:4211/none.csv: the server answered 404 Not Found',
      });
      assert.equal(openCount(), 0);
    } finally {
      server.close();
    }
  });

  test('progress only grows and ends at the sizes and row counts', async () => {
    const seen = [];
    const report = await compareFiles(bigRef, bigCur, {}, { onProgress: (p) => seen.push(p) });
    assert.ok(seen.length >= 4, `${seen.length} progress calls`);
    for (const side of ['reference', 'current']) {
      for (let i = 1; i < seen.length; i++) {
        assert.ok(seen[i][side].bytes >= seen[i - 1][side].bytes, `${side} bytes fell at call ${i}`);
        assert.ok(seen[i][side].rows >= seen[i - 1][side].rows, `${side} rows fell at call ${i}`);
      }
      const last = seen.at(-1)[side];
      const size = statSync(side === 'reference' ? bigRef : bigCur).size;
      assert.deepEqual(last, { bytes: size, totalBytes: size, rows: 400000, done: true });
      assert.equal(report[side].rows, 400000);
    }
  });

  test('an aborted signal rejects with an AbortError and frees every accumulator', async () => {
    await assert.rejects(compareFiles(bigRef, bigCur, {}, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    const controller = new AbortController();
    let calls = 0;
    const run = compareFiles(bigRef, bigCur, {}, {
      signal: controller.signal,
      onProgress: (p) => {
        calls++;
        if (p.reference.bytes > 0 && !controller.signal.aborted) controller.abort();
      },
    });
    await assert.rejects(run, { name: 'AbortError' });
    assert.ok(calls >= 1);
    assert.equal(openCount(), 0);
    // And the next run works.
    const r = await compareFiles(pathOf('tips_lunch_vs_dinner', 'reference'), pathOf('tips_lunch_vs_dinner', 'current'));
    assert.equal(r.reference.rows, 68);
  });

  test('malformed files and bad arguments give clear errors', async () => {
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    await assert.rejects(compareFiles(bigRef, ragged), { name: 'FormatError', message: 'current: line 3: expected 2 fields, found 1' });
    assert.equal(openCount(), 0);
    await assert.rejects(compareFiles(join(dir, 'none.csv'), ragged), { message: /^reference: cannot read .*none\.csv \(ENOENT\)$/ });
    await assert.rejects(compareFiles(42, ragged), {
      name: 'TypeError',
      message: 'reference: expected a File/Blob, URL string, ArrayBuffer or Uint8Array or a file path, got number',
    });
    await assert.rejects(compareFiles(bigRef, bigCur, { bins: 3 }), { name: 'RangeError', message: /^options: unknown option 'bins'/ });
    await assert.rejects(compareFiles(bigRef, bigCur, {}, { signal: {} }), { name: 'TypeError', message: 'signal: expected an AbortSignal' });
    await assert.rejects(compareFiles(bigRef, bigCur, {}, { onProgress: 1 }), { name: 'TypeError', message: 'onProgress: expected a function, got number' });
  });

  test('the warm-up comparison of a worker started ahead runs the engine and closes every handle', async () => {
    const module = wasm('test');
    const before = module.heapInUse();
    assert.equal(openCount(), 0);
    await warmUp(module);
    assert.equal(openCount(), 0);
    // It fails like any comparison when the engine does: the handles are still closed.
    const compare = module.streamCompareColumns;
    module.streamCompareColumns = () => {
      throw new Error('broken engine');
    };
    try {
      await assert.rejects(warmUp(module), { message: 'broken engine' });
    } finally {
      module.streamCompareColumns = compare;
    }
    assert.equal(openCount(), 0);
    assert.equal(module.heapInUse(), before); // nothing kept (the chunk buffers freed too)
  });

  test('prepareWorkers: nothing to start in Node, the count is still checked', () => {
    assert.equal(prepareWorkers(2), undefined);
    assert.equal(prepareWorkers(0), undefined);
    assert.throws(() => prepareWorkers(-1), { name: 'RangeError', message: 'count: expected an integer from 0 to 32, got -1' });
    assert.throws(() => prepareWorkers(33), { name: 'RangeError', message: 'count: expected an integer from 0 to 32, got 33' });
  });
});

after(() => {});
