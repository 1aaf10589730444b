// Driver of scripts/bench-compare (see there). Prints a table of MB/s per pipeline and writes
// build/bench/compare.json and build/bench/compare.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = join(root, 'build/bench-cache');
const out = join(root, 'build/bench');
const port = Number(process.env.BENCH_PORT || 4212);
const skip1gb = process.argv.includes('--skip-1gb');
mkdirSync(cache, { recursive: true });
mkdirSync(out, { recursive: true });

// ---- data: 12 columns, 8 numeric and 4 categorical, mulberry32 with a fixed seed ------------------
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const HEADER = 'age,income,score,latency_ms,ratio,count,temperature,balance,country,device,plan,active\n';
const COUNTRIES = Array.from({ length: 60 }, (_, i) => `country-${String(i).padStart(2, '0')}`);
const DEVICES = ['desktop', 'mobile', 'tablet', 'tv', 'watch'];
const PLANS = ['free', 'basic', 'pro', 'team', 'enterprise'];

function row(r, shift) {
  const normal = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const age = Math.floor(18 + r() * 60 + shift * 3);
  const income = (30000 + 20000 * Math.exp(normal() * 0.5 + shift * 0.1)).toFixed(4);
  const score = (r() * 100).toFixed(6);
  const latency = (20 + Math.exp(3 + normal() * (0.6 + shift * 0.1))).toFixed(4);
  const ratio = r().toFixed(9);
  const count = Math.floor(r() * r() * 500);
  const temperature = (15 + normal() * 8 + shift).toFixed(5);
  const balance = (normal() * 1e4).toExponential(8);
  const country = COUNTRIES[Math.floor(r() ** (1 + shift) * COUNTRIES.length)];
  const device = DEVICES[Math.floor(r() * DEVICES.length)];
  const plan = PLANS[Math.floor(r() ** 2 * PLANS.length)];
  const active = r() < 0.7 - shift * 0.1 ? 'true' : 'false';
  return `${age},${income},${score},${latency},${ratio},${count},${temperature},${balance},${country},${device},${plan},${active}\n`;
}

