// The comparison page as ONE HTML file that opens from disk: dist/compare-single/compare.html.
//   npx vite build --config web/vite.compare-single.config.js
// Everything is inlined: scripts (one chunk), styles, and the WebAssembly (the -sSINGLE_FILE=1 glue,
// web/wasm/divergence-single.mjs; needs scripts/build wasm). The page's CSP allows the one inline
// script by its hash. From file:// the example pairs cannot be fetched; files are chosen or dropped.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import inlineHtml from './site/plugins/inline-html.js';
import { singleFileGlue } from './single-file-glue.js';

export default defineConfig({
  root: fileURLToPath(new URL('./site/', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [singleFileGlue(fileURLToPath(new URL('./wasm/divergence-single.mjs', import.meta.url))), inlineHtml()],
  build: {
    outDir: fileURLToPath(new URL('../dist/compare-single/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { compare: fileURLToPath(new URL('./site/compare.html', import.meta.url)) },
      output: { codeSplitting: false },
    },
  },
});
