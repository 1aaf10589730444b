// The core API as ONE file with the WebAssembly inlined: dist/core/divergence-lab.js, for a page
// without a bundler (`<script type="module">` from a CDN or your own server) and for runtimes that
// cannot fetch a second file. Same exports as the package's main entry (web/src/index.js); init()
// needs no options. The glue import is aliased to web/wasm/divergence-single.mjs (-sSINGLE_FILE=1,
// every binding) by web/single-file-glue.js.
//   npx vite build --config web/vite.single.config.js      (part of `npm run build:dist`)
// Needs the WASM build first: scripts/build wasm.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { singleFileGlue } from './single-file-glue.js';

const single = fileURLToPath(new URL('./wasm/divergence-single.mjs', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  plugins: [singleFileGlue(single)],
  build: {
    outDir: fileURLToPath(new URL('../dist/core/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./src/index.js', import.meta.url)),
      formats: ['es'],
      fileName: () => 'divergence-lab.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false },
    },
  },
});