async function generate(path, rows, seed, shift) {
  if (existsSync(path)) return;
  const r = mulberry32(seed);
  const stream = createWriteStream(`${path}.tmp`);
  stream.write(HEADER);
  for (let i = 0; i < rows; ) {
    let block = '';
    for (let k = 0; k < 10000 && i < rows; k++, i++) block += row(r, shift);
    if (!stream.write(block)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  await new Promise((resolve) => stream.end(resolve));
  spawnSync('mv', [`${path}.tmp`, path]);
}

// About 100 bytes a row: 1M rows = 100 MB a file.
const ref100 = join(cache, 'reference-1m-v2.csv');
const cur100 = join(cache, 'current-1m-v2.csv');
console.log('generating 100 MB pair (cached) ...');
await generate(ref100, 1_000_000, 1, 0);
await generate(cur100, 1_000_000, 2, 0.3);
const mb = (p) => statSync(p).size / 1e6;
const pairMB = mb(ref100) + mb(cur100);

const ref1g = join(cache, 'reference-10m-v2.csv');
const cur1g = join(cache, 'current-10m-v2.csv');
let pageOneGb = null;

const results = [];
const add = (name, seconds, note = '') => {
  const r = { pipeline: name, megabytes: +pairMB.toFixed(1), seconds: +seconds.toFixed(3), mb_per_s: +(pairMB / seconds).toFixed(1), note };
  results.push(r);
  console.log(`${name.padEnd(44)} ${r.seconds.toFixed(2).padStart(8)} s ${r.mb_per_s.toFixed(1).padStart(8)} MB/s ${note}`);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- native engine and Node CLI ------------------------------------------------------------------
// Wall and CPU (user + sys) seconds of a command: on a shared machine CPU time is the steadier figure.
function timedRun(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const t0 = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return Number(t0[1]) + Number(t0[2]);
}
const cpuNote = (label, runs) => `${label}; CPU time (user+sys), median of ${runs}`;
const nativeCpu = [];
for (let i = 0; i < 3; i++) nativeCpu.push(timedRun(join(root, 'build/native/bench_compare_files'), [ref100, cur100]));
add('native C++ engine (Release), 1 thread', median(nativeCpu), cpuNote('streamed 4 MiB chunks', 3));
const cliCpu = [];
for (let i = 0; i < 3; i++) cliCpu.push(timedRun(process.execPath, [join(root, 'web/src/cli/main.js'), 'compare', ref100, cur100, '--out', '/dev/null']));
add('Node CLI (WASM, streamed), incl. start-up', median(cliCpu), cpuNote('one thread', 3));

// Memory (MB) of the browser: the proportional set size (PSS: shared pages split between the
// processes that map them, so that libraries are not counted once per process) of every process
// below this one whose name says Chromium (browser, renderers, GPU and utility processes; the
// workers run in the renderer), read from /proc.
function browserRssMb() {
  const children = new Map();
  const info = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      info.set(Number(entry), { name });
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let rss = 0;
  const stack = [process.pid];
  while (stack.length) {
    const p = stack.pop();
    const it = info.get(p);
    if (it && /chrom/i.test(it.name)) {
      try {
        rss += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {}
    }
    stack.push(...(children.get(p) ?? []));
  }
  return rss / 1e6;
}

// One timed comparison in the compare page: the reference file is set first (a run against the
// page's example), then, after a second (a user takes longer to pick a file; meanwhile the page's
// next workers load and warm up, prepareWorkers), the current file; seconds from the current
// input's change event to the report on screen. With memory: the browser's peak resident memory
// during the timed run.
async function timePage(browser, reference, current, workers, memory = false) {
  const page = await browser.newPage();
  await page.goto(`${base}/compare.html?workers=${workers}`);
  await page.waitForFunction(() => Number(document.documentElement.dataset.runs) >= 1, null, { timeout: 60000 });
  await page.locator('#reference-file').setInputFiles(reference);
  await page.waitForFunction(() => Number(document.documentElement.dataset.runs) >= 2 && !document.documentElement.dataset.busy, null, { timeout: 600000 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await page.evaluate(() => {
    const html = document.documentElement;
    const runs = Number(html.dataset.runs);
    document.getElementById('current-file').addEventListener('change', () => (window.__t0 = performance.now()), { once: true });
    new MutationObserver((_, obs) => {
      if (Number(html.dataset.runs) > runs) {
        window.__t1 = performance.now();
        obs.disconnect();
      }
    }).observe(html, { attributes: true });
  });
  const idleMb = memory ? browserRssMb() : 0;
  let peak = idleMb;
  const sampler = memory ? setInterval(() => (peak = Math.max(peak, browserRssMb())), 250) : null;
  await page.locator('#current-file').setInputFiles(current);
  await page.waitForFunction(() => window.__t1 !== undefined, null, { timeout: 600000, polling: 500 });
  if (sampler) clearInterval(sampler);
  const { t0, t1, error, approximate } = await page.evaluate(() => ({
    t0: window.__t0,
    t1: window.__t1,
    error: document.getElementById('error').textContent,
    approximate: /approximate \(sketched\) columns/i.test(document.body.textContent),
  }));
  if (error) throw new Error(`page error: ${error}`);
  await page.close();
  return { seconds: (t1 - t0) / 1000, peakMb: peak, idleMb, approximate };
}

// ---- Chromium: the compare page, and the PapaParse pipeline ----------------------------------------
const server = spawn('npx', ['vite', 'preview', '--config', 'web/vite.config.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/compare.html`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  try {
    for (const workers of [1, 2]) {
      const times = [];
      for (let rep = 0; rep < 5; rep++) times.push((await timePage(browser, ref100, cur100, workers)).seconds);
      const range = `${Math.min(...times).toFixed(2)}-${Math.max(...times).toFixed(2)} s`;
      add(`Chromium page, compareFiles, ${workers} worker${workers > 1 ? 's' : ''} per file`, median(times), `median of 5 (${range}), file input to report shown`);
    }
    if (!skip1gb) {
      console.log('generating 1 GB pair (cached) ...');
      await generate(ref1g, 10_000_000, 11, 0);
      await generate(cur1g, 10_000_000, 12, 0.3);
      pageOneGb = await timePage(browser, ref1g, cur1g, 1, true);
    }

    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.setContent('<input type="file" id="r"><input type="file" id="c">');
    await page.addScriptTag({ path: join(root, 'node_modules/papaparse/papaparse.min.js') });
    await page.addScriptTag({ path: join(root, 'scripts/bench/baseline-papaparse.js') });
    await page.locator('#r').setInputFiles(ref100);
    await page.locator('#c').setInputFiles(cur100);
    const seconds = await page.evaluate(async () => {
      const t0 = performance.now();
      const summary = await window.baselineCompare(document.getElementById('r').files[0], document.getElementById('c').files[0]);
      if (summary.columns !== 12) throw new Error(`baseline compared ${summary.columns} columns`);
      return (performance.now() - t0) / 1000;
    });
    add('Chromium, PapaParse + plain JS (same measures)', seconds, 'main thread, dynamicTyping');
  } finally {
    await browser.close();
  }
} finally {
  process.kill(-server.pid);
}

const papa = results.find((r) => r.pipeline.includes('PapaParse'));
for (const r of results) r.vs_papaparse = +(r.mb_per_s / papa.mb_per_s).toFixed(2);

// ---- 1 GB pair through the CLI: time and peak memory ---------------------------------------------
const big = [];
if (!skip1gb) {
  const timed = (label, cmd, args) => {
    const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
    const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const seconds = (Number(wall[1] ?? 0) * 3600) + Number(wall[2]) * 60 + Number(wall[3]);
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) / 1024;
    const bytes = statSync(ref1g).size + statSync(cur1g).size;
    const row = { pipeline: label, megabytes: +(bytes / 1e6).toFixed(0), seconds, mb_per_s: +(bytes / 1e6 / seconds).toFixed(1), peak_rss_mb: +rss.toFixed(0), note: 'peak RSS (/usr/bin/time -v)' };
    big.push(row);
    console.log(`${label.padEnd(44)} ${seconds.toFixed(1).padStart(8)} s ${row.mb_per_s.toFixed(1).padStart(8)} MB/s  peak RSS ${row.peak_rss_mb} MB`);
  };
  timed('1 GB pair, Node CLI (WASM, streamed)', process.execPath, [join(root, 'web/src/cli/main.js'), 'compare', ref1g, cur1g, '--out', '/dev/null']);
  timed('1 GB pair, native engine', join(root, 'build/native/bench_compare_files'), [ref1g, cur1g]);
  if (pageOneGb) {
    const bytes = statSync(ref1g).size + statSync(cur1g).size;
    const row = { pipeline: '1 GB pair, Chromium page, 1 worker per file', megabytes: +(bytes / 1e6).toFixed(0), seconds: +pageOneGb.seconds.toFixed(2), mb_per_s: +(bytes / 1e6 / pageOneGb.seconds).toFixed(1), peak_rss_mb: +pageOneGb.peakMb.toFixed(0), note: `peak PSS of all the browser's processes (sampled every 250 ms; ${pageOneGb.idleMb.toFixed(0)} MB before the run); sketched columns reported: ${pageOneGb.approximate ? 'yes' : 'no'}` };
    big.push(row);
    console.log(`${row.pipeline.padEnd(44)} ${row.seconds.toFixed(1).padStart(8)} s ${row.mb_per_s.toFixed(1).padStart(8)} MB/s  peak RSS ${row.peak_rss_mb} MB`);
  }
}

const load = spawnSync('cat', ['/proc/loadavg']).stdout.toString().split(' ').slice(0, 3).join(' ');
const machine = `load average ${load}; ${spawnSync('nproc').stdout.toString().trim()} cores, ${/model name\s*:\s*(.*)/.exec(spawnSync('cat', ['/proc/cpuinfo']).stdout.toString())?.[1] ?? '?'}`;
writeFileSync(join(out, 'compare.json'), `${JSON.stringify({ machine, pair_mb: +pairMB.toFixed(1), results, one_gb: big }, null, 2)}\n`);
const md = [
  `# Dataset comparison benchmark`,
  '',
  `Machine: ${machine}. Input: a generated pair, ${pairMB.toFixed(0)} MB together (2 x 1M rows x 12 columns, fixed seed). MB/s = both files' bytes / seconds: wall time for the Chromium rows (file input to report shown), CPU time (user + sys) for the native and CLI rows; the load average says how busy the machine was.`,
  '',
  '| pipeline | s | MB/s | x PapaParse | note |',
  '|---|---:|---:|---:|---|',
  ...results.map((r) => `| ${r.pipeline} | ${r.seconds} | ${r.mb_per_s} | ${r.vs_papaparse} | ${r.note} |`),
  '',
  ...(big.length ? ['| 1 GB pair | s | MB/s | peak memory MB | note |', '|---|---:|---:|---:|---|', ...big.map((r) => `| ${r.pipeline} | ${r.seconds} | ${r.mb_per_s} | ${r.peak_rss_mb} | ${r.note} |`)] : []),
  '',
].join('\n');
writeFileSync(join(out, 'compare.md'), md);
console.log(`\n${md}\nwritten: build/bench/compare.json, build/bench/compare.md`);
