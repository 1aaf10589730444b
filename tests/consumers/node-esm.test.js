// Node: a user's ESM script importing the installed package by name (its "node" entry reads the
// .wasm from disk) and the single-file build; the command line installed as a bin.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { appDir, packed, repo } from './consumer.js';

const dataDir = join(repo, '..', 'shared', 'data');
const expected = JSON.parse(readFileSync(join(dataDir, 'expected.json'), 'utf8'));

test('an ESM script imports the package by name and computes SciPy values', () => {
  packed();
  const values = JSON.parse(execFileSync(process.execPath, ['node/consumer.mjs'], { cwd: appDir, encoding: 'utf8' }));
  // scipy.stats.entropy([.1,.6,.3], [.2,.3,.5]) = 0.19332590315017542 (ours 1 ulp above).
  assert.equal(values.kl, 0.19332590315017545);
  assert.equal(values.singleKl, values.kl);
  // KL(0.7,0.3 ‖ 0.5,0.5) in bits = 1 − H2(0.7).
  assert.ok(Math.abs(values.klBits - (1 + 0.7 * Math.log2(0.7) + 0.3 * Math.log2(0.3))) < 1e-15);
  assert.equal(values.js, Math.sqrt(Math.log(2)));
  assert.equal(values.klNormal, 0.5);
});

test('the bin compares two CSV files from the installed package', () => {
  const pair = join(repo, '..', 'shared', 'data', 'pairs', 'penguins_biscoe_vs_dream');
  const bin = join(appDir, 'node_modules', '.bin', 'divergence-lab');
  const result = spawnSync(bin, ['compare', join(pair, 'reference.csv'), join(pair, 'current.csv'), '--format', 'json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.schema, 'divergence-lab/compare-report@2');
  assert.equal(report.reference.rows, 168);
  assert.equal(report.current.rows, 124);
  const usage = spawnSync(bin, ['compare', 'only-one.csv'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
});

test('an ESM script compares two CSV paths with divergence-lab/compare: expected.json values', () => {
  packed();
  const pair = expected.pairs.find((p) => p.id === 'tips_lunch_vs_dinner');
  const out = JSON.parse(
    execFileSync(process.execPath, ['node/compare.mjs', join(dataDir, pair.reference_file), join(dataDir, pair.current_file)], { cwd: appDir, encoding: 'utf8' }),
  );
  assert.equal(out.schema, 'divergence-lab/compare-report@2');
  assert.deepEqual(out.rows, [pair.reference_rows, pair.current_rows]);
  assert.ok(out.progressReports >= 1);
  let checked = 0;
  for (const [name, want] of Object.entries(pair.columns)) {
    if (want.type !== 'numeric') continue;
    const got = out.columns[name];
    assert.ok(Math.abs(got.ks - want.ks.statistic) <= 1e-12, `${name} KS ${got.ks} vs ${want.ks.statistic}`);
    assert.equal(got.gap, got.ks, `${name}: the ECDF gap is the KS statistic`);
    const kl = want.equal_width_20.kl_ref_cur_smoothed;
    assert.ok(Math.abs(got.kl - kl) <= 1e-9 * kl + 1e-15, `${name} KL ${got.kl} vs ${kl}`);
    assert.deepEqual(got.counts, want.equal_width_20.ref_counts, `${name} bin counts`);
    checked += 1;
  }
  assert.ok(checked >= 2, `numeric columns checked: ${checked}`);
});
