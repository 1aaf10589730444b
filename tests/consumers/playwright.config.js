// Playwright for the consumer tests: the Vite app that installed the packed tarball
// (tests/consumers/setup.mjs), served by `vite preview` (the production build, strict CSP) and by
// the Vite dev server, in Debian's Chromium. Ports: CONSUMER_PORT (preview) and CONSUMER_PORT + 1
// (dev); default 4180.
import { defineConfig } from '@playwright/test';
import { appDir } from './consumer.js';

const port = Number(process.env.CONSUMER_PORT || 4180);
const host = '127.0.0.1';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: '../../test-results/consumers',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'vite-preview', use: { baseURL: `http://${host}:${port}` } },
    { name: 'vite-dev', use: { baseURL: `http://${host}:${port + 1}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort --host ${host}`,
      cwd: appDir,
      url: `http://${host}:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite --port ${port + 1} --strictPort --host ${host}`,
      cwd: appDir,
      url: `http://${host}:${port + 1}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
