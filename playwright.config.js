// End-to-end tests in Debian's Chromium (no browser download: see ../shared/TOOLCHAIN.md).
// The web server builds the site and serves the production build on 127.0.0.1.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    // The widget bundle (one file, wasm inlined) first: the site serves it as /divergence-lab-widgets.js.
    command: `npx vite build --config web/vite.widgets.config.js --logLevel warn && npx vite build --config web/vite.config.js --logLevel warn && npx vite build --config web/vite.compare-single.config.js --logLevel warn && npx vite preview --config web/vite.config.js --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
