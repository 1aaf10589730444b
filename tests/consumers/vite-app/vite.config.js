// A new user's Vite app: nothing package-specific beyond module workers. The preview server sends
// the strict policy the package promises to work under.
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  build: {
    rolldownOptions: { input: { main: 'index.html', single: 'single.html' } },
  },
  preview: {
    headers: {
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'",
    },
  },
});
