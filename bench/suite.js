// The kernel benchmark suite, shared by Node (bench/node.mjs) and Chromium (bench/browser/):
// KL, cross-entropy, entropy and Jensen-Shannon over random normalized distributions at
// N = 1e3 .. 1e7, for divergence-lab with copying (plain Float64Arrays) and with resident arrays
// (allocate), a plain JS loop of the same formula, ml-distance and math.js where they have the
// measure; a memory-bandwidth probe over the same bytes; and the per-call overhead at N <= 100.
// Timing: warm-up, then samples of batched calls (each sample >= 2 ms), the median per call.

export const SIZES = [1e3, 1e5, 1e6, 1e7];
export const SMALL_SIZES = [10, 100];

/** Random distributions (a fixed xorshift seed), entries in [0.01, 1.01) normalized to sum 1. */
export function randomPair(n, seed = 42) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    sp += p[i] = 0.01 + next();
    sq += q[i] = 0.01 + next();
  }
  for (let i = 0; i < n; i++) {
    p[i] /= sp;
    q[i] /= sq;
  }
  return { p, q };
}

// The textbook loops: what a plain JS implementation does (no validation, no normalization).
export const loops = {
  kl(p, q) {
    let s = 0;
    for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
    return s;
  },
  crossEntropy(p, q) {
    let s = 0;
    for (let i = 0; i < p.length; i++) if (p[i] > 0) s -= p[i] * Math.log(q[i]);
    return s;
  },
  entropy(p) {
    let s = 0;
    for (let i = 0; i < p.length; i++) if (p[i] > 0) s -= p[i] * Math.log(p[i]);
    return s;
  },
  js(p, q) {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const m = 0.5 * (p[i] + q[i]);
      if (p[i] > 0) s += 0.5 * p[i] * Math.log(p[i] / m);
      if (q[i] > 0) s += 0.5 * q[i] * Math.log(q[i] / m);
    }
    return s;
  },
};

let sink = 0;

