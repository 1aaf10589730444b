// Vite plugin shared by the single-file builds (web/vite.widgets.config.js, web/vite.single.config.js):
// aliases the package's glue import '../../wasm/divergence.mjs' (separate .wasm file) to a glue
// built with -sSINGLE_FILE=1 (the wasm inlined as base64), so the output makes no request beyond
// itself, and patches that glue once.
//
// The patch: Emscripten 3.1.6's getBinaryPromise() tries
// fetch('data:application/octet-stream;base64,...') before decoding the inlined module itself.
// Under a Content-Security-Policy without data: in connect-src that fetch is blocked and logged as
// an error (the fallback then works). Newer Emscripten releases skip the fetch for data: URIs; the
// patch does the same, so strict-CSP pages load with a clean console.
import { existsSync } from 'node:fs';

/** @param {string} single absolute path of the SINGLE_FILE glue (e.g. web/wasm/divergence-single.mjs) */
export function singleFileGlue(single) {
  return {
    name: 'divergence-lab-single-file-glue',
    config() {
      return { resolve: { alias: [{ find: /^.*\/wasm\/divergence(-scalar)?\.mjs$/, replacement: single }] } };
    },
    buildStart() {
      if (!existsSync(single)) this.error(`${single} is missing: run scripts/build wasm first`);
    },
    transform(code, id) {
      if (id !== single) return null;
      const unguarded = 'if(typeof fetch=="function"){return fetch(wasmBinaryFile';
      if (!code.includes(unguarded)) {
        this.warn('glue: the fetch of the inlined wasm was not found (newer Emscripten?); no patch applied');
        return null;
      }
      return { code: code.replace(unguarded, 'if(typeof fetch=="function"&&!isDataURI(wasmBinaryFile)){return fetch(wasmBinaryFile'), map: null };
    },
  };
}
