#!/usr/bin/env node
// Seeds for the fuzz_state target (tests/fuzz/fuzz_state.cpp): real saved accumulator states
// (accumulator_state.hpp) of the small example pairs in ../shared/data, each side exact and, with a
// tiny memory budget, sketched; written into the corpus folder given as the argument. Run by
// scripts/fuzz when the corpus is empty (needs the wasm build in web/wasm).
// Usage: node scripts/fuzz-state-seeds.mjs DIR
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { init } from '../web/src/node.js';
import { wasm } from '../web/src/core/module.js';
import { optionLines } from '../web/src/compare/options.js';
import { accumulate, serialize } from '../web/src/compare/engine.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/fuzz-state-seeds.mjs DIR');
  process.exit(2);
}
await mkdir(out, { recursive: true });
await init();
const module = wasm('fuzz-state-seeds');
const pairs = new URL('../../shared/data/pairs/', import.meta.url);
const variants = { exact: optionLines({}), sketched: optionLines({ memoryBudget: 8 * 64 }) };
let written = 0;
for (const pair of (await readdir(pairs)).sort()) {
  for (const side of ['reference', 'current']) {
    const file = new URL(`${pair}/${side}.csv`, pairs);
    if ((await stat(file)).size > 100_000) continue;
    const bytes = new Uint8Array(await readFile(file));
    for (const [variant, lines] of Object.entries(variants)) {
      async function* one() {
        yield bytes;
      }
      const handle = await accumulate(module, { side, lines, chunks: one() });
      try {
        await writeFile(join(out, `${pair}-${side}-${variant}`), serialize(module, handle));
        written += 1;
      } finally {
        module.streamClose(handle);
      }
    }
  }
}
console.log(`[fuzz] fuzz_state: ${written} saved states as seeds in ${out}`);