/** Median milliseconds per call of fn: warm-up, then samples of `batch` calls. */
export function time(fn, { minSamples = 7, maxSamples = 41, budgetMs = 400 } = {}) {
  const warmStart = performance.now();
  let warm = 0;
  while (warm < 3 || (performance.now() - warmStart < 30 && warm < 100000)) {
    sink += fn(warm);
    warm++;
  }
  const once = (performance.now() - warmStart) / warm;
  // Samples of >= 5 ms: browsers coarsen performance.now() (to 0.1 ms without cross-origin isolation).
  const batch = Math.max(1, Math.ceil(5 / Math.max(once, 1e-4)));
  const samples = [];
  const start = performance.now();
  while (samples.length < minSamples || (samples.length < maxSamples && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) sink += fn(i);
    samples.push((performance.now() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** The implementations of each measure: name -> (inputs) => number, or undefined when absent. */
function implementations({ dl, ml, math }, d) {
  const mlKl = ml?.distance.kullbackLeibler;
  const mlJs = ml?.distance.jensenShannon;
  return {
    kl: {
      'divergence-lab (copying)': () => dl.klDivergence(d.p, d.q),
      'divergence-lab (resident)': () => dl.klDivergence(d.rp, d.rq),
      'plain JS loop': () => loops.kl(d.p, d.q),
      'ml-distance': mlKl && (() => mlKl(d.p, d.q)),
      'math.js': math && d.pa && (() => math.kldivergence(d.pa, d.qa)),
    },
    crossEntropy: {
      'divergence-lab (copying)': () => dl.crossEntropy(d.p, d.q),
      'divergence-lab (resident)': () => dl.crossEntropy(d.rp, d.rq),
      'plain JS loop': () => loops.crossEntropy(d.p, d.q),
    },
    entropy: {
      'divergence-lab (copying)': () => dl.entropy(d.p),
      'divergence-lab (resident)': () => dl.entropy(d.rp),
      'plain JS loop': () => loops.entropy(d.p),
    },
    js: {
      'divergence-lab (copying)': () => dl.jsDivergence(d.p, d.q),
      'divergence-lab (resident)': () => dl.jsDivergence(d.rp, d.rq),
      'plain JS loop': () => loops.js(d.p, d.q),
      'ml-distance': mlJs && (() => mlJs(d.p, d.q)),
    },
  };
}

/**
 * Runs everything; `libs` = { dl (initialized divergence-lab), ml (ml-distance), math (math.js),
 * probe (resident p, q) => sum of both, the bandwidth probe }.
 * math.js takes plain Arrays and ~0.2 s per call at 1e6, so it runs up to N = 1e6.
 * @returns {{ rows: object[], overhead: object[], bandwidth: object[], build: string }}
 */
export function runSuite(libs, { sizes = SIZES, log = () => {} } = {}) {
  const { dl } = libs;
  const rows = [];
  const bandwidth = [];
  for (const n of sizes) {
    const { p, q } = randomPair(n);
    const d = { p, q, rp: dl.allocate(p), rq: dl.allocate(q) };
    if (n <= 1e6) {
      d.pa = Array.from(p);
      d.qa = Array.from(q);
    }
    const budgetMs = n >= 1e7 ? 1500 : 400;
    try {
      for (const [measure, impls] of Object.entries(implementations(libs, d))) {
        for (const [impl, fn] of Object.entries(impls)) {
          if (!fn) continue;
          const ms = time(fn, { budgetMs, minSamples: impl === 'math.js' ? 3 : 7 });
          rows.push({ measure, n, impl, ms, value: fn() });
          log(`${measure} N=${n} ${impl}: ${ms.toFixed(4)} ms`);
        }
      }
      // The physical bound: read the same 16 N bytes once (a SIMD sum in WASM over the resident
      // arrays), and copy them (Float64Array.set, which reads and writes them).
      const sumMs = time(() => libs.probe(d.rp, d.rq), { budgetMs });
      const dst = new Float64Array(n);
      const copyMs = time(() => {
        dst.set(p);
        dst.set(q);
        return dst[0];
      }, { budgetMs });
      bandwidth.push({ n, bytes: 16 * n, sumMs, sumGBs: (16 * n) / sumMs / 1e6, copyMs, copyGBs: (32 * n) / copyMs / 1e6 });
      log(`bandwidth N=${n}: sum ${sumMs.toFixed(4)} ms, copy ${copyMs.toFixed(4)} ms`);
    } finally {
      d.rp.free();
      d.rq.free();
    }
  }
  const overhead = [];
  for (const n of SMALL_SIZES) {
    // Two pairs used alternately, so that no compiler can hoist a call out of the timing loop.
    const pairs = [randomPair(n, 7), randomPair(n, 8)];
    const ps = pairs.map((d) => d.p);
    const qs = pairs.map((d) => d.q);
    const plain = pairs.map((d) => [Array.from(d.p), Array.from(d.q)]);
    const resident = pairs.map((d) => [dl.allocate(d.p), dl.allocate(d.q)]);
    const cases = {
      'divergence-lab (copying, Float64Array)': (i) => dl.klDivergence(ps[i & 1], qs[i & 1]),
      'divergence-lab (copying, number[])': (i) => dl.klDivergence(plain[i & 1][0], plain[i & 1][1]),
      'divergence-lab (resident)': (i) => dl.klDivergence(resident[i & 1][0], resident[i & 1][1]),
      'plain JS loop': (i) => loops.kl(ps[i & 1], qs[i & 1]),
    };
    for (const [impl, fn] of Object.entries(cases)) {
      const ms = time(fn, { budgetMs: 200 });
      overhead.push({ measure: 'kl', n, impl, us: ms * 1000 });
      log(`overhead KL N=${n} ${impl}: ${(ms * 1000).toFixed(3)} us`);
    }
    for (const [a, b] of resident) {
      a.free();
      b.free();
    }
  }
  return { rows, overhead, bandwidth, build: dl.coreBuild(), sink };
}
