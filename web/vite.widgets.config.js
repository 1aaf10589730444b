// The web components as ONE file with the WebAssembly inlined: dist/widgets/divergence-lab-widgets.js.
//   npx vite build --config web/vite.widgets.config.js      (npm run build:widgets)
// Library mode, ES module output, no code splitting. The package's glue import
// '../../wasm/divergence.mjs' (separate .wasm file) is aliased to web/wasm/divergence-widgets.mjs
// (built with -sSINGLE_FILE=1 from only the bindings the elements call), so the file makes no
// request beyond itself and carries no CSV engine, two-sample tests or distribution families.
// Needs the WASM build first: scripts/build wasm.
//
// One patch of the glue (plugin below): Emscripten 3.1.6's getBinaryPromise() tries
// fetch('data:application/octet-stream;base64,...') before decoding the inlined module itself.
// Under a Content-Security-Policy without data: in connect-src that fetch is blocked and logged as
// an error (the fallback then works). Newer Emscripten releases skip the fetch for data: URIs; the
// patch does the same, so strict-CSP pages load with a clean console.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const single = fileURLToPath(new URL('./wasm/divergence-widgets.mjs', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/widgets/', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    alias: [{ find: /^.*\/wasm\/divergence\.mjs$/, replacement: single }],
  },
  plugins: [
    {
      name: 'divergence-lab-single-file-glue',
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
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/widgets/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('./src/widgets/standalone.js', import.meta.url)),
      formats: ['es'],
      fileName: () => 'divergence-lab-widgets.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false },
    },
  },
});
