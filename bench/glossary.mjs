// The glossary page's time until it responds to input, on localhost: `vite preview` of the built
// site (dist/site, built by scripts/bench-widgets.mjs), Chromium via Playwright, a fresh browser
// context per load. Inside the page, from navigation start (performance.now() = 0) a
// requestAnimationFrame poll moves the first explainer's first slider (<kl-gaussians>) and reports
// the time of the first input event that changes what the element shows (its redrawn SVG).
// Prints JSON { runs, medianMs, timesMs } on stdout.
// Usage: node bench/glossary.mjs [--port 4243] [--runs 7]
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const port = Number(option('port', 4243));
const runs = Number(option('runs', 7));

const server = spawn(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'preview', '--config', 'web/vite.config.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/glossary.html`)).ok) break;
    } catch {}
    await sleep(200);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const times = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/glossary.html`, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(
      () => {
        const el = document.querySelector('kl-gaussians');
        const root = el?.shadowRoot ?? el;
        const slider = root?.querySelector('input[type=range]');
        if (!slider) return false;
        const before = root.innerHTML;
        slider.value = String(Number(slider.value) === Number(slider.max) ? slider.min : slider.max);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        return root.innerHTML !== before ? performance.now() : false;
      },
      null,
      { polling: 'raf', timeout: 30000 },
    );
    times.push(await ms.jsonValue());
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ runs, medianMs: times[times.length >> 1], timesMs: times }));
} finally {
  server.kill();
}
