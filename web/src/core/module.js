// Loading the WebAssembly core once, and handing it to the API functions.
import createDivergenceModule from '../../wasm/divergence.mjs';

let instance = null;
let loading = null;

/**
 * Loads and instantiates the WebAssembly core. Call once and await it before any other function;
 * later calls return the same promise. In bundlers (Vite, webpack) and browsers the .wasm file is
 * found next to the glue through `new URL(..., import.meta.url)`; in Node the package's "node"
 * entry reads it from disk. Options are passed to the Emscripten module factory (e.g.
 * `{ wasmBinary }` to supply the bytes yourself, `{ locateFile }` to serve the .wasm elsewhere).
 * @param {object} [options]
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  if (!loading) {
    loading = createDivergenceModule(options).then(
      (module) => {
        instance = module;
      },
      (error) => {
        loading = null;
        throw new Error(`divergence-lab: could not load the WebAssembly core: ${error?.message ?? error}`);
      },
    );
  }
  return loading;
}

/** True once init() has finished. */
export function isReady() {
  return instance !== null;
}

/** The instantiated module; throws a clear error when init() has not finished. */
export function wasm(caller) {
  if (instance === null) {
    throw new Error(`divergence-lab: call \`await init()\` before ${caller}()`);
  }
  return instance;
}
