#!/usr/bin/env node
// Benchmark of the divergence-lab web components, against the preview server:
//   - per element with sliders: time from a slider `input` event to the redrawn frame, median and
//     p95 over many events, at the elements' default 1,000 grid points (samples for kl-sampling);
//   - the size of dist/widgets/divergence-lab-widgets.js, raw and gzip.
//
// Usage: node scripts/bench-widgets.mjs [--no-build] [--runs 120] [--port 4175]
// Needs the WASM build (scripts/build wasm); builds the widget bundle and the site unless --no-build,
// starts `vite preview` itself, and drives /usr/bin/chromium (or $CHROMIUM_PATH) with Playwright.
//
// Method (inside the page, performance marks): each sample starts in a requestAnimationFrame
// callback, i.e. at the start of a frame, as Chromium delivers real input events. The callback sets
// the slider's value, dispatches `input` (the element recomputes with the WASM core and redraws its
// SVG synchronously), and posts a MessageChannel message. That message is handled after the
// frame's rendering steps (style, layout, paint), so its timestamp marks the redrawn frame.
// Raster and compositing run off the main thread and are not included.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 120));
const port = Number(option('port', 4175));
const build = !args.includes('--no-build');
const vite = `${root}node_modules/vite/bin/vite.js`;

// Each element with sliders: the slider to move and the values it alternates between.
const CASES = [
  { tag: 'kl-gaussians', slider: 'mu-p', values: [-0.5, 0.5, 1.2] },
  { tag: 'kl-gaussians', slider: 'sigma-q', values: [0.6, 1.4, 1] },
  { tag: 'kl-coin', slider: 'q', values: [0.3, 0.5, 0.8] },
  { tag: 'kl-fit', slider: 'separation', values: [3, 4, 5] },
  { tag: 'kl-cross-entropy', slider: 'logit-0', values: [1, 2.2, 3] },
  { tag: 'divergence-compare', slider: 'shift', values: [0.5, 2.5, 4.5] },
  { tag: 'kl-sampling', slider: 'mu-q', values: [0.5, 1, 1.5] },
  { tag: 'kl-drift', slider: 'shift', values: [-0.5, 0.3, 1] },
];

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed`);
}

async function waitForServer(url, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('vite preview exited');
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`no server at ${url}`);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

async function main() {
  if (build) {
    run(process.execPath, [vite, 'build', '--config', 'web/vite.widgets.config.js', '--logLevel', 'warn']);
    run(process.execPath, [vite, 'build', '--config', 'web/vite.config.js', '--logLevel', 'error']);
  }
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'web/vite.config.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
  });
  let browser;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/strict/index.html`, server);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base}/strict/index.html`);
    await page.waitForFunction((tags) => tags.every((t) => document.querySelector(t)?.isReady), [...new Set(CASES.map((c) => c.tag))]);

    const rows = [];
    for (const c of CASES) {
      await page.locator(c.tag).scrollIntoViewIfNeeded();
      const times = await page.evaluate(
        async ({ tag, slider, values, runs }) => {
          const element = document.querySelector(tag);
          const input = element.shadowRoot.getElementById(slider);
          const sample = (value, name) =>
            new Promise((resolve) => {
              requestAnimationFrame(() => {
                const start = performance.now();
                performance.mark(`${name}:input`, { startTime: start });
                input.value = String(value);
                input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
                const channel = new MessageChannel();
                channel.port1.onmessage = () => {
                  const end = performance.now();
                  performance.mark(`${name}:frame`, { startTime: end });
                  performance.measure(name, `${name}:input`, `${name}:frame`);
                  resolve(end - start);
                };
                channel.port2.postMessage(0);
              });
            });
          for (let i = 0; i < 15; i++) await sample(values[i % values.length], `${tag}#${slider}:warmup`); // JIT, caches
          const out = [];
          for (let i = 0; i < runs; i++) out.push(await sample(values[i % values.length], `${tag}#${slider}`));
          return out;
        },
        { ...c, runs },
      );
      const sorted = [...times].sort((a, b) => a - b);
      rows.push({ element: `<${c.tag}>`, slider: c.slider, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] });
    }

    const file = `${root}dist/widgets/divergence-lab-widgets.js`;
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;

    const chromeVersion = browser.version();
    console.log(`\ndivergence-lab web components: input event -> redrawn frame (${runs} events each, Chromium ${chromeVersion})\n`);
    const header = ['element', 'slider', 'median ms', 'p95 ms', 'max ms'];
    const table = rows.map((r) => [r.element, r.slider, r.median.toFixed(2), r.p95.toFixed(2), r.max.toFixed(2)]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
    const line = (cells) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const t of table) console.log(line(t));
    console.log(`\ndist/widgets/divergence-lab-widgets.js: ${(bytes.length / 1024).toFixed(1)} KiB, gzip -9 ${(gzip / 1024).toFixed(1)} KiB`);
  } finally {
    await browser?.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
