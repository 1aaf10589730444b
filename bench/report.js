// Markdown for docs/benchmarks.md from the JSON of bench/run.mjs: the machine, per runtime a table
// of median ms per call for every measure and N (with speed-up over the plain JS loop), the
// bandwidth bound, per-call overhead, native C++, the explainers, and the issue-7 targets.
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(4) : ms.toExponential(2));
const MEASURES = { kl: 'KL divergence', crossEntropy: 'cross-entropy', entropy: 'entropy', js: 'Jensen-Shannon' };
const NAMES = { 1e3: '1e3', 1e5: '1e5', 1e6: '1e6', 1e7: '1e7', 10: '10', 100: '100' };

function suiteTables(title, suite) {
  const { rows, bandwidth, overhead, build } = suite.results;
  const lines = [`## ${title}`, '', `Runtime: ${suite.environment.browser ?? suite.environment.runtime}; core build: ${build}.`, ''];
  const sizes = [...new Set(rows.map((r) => r.n))];
  for (const [measure, label] of Object.entries(MEASURES)) {
    const impls = [...new Set(rows.filter((r) => r.measure === measure).map((r) => r.impl))];
    lines.push(`### ${label}`, '', 'Median ms per call (speed-up over the plain JS loop in brackets).', '');
    lines.push(`| implementation | ${sizes.map((n) => `N = ${NAMES[n] ?? n}`).join(' | ')} |`);
    lines.push(`|---|${sizes.map(() => '---:').join('|')}|`);
    for (const impl of impls) {
      const cells = sizes.map((n) => {
        const r = rows.find((x) => x.measure === measure && x.n === n && x.impl === impl);
        const loop = rows.find((x) => x.measure === measure && x.n === n && x.impl === 'plain JS loop');
        return r ? `${fmt(r.ms)} (${(loop.ms / r.ms).toFixed(2)}x)` : '-';
      });
      lines.push(`| ${impl} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('### Memory bandwidth (the physical bound)', '');
  lines.push('| N | bytes read | SIMD sum over both arrays (WASM, resident) | GB/s | Float64Array.set copy of both | GB/s (read + write) |');
  lines.push('|---:|---:|---:|---:|---:|---:|');
  for (const b of bandwidth) {
    lines.push(`| ${NAMES[b.n] ?? b.n} | ${(b.bytes / 1e6).toFixed(1)} MB | ${fmt(b.sumMs)} ms | ${b.sumGBs.toFixed(1)} | ${fmt(b.copyMs)} ms | ${b.copyGBs.toFixed(1)} |`);
  }
  lines.push('', '### Per-call overhead (KL, small N)', '', '| implementation | N = 10 | N = 100 |', '|---|---:|---:|');
  for (const impl of [...new Set(overhead.map((o) => o.impl))]) {
    const cell = (n) => {
      const o = overhead.find((x) => x.impl === impl && x.n === n);
      return o ? `${o.us.toFixed(3)} µs` : '-';
    };
    lines.push(`| ${impl} | ${cell(10)} | ${cell(100)} |`);
  }
  lines.push('');
  return lines;
}

/** The issue-7 targets, evaluated on the Chromium run. */
export function targets(chromium) {
  const { rows, bandwidth, overhead } = chromium.results;
  const row = (measure, n, impl) => rows.find((r) => r.measure === measure && r.n === n && r.impl === impl);
  const out = [];
  const loop6 = row('kl', 1e6, 'plain JS loop');
  const res6 = row('kl', 1e6, 'divergence-lab (resident)');
  const copy6 = row('kl', 1e6, 'divergence-lab (copying)');
  const math6 = row('kl', 1e6, 'math.js');
  if (loop6 && res6) out.push({ target: 'resident KL at N = 1e6 >= 2.0x the plain JS loop', value: loop6.ms / res6.ms, goal: 2.0 });
  if (math6 && res6) out.push({ target: 'resident KL at N = 1e6 >= 60x math.js', value: math6.ms / res6.ms, goal: 60 });
  const res7 = row('kl', 1e7, 'divergence-lab (resident)');
  const bw7 = bandwidth.find((b) => b.n === 1e7);
  if (res7 && bw7) out.push({ target: 'resident KL at N = 1e7 within 2.5x of the bandwidth bound (time / bound <= 2.5)', value: res7.ms / bw7.sumMs, goal: 2.5, lowerIsBetter: true });
  if (loop6 && copy6) out.push({ target: 'copying KL at N = 1e6 >= 1.5x the plain JS loop', value: loop6.ms / copy6.ms, goal: 1.5 });
  for (const n of [10, 100]) {
    const ours = overhead.find((o) => o.n === n && o.impl === 'divergence-lab (copying, Float64Array)');
    const loop = overhead.find((o) => o.n === n && o.impl === 'plain JS loop');
    if (ours && loop) out.push({ target: `per-call time at N = ${n} <= 2x the plain JS loop (ours / loop)`, value: ours.us / loop.us, goal: 2, lowerIsBetter: true });
  }
  return out.map((t) => ({ ...t, met: t.lowerIsBetter ? t.value <= t.goal : t.value >= t.goal }));
}

export function markdown(report, intro) {
  const m = report.machine;
  const lines = [intro.trim(), '', '## Machine', ''];
  lines.push(`- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGB} GB; ${m.os}`);
  lines.push(`- Node ${m.node}; ${report.chromium.environment.browser}`);
  lines.push(`- Run ${m.date}; load average before ${m.load}, after ${m.loadAfter} (the machine is shared: medians, not means)`);
  if (report.quick) lines.push('- QUICK run (N = 1e3, 1e5 only): not the published numbers');
  lines.push('', '## Targets (issue 7, Chromium)', '', '| target | measured | met |', '|---|---:|:---:|');
  for (const t of targets(report.chromium)) lines.push(`| ${t.target} | ${t.value.toFixed(2)}${t.lowerIsBetter ? '' : 'x'} | ${t.met ? 'yes' : 'no'} |`);
  lines.push('');
  lines.push(...suiteTables('Chromium', report.chromium));
  lines.push(...suiteTables('Node', report.node));
  lines.push('## Native C++ (Google Benchmark, g++ -O3, same machine)', '', 'Median wall ms per call.', '');
  const natives = [...new Set(report.native.map((b) => b.name))];
  const ns = [...new Set(report.native.map((b) => b.n))];
  lines.push(`| kernel | ${ns.map((n) => `N = ${NAMES[n] ?? n}`).join(' | ')} |`, `|---|${ns.map(() => '---:').join('|')}|`);
  for (const name of natives) {
    lines.push(`| ${name} | ${ns.map((n) => {
      const b = report.native.find((x) => x.name === name && x.n === n);
      return b ? fmt(b.ms) : '-';
    }).join(' | ')} |`);
  }
  lines.push('', '## Explainers', '');
  if (report.explainers.skipped) lines.push(`Skipped (${report.explainers.skipped}).`);
  else if (report.explainers.status !== 0) lines.push('scripts/bench-widgets.mjs failed:', '', '```', report.explainers.error ?? '', '```');
  else lines.push('```', report.explainers.output, '```');
  const g = report.explainers.glossary;
  if (g && !g.error) {
    lines.push('', `Glossary page (vite preview on localhost, fresh context per load): time from navigation start until the first slider`);
    lines.push(`of <kl-gaussians> changes the element, median of ${g.runs} loads: **${g.medianMs.toFixed(0)} ms** (target < 500 ms; all: ${g.timesMs.map((t) => t.toFixed(0)).join(', ')} ms).`);
  } else if (g) lines.push('', 'bench/glossary.mjs failed:', '', '```', g.error, '```');
  lines.push('');
  return `${lines.join('\n')}\n`;
}
