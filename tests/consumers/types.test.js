// The hand-written declarations, checked as a TypeScript user's project checks them:
// tsc --strict --noEmit on tests/consumers/ts (every export of every entry, plus misuses marked
// @ts-expect-error that must be rejected), against the installed tarball, with Node's and
// bundlers' module resolution.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { appDir, packed, repo } from './consumer.js';

const tsc = join(repo, 'node_modules', '.bin', 'tsc');

for (const [resolution, flags] of [
  ['nodenext', []],
  ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler']],
]) {
  test(`tsc --strict --noEmit, moduleResolution ${resolution}`, () => {
    packed();
    const result = spawnSync(tsc, ['-p', 'ts/tsconfig.json', '--strict', '--noEmit', ...flags], { cwd: appDir, encoding: 'utf8' });
    assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
  });
}
