// The README's js examples run in Node against the installed tarball (import 'divergence-lab'
// resolves as in a user's project) and every value their comments state is checked.
// (The `html runnable` block runs in Chromium: app.spec.js.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appDir, packed } from './consumer.js';
import { agrees, instrument, runnableBlocks } from './readme-examples.js';

const blocks = runnableBlocks().filter((block) => block.language === 'js');

test('the README has runnable js examples', () => {
  assert.ok(blocks.length >= 4, `found ${blocks.length}`);
});

for (const block of blocks) {
  test(`README.md:${block.line}: the example runs and gives the values it states`, () => {
    packed();
    const { source, checks } = instrument(block.code, block.line);
    assert.ok(checks >= 1, 'an example states no value to check (write `expression; // value`)');
    const file = join(appDir, `readme-${block.line}.mjs`);
    writeFileSync(file, source);
    const results = JSON.parse(execFileSync(process.execPath, [file], { cwd: appDir, encoding: 'utf8' }).trim().split('\n').at(-1));
    assert.equal(results.length, checks);
    for (const { line, stated, actual } of results) {
      assert.ok(agrees(actual, stated), `README.md:${line}: the comment states ${stated}, the code gives ${actual}`);
    }
  });
}

test('the checker rejects a wrong stated value and reads digits as written', () => {
  assert.ok(agrees(0.09999999999999999, '0.1'));
  assert.ok(agrees(0.19332590315017545, '0.19332590315017545'));
  assert.ok(!agrees(0.19332590315017542, '0.19332590315017545'));
  assert.ok(!agrees(0.56, '0.5'));
  assert.ok(!agrees('0.5', '0.5'));
  assert.ok(agrees(5, '5'));
  const { source, checks } = instrument('const x = f(); // 0.5 nats\nf();   // 2 bits\nimport { a } from "b"; // 1 thing', 10);
  assert.equal(checks, 2);
  assert.match(source, /__checks\.push\(\{ line: 11, stated: "0\.5", actual: x \}\)/);
  assert.match(source, /__checks\.push\(\{ line: 12, stated: "2", actual: \(f\(\)\) \}\)/);
});
