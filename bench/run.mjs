#!/usr/bin/env node
// The whole benchmark suite from one command (scripts/bench-all, npm run bench):
//   1. native C++ (Google Benchmark, cpp/bench/kernels.cpp): the core kernels, a plain loop, a
//      memory-bandwidth sum;
//   2. Node: bench/suite.js (ours copying and resident, plain JS loop, ml-distance, math.js,
//      bandwidth probe, per-call overhead);
//   3. Chromium (Playwright, /usr/bin/chromium): the same suite on bench/browser/index.html, served
//      by a Vite dev server on 127.0.0.1:$BENCH_PORT (default 4241);
//   4. the explainers: scripts/bench-widgets.mjs (slider event -> redrawn frame at 1,000 points) and
//      bench/glossary.mjs (time until the glossary page responds to input).
// Writes bench/results/latest.json and docs/benchmarks.md (tables, machine, targets).
// Usage: node bench/run.mjs [--quick | --render]  (--quick: N = 1e3, 1e5 only, no explainers;
// --render: rewrite the Markdown from bench/results/latest.json)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { markdown } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const sizes = quick ? '1000,100000' : '1000,100000,1000000,10000000';
const port = Number(process.env.BENCH_PORT ?? 4241);
const log = (line) => process.stderr.write(`[bench] ${line}\n`);

function native() {
  log('native: building bench_kernels');
  execFileSync('cmake', ['-S', '.', '-B', 'build/native', '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release'], { cwd: root, stdio: 'ignore' });
  execFileSync('cmake', ['--build', 'build/native', '--target', 'bench_kernels'], { cwd: root, stdio: 'ignore' });
  const filter = quick ? '/(1000|100000)$' : '.';
  const out = execFileSync(`${root}build/native/bench_kernels`, ['--benchmark_format=json', '--benchmark_min_time=0.2', `--benchmark_filter=${filter}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const json = JSON.parse(out);
  return json.benchmarks.map((b) => {
    const [name, n] = b.name.split('/');
    const ms = b.real_time / (b.time_unit === 'us' ? 1e3 : b.time_unit === 'ns' ? 1e6 : 1);
    return { name: name.replace(/^BM_/, ''), n: Number(n), ms };
  });
}

function node() {
  log('node: running bench/node.mjs');
  const r = spawnSync(process.execPath, [`${root}bench/node.mjs`, '--sizes', sizes], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error('bench/node.mjs failed');
  return JSON.parse(r.stdout);
}

async function browser() {
  log(`chromium: Vite dev server on 127.0.0.1:${port}`);
  const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && log(`chromium console: ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html?sizes=${sizes}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 15 * 60 * 1000, polling: 1000 });
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) throw new Error(`browser suite: ${result.error}`);
    result.environment.browser = `Chromium ${browser.version()}`;
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

function explainers() {
  log('explainers: scripts/bench-widgets.mjs');
  const r = spawnSync(process.execPath, [`${root}scripts/bench-widgets.mjs`, '--port', String(port + 1)], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  const result = { status: r.status, output: (r.stdout ?? '').trim(), error: r.status === 0 ? undefined : (r.stderr ?? '').slice(-2000) };
  log('explainers: bench/glossary.mjs (time until the glossary page responds to input)');
  const g = spawnSync(process.execPath, [`${root}bench/glossary.mjs`, '--port', String(port + 2)], { cwd: root, encoding: 'utf8' });
  result.glossary = g.status === 0 ? JSON.parse(g.stdout) : { error: (g.stderr ?? '').slice(-2000) };
  return result;
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu,
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString(),
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

let report;
if (process.argv.includes('--render')) {
  // Markdown again from the last JSON (after editing bench/report.js).
  report = JSON.parse(readFileSync(`${root}bench/results/latest.json`, 'utf8'));
} else {
  report = { machine: machine(), quick, native: native(), node: node(), chromium: await browser() };
  report.explainers = quick ? { skipped: 'quick run' } : explainers();
  report.machine.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
}
mkdirSync(`${root}bench/results`, { recursive: true });
mkdirSync(`${root}docs`, { recursive: true });
writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
const md = markdown(report, readFileSync(`${root}bench/benchmarks-intro.md`, 'utf8'));
writeFileSync(quick ? `${root}bench/results/quick.md` : `${root}docs/benchmarks.md`, md);
log(`wrote bench/results/latest.json and ${quick ? 'bench/results/quick.md' : 'docs/benchmarks.md'}`);
