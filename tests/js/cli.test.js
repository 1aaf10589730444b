// The command line: `npx divergence-lab compare REF CUR ...` reproduces expected.json's
// equal_width_20 conventions on every pair, exit codes 0 / 1 / 2, the md/csv/html formats, and
// HTML escaping of hostile names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { close, num, readJson, sharedDir } from './shared.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args) => spawnSync(process.execPath, [join(root, 'web/src/cli/main.js'), ...args], { encoding: 'utf8', cwd: root });
const pair = (id) => [join(sharedDir, 'data/pairs', id, 'reference.csv'), join(sharedDir, 'data/pairs', id, 'current.csv')];

describe('divergence-lab compare', () => {
  for (const p of readJson('data/expected.json').pairs) {
    test(`${p.id}: --binning equal-width:20 --smoothing epsilon:1e-4 reproduces expected.json`, () => {
      const r = cli('compare', ...pair(p.id), '--binning', 'equal-width:20', '--smoothing', 'epsilon:1e-4');
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      for (const [name, want] of Object.entries(p.columns)) {
        const got = report.columns.find((c) => c.name === name);
        assert.ok(got, name);
        const block = want.type === 'numeric' ? want.equal_width_20 : want;
        assert.deepEqual(want.type === 'numeric' ? got.bins.ref_counts : got.ref_counts, block.ref_counts, name);
        for (const k of ['kl_ref_cur_raw', 'kl_cur_ref_raw', 'kl_ref_cur_smoothed', 'kl_cur_ref_smoothed', 'js_distance_base_e', 'psi_smoothed']) {
          const g = got.metrics[k] === 'inf' ? Infinity : got.metrics[k];
          assert.ok(close(g, num(block[k]), 1e-9), `${name} ${k}: ${g} vs ${block[k]}`);
        }
      }
    });
  }

  test('npx divergence-lab works from the repository root', () => {
    const r = spawnSync('npx', ['--no-install', 'divergence-lab', 'compare', ...pair('flights_1949_1954_vs_1955_1960'), '--format', 'csv'], { encoding: 'utf8', cwd: root });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^column,type,test,score/);
    assert.match(r.stdout, /\r\nmonth,categorical,/);
  });

  test('exit 1 with --fail-on-drift when drifted, 0 without', () => {
    assert.equal(cli('compare', ...pair('tips_lunch_vs_dinner'), '--fail-on-drift').status, 1);
    assert.equal(cli('compare', ...pair('tips_lunch_vs_dinner')).status, 0);
  });

  test('exit 2 with a message naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-cli-'));
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    const cases = [
      [['compare', pair('tips_lunch_vs_dinner')[0], join(dir, 'missing.csv')], /current: cannot read .*missing\.csv \(ENOENT\)/],
      [['compare', pair('tips_lunch_vs_dinner')[0], ragged], /current: line 3: expected 2 fields, found 1/],
      [['compare', ...pair('tips_lunch_vs_dinner'), '--binning', 'equal:3'], /binning: unknown rule 'equal:3'/],
      [['compare', ...pair('tips_lunch_vs_dinner'), '--format', 'pdf'], /--format: unknown 'pdf'/],
      [['compare', pair('tips_lunch_vs_dinner')[0]], /expected two files/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  test('--out writes md and html; html escapes hostile names and has no script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-cli-'));
    const ref = join(dir, 'ref.csv');
    const cur = join(dir, 'cur.csv');
    writeFileSync(ref, '"<script>alert(1)</script>",x\n"<img src=x onerror=alert(2)>",1\nb,2\n');
    writeFileSync(cur, '"<script>alert(1)</script>",x\na,3\nb,4\n');
    assert.equal(cli('compare', ref, cur, '--format', 'html', '--out', join(dir, 'r.html')).status, 0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.equal(cli('compare', ref, cur, '--format', 'md', '--out', join(dir, 'r.md')).status, 0);
    assert.match(readFileSync(join(dir, 'r.md'), 'utf8'), /^# Dataset comparison\n\n(Drift detected|No dataset drift)/);
  });

  test('--help prints the usage', () => {
    const r = cli('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: divergence-lab compare REFERENCE CURRENT/);
  });
});
