// The web components as ONE file with the WebAssembly inlined: dist/widgets/divergence-lab-widgets.js.
//   npx vite build --config web/vite.widgets.config.js      (npm run build:widgets)
// Library mode, ES module output, no code splitting. The package's glue import
// '../../wasm/divergence.mjs' (separate .wasm file) is aliased to web/wasm/divergence-widgets.mjs
// (built with -sSINGLE_FILE=1 from only the bindings the elements call), so the file makes no
// request beyond itself and carries no CSV engine, two-sample tests or distribution families.
// Needs the WASM build first: scripts/build wasm.
// The alias and the glue patch: web/single-file-glue.js.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { singleFileGlue } from './single-file-glue.js';

const single = fileURLToPath(new URL('./wasm/divergence-widgets.mjs', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/widgets/', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  plugins: [singleFileGlue(single)],
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
