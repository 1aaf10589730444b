// Vite configuration of the demo site (web/site): three pages, the KL explainer (index.html), the
// dataset comparison (compare.html) and the API reference (api.html, generated from web/src/index.d.ts
// by the api-docs plugin). Used by `npx vite --config web/vite.config.js` (dev server),
// `npx vite build --config web/vite.config.js` (to ../../dist/site) and `npx vite preview ...`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import apiDocs from './site/plugins/api-docs.js';
import widgetsBundle from './site/src/embed/widgets-plugin.js';

const site = fileURLToPath(new URL('./site/', import.meta.url));

export default defineConfig({
  root: site,
  // Relative asset URLs: the built site works from any sub-path (e.g. a project page).
  base: './',
  publicDir: 'public',
  // widgetsBundle: serves/emits the single-file web components as /divergence-lab-widgets.js.
  plugins: [apiDocs(), widgetsBundle()],
  build: {
    outDir: '../../dist/site',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./site/index.html', import.meta.url)),
        compare: fileURLToPath(new URL('./site/compare.html', import.meta.url)),
        api: fileURLToPath(new URL('./site/api.html', import.meta.url)),
        glossary: fileURLToPath(new URL('./site/glossary.html', import.meta.url)),
        embed: fileURLToPath(new URL('./site/embed.html', import.meta.url)),
      },
      output: {
        // Readable names for the chunks both pages share.
        codeSplitting: {
          groups: [
            { name: 'd3', test: /node_modules[\\/]d3-/ },
            { name: 'divergence-lab', test: /web[\\/](src|wasm)[\\/]/ },
            { name: 'site', test: /web[\\/]site[\\/]src[\\/][^\\/]+$/ },
          ],
        },
      },
    },
  },
  // Pre-bundle the chart libraries up front, so the dev server never reloads a page on first use.
  optimizeDeps: {
    include: ['d3-axis', 'd3-scale', 'd3-selection', 'd3-shape'],
  },
  worker: {
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
    // Every previewed page is served with the strict policy a third-party page may use: the site and
    // the web components must work under it (no inline scripts, no eval, no foreign origins).
    headers: {
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'",
    },
  },
});
