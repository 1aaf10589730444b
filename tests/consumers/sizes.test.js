// Size budgets (gzip -9, bytes) of the core (glue + .wasm), the single-file build and the widget
// bundle, measured on the installed tarball; budgets and the measurement they came from live in
// size-budgets.json. A failure prints the size and the budget.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { installedPackage, packed } from './consumer.js';

const budgets = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));

for (const [name, { files, budget }] of Object.entries(budgets)) {
  if (name === '//') continue;
  test(`${name}: gzip size within its budget`, (t) => {
    packed();
    let total = 0;
    for (const file of files) {
      const bytes = readFileSync(join(installedPackage, file));
      const gzipped = gzipSync(bytes, { level: 9 }).length;
      assert.ok(gzipped > 1000, `${file}: ${gzipped} bytes gzipped is not a build`);
      total += gzipped;
    }
    t.diagnostic(`${name}: ${total} bytes gzip (budget ${budget})`);
    assert.ok(total <= budget, `${name} (${files.join(' + ')}): ${total} bytes gzip exceeds the budget of ${budget} bytes`);
  });
}
