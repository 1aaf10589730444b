// Memory: 100,000 API calls and 100 comparisons leave the WebAssembly heap and the JS heap where
// they were after a warm-up. WebAssembly memory never shrinks, so the WASM side is measured by
// the allocator's bytes in use (memoryStats().heapInUse, from mallinfo) plus the memory's size;
// the JS side by process.memoryUsage().heapUsed after a full garbage collection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as dl from 'divergence-lab';
import { workload } from '../memory/workload.mjs';

// global.gc without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const example = new URL('../../web/site/public/examples/penguins_biscoe_vs_dream/', import.meta.url);
const reference = readFileSync(new URL('reference.csv', example));
const current = readFileSync(new URL('current.csv', example));

// Slack: the allocator must hand back every byte (a leak of one 8-byte block per call would be
// 800 KB); the JS heap may move by what V8 keeps for its own caches, well under a leak of 10 B/call.
const JS_SLACK = 1024 * 1024;

function measure() {
  gc();
  gc();
  return { ...dl.memoryStats(), jsHeapUsed: process.memoryUsage().heapUsed };
}

test('100,000 calls and 100 comparisons: WASM heap in use unchanged, memory not grown, JS heap flat', async () => {
  await dl.init();
  const files = { reference, current };
  workload(dl, { calls: 20_000, comparisons: 10, ...files }); // warm-up: JIT, caches, the heap's high-water mark
  const before = measure();
  const checksum = workload(dl, { calls: 100_000, comparisons: 100, ...files });
  const after = measure();
  assert.ok(Number.isFinite(checksum));
  console.log(`# memory (Node): before ${JSON.stringify(before)}; after ${JSON.stringify(after)}`);
  assert.equal(after.heapInUse, before.heapInUse, 'WASM bytes in use');
  assert.equal(after.memoryBytes, before.memoryBytes, 'WASM memory grew');
  assert.ok(Math.abs(after.jsHeapUsed - before.jsHeapUsed) < JS_SLACK, `JS heap ${before.jsHeapUsed} -> ${after.jsHeapUsed}`);
});

test('heapInUse sees a block that is not freed, and its return (the measurement can fail)', async () => {
  // A second instance of the same module, whose _malloc the test may call directly.
  const { default: create } = await import('../../web/wasm/divergence.mjs');
  const module = await create({ wasmBinary: readFileSync(new URL('../../web/wasm/divergence.wasm', import.meta.url)) });
  const before = module.heapInUse();
  const block = module._malloc(1000);
  const held = module.heapInUse();
  module._free(block);
  assert.ok(held - before >= 1000 && held - before <= 1016, `${before} -> ${held}`);
  assert.equal(module.heapInUse(), before);
});
