// Parquet input (hyparquet): Parquet versions of the example pairs, written by DuckDB inside the test
// (COPY ... TO ... (FORMAT parquet) with small row groups, so the reader's row-group loop runs), give
// the same report as the CSV files, converted whole and streamed by compareFiles (paths and Blobs read
// by byte ranges, one row group at a time, with progress in Parquet bytes); a file that is not
// Parquet is refused with a clear error.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parquetMetadata } from 'hyparquet';
import * as dl from '../../web/src/node.js';
import { compareFiles, isParquet, parquetCsvChunks, parquetToCsv, toEngineInput } from '../../web/src/compare/index_node.js';
import { sharedDir } from './shared.js';
import { connect } from './summary_sql.js';

const pairsDir = sharedDir + 'data/pairs/';
const dir = mkdtempSync(join(tmpdir(), 'divergence-parquet-'));
let connection;

before(async () => {
  await dl.init();
  connection = await connect();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function toParquet(csvPath, name) {
  const out = join(dir, `${name}.parquet`);
  // The engine drops the space after a delimiter (skip_initial_space); DuckDB keeps it in text, so
  // text columns are left-trimmed to give the Parquet file the values the CSV means. DuckDB would
  // sniff tips' Yes/No as BOOLEAN, which the engine (like pandas) reads as categories: BOOLEAN is
  // left out of the candidate types.
  const read = `read_csv('${csvPath}', header = true, auto_type_candidates = ['BIGINT', 'DOUBLE', 'TIMESTAMP', 'VARCHAR'])`;
  const cols = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`)).getRowObjects();
  const select = cols.map(({ column_name: c, column_type: t }) => {
    const q = `"${c.replaceAll('"', '""')}"`;
    return `${t === 'VARCHAR' ? `ltrim(${q}, ' ')` : q} AS "${c.trim().replaceAll('"', '""')}"`;
  });
  await connection.run(`COPY (SELECT ${select.join(', ')} FROM ${read})
    TO '${out}' (FORMAT parquet, ROW_GROUP_SIZE 500)`);
  return { path: out, types: Object.fromEntries(cols.map((c) => [c.column_name.trim(), c.column_type])) };
}

/** The report without the facts that differ between a CSV and a Parquet file of the same table. */
function comparable(report) {
  const copy = structuredClone(report);
  for (const side of ['reference', 'current']) {
    delete copy[side].bytes;
    delete copy[side].delimiter;
    delete copy[side].skip_initial_space;
  }
  return copy;
}

describe('Parquet files give the CSV report', () => {
  for (const pair of readdirSync(pairsDir).sort()) {
    test(pair, async () => {
      const refCsv = `${pairsDir}${pair}/reference.csv`;
      const curCsv = `${pairsDir}${pair}/current.csv`;
      const ref = await toParquet(refCsv, `${pair}-reference`);
      const cur = await toParquet(curCsv, `${pair}-current`);
      const refBytes = readFileSync(ref.path);
      assert.ok(isParquet(refBytes));
      const chunks = [];
      for await (const chunk of parquetCsvChunks(refBytes)) chunks.push(chunk);
      const groups = parquetMetadata(refBytes.buffer.slice(refBytes.byteOffset, refBytes.byteOffset + refBytes.length)).row_groups.length;
      assert.equal(chunks.length, 1 + groups, 'header chunk + one chunk per row group');
      if (pair.startsWith('adult')) assert.ok(groups > 1, `adult: ${groups} row groups`);
      const fromParquet = dl.compare(await parquetToCsv(refBytes), await toEngineInput(readFileSync(cur.path)));
      const fromCsv = dl.compare(readFileSync(refCsv), readFileSync(curCsv));
      assert.deepEqual(comparable(fromParquet), comparable(fromCsv));
      assert.ok(Object.values(ref.types).some((t) => t === 'DOUBLE' || t === 'BIGINT'), 'typed numeric columns');
    });
  }
});

describe('compareFiles streams Parquet files row group by row group', () => {
  for (const pair of readdirSync(pairsDir).sort()) {
    test(pair, async () => {
      const ref = await toParquet(`${pairsDir}${pair}/reference.csv`, `${pair}-stream-reference`);
      const cur = await toParquet(`${pairsDir}${pair}/current.csv`, `${pair}-stream-current`);
      const fromCsv = await compareFiles(`${pairsDir}${pair}/reference.csv`, `${pairsDir}${pair}/current.csv`);
      const events = [];
      const fromPaths = await compareFiles(ref.path, cur.path, {}, { onProgress: (p) => events.push(p) });
      assert.deepEqual(comparable(fromPaths), comparable(fromCsv));
      // A Blob is read the same way (Blob.slice ranges), as in the page's worker.
      const fromBlobs = await compareFiles(new Blob([readFileSync(ref.path)]), new Blob([readFileSync(cur.path)]));
      assert.deepEqual(comparable(fromBlobs), comparable(fromCsv));
      // Progress counts bytes of the Parquet files and the rows read, and ends with both sides done.
      const size = readFileSync(ref.path).length;
      const last = events.at(-1);
      assert.equal(last.reference.done, true);
      assert.equal(last.current.done, true);
      assert.equal(last.reference.bytes, size);
      assert.equal(last.reference.totalBytes, size);
      assert.equal(last.reference.rows, fromCsv.reference.rows);
      assert.equal(last.current.rows, fromCsv.current.rows);
      const refBytes = events.map((e) => e.reference.bytes);
      assert.ok(refBytes.every((b, i) => i === 0 || b >= refBytes[i - 1]), 'bytes never go back');
      const file = readFileSync(ref.path);
      const groups = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.length)).row_groups.length;
      assert.ok(new Set(refBytes).size >= Math.min(groups, 2), `progress moved in steps (${groups} row groups)`);
    });
  }

  test('only byte ranges of the file are read, none larger than the footer or one row group', async () => {
    const ref = await toParquet(`${pairsDir}adult_train_vs_test/reference.csv`, 'adult-ranges');
    const bytes = readFileSync(ref.path);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const metadata = parquetMetadata(buffer);
    assert.ok(metadata.row_groups.length > 3, `${metadata.row_groups.length} row groups`);
    const largestGroup = Math.max(...metadata.row_groups.map((g) => g.columns.reduce((s, c) => s + Number(c.meta_data.total_compressed_size), 0)));
    const slices = [];
    const file = { byteLength: buffer.byteLength, slice: (start, end) => { slices.push((end ?? buffer.byteLength) - start); return buffer.slice(start, end); } };
    let csv = 0;
    for await (const chunk of parquetCsvChunks(file)) csv += chunk.length;
    assert.equal(csv, (await parquetToCsv(bytes)).length);
    const footer = Number(metadata.metadata_length) + 8;
    assert.ok(Math.max(...slices) <= Math.max(largestGroup, footer, 1 << 16), `largest read ${Math.max(...slices)} of a ${buffer.byteLength}-byte file`);
    assert.ok(Math.max(...slices) < buffer.byteLength / 2, `largest read ${Math.max(...slices)} of ${buffer.byteLength}`);
  });
});

describe('Parquet errors', () => {
  test('a truncated Parquet file', async () => {
    const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 7, 8, 0x50, 0x41, 0x52, 0x31]);
    assert.ok(isParquet(bytes));
    await assert.rejects(parquetToCsv(bytes), { name: 'RangeError', message: /^parquet: not a readable Parquet file/ });
  });
  test('CSV is passed through, not converted', async () => {
    const csv = new TextEncoder().encode('a\n1\n');
    assert.equal(await toEngineInput(csv), csv);
    assert.equal(isParquet(csv), false);
  });
});
