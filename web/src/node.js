// divergence-lab for Node: the same API, with init() reading the .wasm file from disk (the
// browser build fetches it; Node's fetch cannot read file: URLs).
import { readFile } from 'node:fs/promises';
import { chooseSimd, init as initModule } from './core/module.js';

export * from './index.js';

/** Loads the WebAssembly core from the package's own .wasm file (SIMD or scalar). See index.d.ts. */
export async function init(options = {}) {
  if (options.wasmBinary === undefined) {
    const file = chooseSimd(options) ? '../wasm/divergence.wasm' : '../wasm/divergence-scalar.wasm';
    const wasmBinary = await readFile(new URL(file, import.meta.url));
    options = { ...options, wasmBinary };
  }
  return initModule(options);
}
