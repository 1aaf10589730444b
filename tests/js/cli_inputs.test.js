// The command line's inputs: JSON Lines named .jsonl/.ndjson, Parquet files (also misnamed ones),
// histogram summaries, and the --type / --missing options.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parseArgs } from '../../web/src/cli/args.js';
import { inputFormatOption } from '../../web/src/cli/inputs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args) => spawnSync(process.execPath, [join(root, 'web/src/cli/main.js'), ...args], { encoding: 'utf8', cwd: root });
const dir = mkdtempSync(join(tmpdir(), 'divergence-cli-inputs-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('CLI inputs', () => {
  test('.jsonl and .ndjson files give the report of the same data as CSV', () => {
    const refCsv = file('r.csv', 'x,s\n1,a\n2,b\n3,a\n4,\n');
    const curCsv = file('c.csv', 'x,s\n2,a\n3,b\n5,b\n');
    const refJ = file('r.jsonl', '{"x":1,"s":"a"}\n{"x":2,"s":"b"}\n{"x":3,"s":"a"}\n{"x":4,"s":null}\n');
    const curJ = file('c.ndjson', '{"x":2,"s":"a"}\n{"x":3,"s":"b"}\n{"x":5,"s":"b"}\n');
    const a = JSON.parse(cli('compare', refCsv, curCsv).stdout);
    const r = cli('compare', refJ, curJ);
    assert.equal(r.status, 0, r.stderr);
    const b = JSON.parse(r.stdout);
    assert.equal(b.reference.format, 'jsonl');
    assert.equal(b.options.format, 'jsonl');
    assert.deepEqual(b.columns, a.columns);
  });

  test('--type NAME=TYPE overrides inference and repeats', () => {
    const ref = file('t1.csv', 'zip,flag\n10115,1\n10117,0\n10115,1\n');
    const cur = file('t2.csv', 'zip,flag\n10115,0\n20095,0\n10117,1\n');
    const r = cli('compare', ref, cur, '--type', 'zip=categorical', '--type=flag=boolean');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.columns.map((c) => [c.name, c.type, c.type_source]), [
      ['zip', 'categorical', 'override'], ['flag', 'boolean', 'override']]);
    assert.deepEqual(report.columns[0].categories, ['10115', '10117', '20095']);
    assert.equal(parseArgs(['compare', 'a', 'b', '--types', 'x:numeric', '--type', 'y=boolean']).options.types, 'x:numeric,y:boolean');
    const bad = cli('compare', ref, cur, '--type', 'zip');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--type: expected NAME=TYPE \(e\.g\. zip=categorical\), got 'zip'/);
  });

  test('--missing sets the missing tokens', () => {
    const ref = file('m1.csv', 'x\n1\n-999\n2\n');
    const cur = file('m2.csv', 'x\n1\n2\n-999\n');
    const plain = JSON.parse(cli('compare', ref, cur).stdout).columns[0];
    assert.equal(plain.missing_ref, 0);
    const r = JSON.parse(cli('compare', ref, cur, '--missing', '-999,NA').stdout).columns[0];
    assert.equal(r.missing_ref, 1);
    assert.equal(r.n_ref, 2);
  });

  test('a file named .parquet that is not Parquet is refused', () => {
    const fake = file('fake.parquet', 'a\n1\n');
    const r = cli('compare', fake, fake);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /reference: .*fake\.parquet is named \.parquet but is not a Parquet file/);
  });

  test('two histogram summaries are compared; a summary with a CSV is refused', () => {
    const summary = (counts) => JSON.stringify({ schema: 'divergence-lab/histogram-summary@1', columns: [
      { name: 'x', type: 'numeric', edges: [0, 1, 2, 3], counts } ] });
    const ref = file('r.summary.json', summary([100, 100, 100]));
    const cur = file('c.summary.json', summary([50, 100, 150]));
    const r = cli('compare', ref, cur, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const c = JSON.parse(r.stdout).columns[0];
    assert.ok(Math.abs(c.metrics.tvd - 1 / 6) < 1e-15, String(c.metrics.tvd));
    assert.equal(c.metrics.ks_pvalue, null);
    const md = cli('compare', ref, cur, '--format', 'md');
    assert.equal(md.status, 0, md.stderr);
    const mixed = cli('compare', ref, file('x.csv', 'x\n1\n'));
    assert.equal(mixed.status, 2);
    assert.match(mixed.stderr, /current: not a histogram summary, but the reference is one/);
  });

  test('JSON Lines is chosen by name only when both files are .jsonl/.ndjson', () => {
    assert.equal(inputFormatOption('a.JSONL', 'b.ndjson'), 'jsonl');
    assert.equal(inputFormatOption('a.jsonl', 'b.csv'), 'auto');
  });
});
