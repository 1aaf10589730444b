// The bad-input catalogue (tests/bad-inputs/catalogue.mjs): every API entry throws exactly its
// error (type and message) or returns its value; every command-line entry exits 2 with exactly
// its message on stderr (or succeeds as stated); docs/bad-inputs.md is what the catalogue generates.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as dl from 'divergence-lab';
import { catalogue } from '../bad-inputs/catalogue.mjs';
import { render } from '../../scripts/bad-inputs-doc.mjs';
import { close } from './shared.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cliPath = join(root, 'web/src/cli/main.js');

test('the catalogue: at least 40 entries, unique ids, each with one outcome', () => {
  assert.ok(catalogue.length >= 40, `${catalogue.length} entries`);
  assert.equal(new Set(catalogue.map((e) => e.id)).size, catalogue.length);
  for (const e of catalogue) {
    assert.ok(['api', 'cli', 'page'].includes(e.surface), e.id);
    assert.ok(Boolean(e.error) !== Boolean(e.result), `${e.id}: exactly one of error / result`);
  }
});

test('docs/bad-inputs.md is generated from the catalogue and up to date', () => {
  const doc = readFileSync(join(root, 'docs/bad-inputs.md'), 'utf8');
  assert.equal(doc, render(), 'run node scripts/bad-inputs-doc.mjs');
  // Every entry's exact message appears in the doc.
  for (const e of catalogue) if (e.error) assert.ok(doc.includes(e.error.message.replaceAll('|', '\\|')), e.id);
});

describe('JS API', () => {
  before(() => dl.init());
  for (const e of catalogue.filter((x) => x.surface === 'api')) {
    test(`${e.id}: ${e.input}`, () => {
      if (e.result) {
        const got = e.call(dl);
        assert.ok(close(got, e.result.value, 1e-12), `${got} vs ${e.result.value}`);
        return;
      }
      let thrown = null;
      try {
        e.call(dl);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown, 'expected an error, got a result');
      const type = thrown.name === 'FormatError' ? 'FormatError' : thrown.constructor.name;
      assert.equal(type, e.error.type);
      assert.equal(thrown.message, e.error.message);
    });
  }
});

/** Runs the CLI in `cwd`; resolves { status, stdout, stderr } (stdout cut short: reports may be large). */
function runCli(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    // Up to 2 MiB kept: enough for every report here, and a report that carried an enormous field
    // whole shows up as a stdoutMaxBytes failure instead of filling memory.
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(0, 2 ** 21)));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('command line', { concurrency: 2 }, () => {
  const dirs = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  for (const e of catalogue.filter((x) => x.surface === 'cli')) {
    test(`${e.id}: divergence-lab ${e.args.join(' ')}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dl-bad-'));
      dirs.push(dir);
      for (const [name, content] of Object.entries(e.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), typeof content === 'function' ? content() : content);
      }
      const r = await runCli(e.args, dir);
      if (e.result) {
        assert.equal(r.status, 0, r.stderr);
        assert.ok(r.stdout.includes(e.result.stdoutIncludes), r.stdout.slice(0, 300));
        if (e.result.stdoutMaxBytes) assert.ok(r.stdout.length <= e.result.stdoutMaxBytes, `stdout is ${r.stdout.length} bytes`);
        return;
      }
      assert.equal(r.status, 2, `exit code (stderr: ${r.stderr})`);
      const lines = r.stderr.split('\n');
      assert.equal(lines[0], `divergence-lab: ${e.error.message}`);
      if (e.error.type === 'UsageError') assert.equal(lines[1], 'Run divergence-lab --help for the options.');
      else assert.equal(lines[1], '');
      assert.equal(r.stdout, '');
    });
  }
});
