// Loading the WebAssembly core once, and handing it to the API functions.
// Two builds of the same source: divergence.wasm uses WebAssembly SIMD128 (the fused kernels'
// vector logarithm); divergence-scalar.wasm does not, for engines without SIMD. init() picks one.
import createDivergenceModule from '../../wasm/divergence.mjs';

let instance = null;
let loading = null;

// The smallest module using a SIMD instruction: (func (result v128) (i8x16.splat (i32.const 0))).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // "\0asm", version 1
  1, 5, 1, 96, 0, 1, 123, // type section: one type () -> v128
  3, 2, 1, 0, // function section: one function of type 0
  10, 8, 1, 6, 0, 65, 0, 253, 15, 11, // code: i32.const 0; i8x16.splat; end
]);

/** True when this engine validates WebAssembly SIMD128 code. */
export function simdSupported() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** Which build init() loads for `options.simd` (undefined: detect). Throws on a wrong type. */
export function chooseSimd(options = {}) {
  const { simd } = options;
  if (simd === undefined) return simdSupported();
  if (typeof simd !== 'boolean') throw new TypeError(`simd: expected true, false or undefined, got ${typeof simd}`);
  return simd;
}

/**
 * Loads and instantiates the WebAssembly core. Call once and await it before any other function;
 * later calls return the same promise. In bundlers (Vite, webpack) and browsers the .wasm file is
 * found next to the glue through `new URL(..., import.meta.url)`; in Node the package's "node"
 * entry reads it from disk. `options.simd` forces the SIMD (true) or scalar (false) build; by default
 * the SIMD build is used where WebAssembly.validate accepts SIMD code. Other options are passed to
 * the Emscripten module factory (e.g. `{ wasmBinary }` to supply the bytes yourself, `{ locateFile }`
 * to serve the .wasm elsewhere). See index.d.ts.
 * @param {object} [options]
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  if (!loading) {
    let useSimd;
    try {
      useSimd = chooseSimd(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const { simd: _ignored, ...factoryOptions } = options;
    const factory = useSimd
      ? Promise.resolve(createDivergenceModule)
      : import('../../wasm/divergence-scalar.mjs').then((glue) => glue.default);
    loading = factory
      .then((create) => create(factoryOptions))
      .then(
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

/** 'simd' or 'scalar': the build init() loaded (asked of the module itself); null before init(). */
export function coreBuild() {
  if (instance === null) return null;
  return instance.simdBuild() ? 'simd' : 'scalar';
}

/** The instantiated module; throws a clear error when init() has not finished. */
export function wasm(caller) {
  if (instance === null) {
    throw new Error(`divergence-lab: call \`await init()\` before ${caller}()`);
  }
  return instance;
}
