// The baseline of scripts/bench-compare: PapaParse (dynamicTyping, header) + plain JS computing the
// measures the engine computes per column, run in the browser on two File objects. A classic script
// (injected into a blank page) defining window.baselineCompare(refFile, curFile) -> summary.
// Measures, with the engine's conventions: numeric: n, missing, mean, std (ddof 1), min, quartiles,
// max per side; 20 equal-width bins over the pooled range (numpy.histogram); KL both ways raw and
// epsilon-smoothed (1e-4); JS divergence (base 2) and distance; PSI on the shared bins and on
// reference deciles; Wasserstein-1 raw and normed; KS statistic; TV; Hellinger. Categorical: counts,
// the same discrete measures and the chi-square statistic of homogeneity.
(function () {
  const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '#N/A', 'n/a', '-NaN', '-nan', '<NA>']);

  function parse(file) {
    return new Promise((resolve, reject) => {
      const columns = new Map();
      Papa.parse(file, {
        header: true,
        dynamicTyping: true,
        skipEmptyLines: true,
        chunkSize: 4 << 20,
        chunk(results) {
          for (const row of results.data) {
            for (const key in row) {
              let c = columns.get(key);
              if (!c) columns.set(key, (c = { values: [], missing: 0, numeric: true }));
              const v = row[key];
              if (v === null || v === undefined || (typeof v === 'string' && MISSING.has(v))) c.missing++;
              else {
                if (typeof v !== 'number' || !Number.isFinite(v)) c.numeric = false;
                c.values.push(v);
              }
            }
          }
        },
        complete: () => resolve(columns),
        error: reject,
      });
    });
  }

  const smooth = (p, eps) => {
    const q = p.map((x) => (x === 0 ? eps : x));
    const s = q.reduce((a, b) => a + b, 0);
    return q.map((x) => x / s);
  };
  const kl = (p, q) => p.reduce((s, pi, i) => (pi > 0 ? s + pi * Math.log(pi / q[i]) : s), 0);

  function discrete(refCounts, curCounts) {
    const nr = refCounts.reduce((a, b) => a + b, 0);
    const nc = curCounts.reduce((a, b) => a + b, 0);
    const p = refCounts.map((x) => x / nr);
    const q = curCounts.map((x) => x / nc);
    const ps = smooth(p, 1e-4);
    const qs = smooth(q, 1e-4);
    const m = p.map((x, i) => (x + q[i]) / 2);
    const js = (kl(p, m) + kl(q, m)) / 2;
    let tv = 0;
    let h = 0;
    let psi = 0;
    for (let i = 0; i < p.length; i++) {
      tv += Math.abs(p[i] - q[i]) / 2;
      h += (Math.sqrt(p[i]) - Math.sqrt(q[i])) ** 2;
      psi += (qs[i] - ps[i]) * Math.log(qs[i] / ps[i]);
    }
    return { klPQ: kl(p, q), klQP: kl(q, p), klPQs: kl(ps, qs), klQPs: kl(qs, ps), js2: js / Math.LN2, jsDist: Math.sqrt(js), tv, hellinger: Math.sqrt(h / 2), psi };
  }

  function quantile(sorted, f) {
    const h = (sorted.length - 1) * f;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
  }

  function summary(sorted) {
    const n = sorted.length;
    let mean = 0;
    for (const x of sorted) mean += x;
    mean /= n;
    let ss = 0;
    for (const x of sorted) ss += (x - mean) ** 2;
    return { n, mean, std: Math.sqrt(ss / (n - 1)), min: sorted[0], q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), max: sorted[n - 1] };
  }

  function histogram(sorted, edges) {
    const counts = new Array(edges.length - 1).fill(0);
    const lo = edges[0];
    const width = (edges[edges.length - 1] - lo) / (edges.length - 1);
    for (const x of sorted) counts[Math.min(edges.length - 2, Math.floor((x - lo) / width))]++;
    return counts;
  }

  function numeric(a, b) {
    const ra = Float64Array.from(a).sort();
    const rb = Float64Array.from(b).sort();
    const sa = summary(ra);
    const sb = summary(rb);
    const lo = Math.min(sa.min, sb.min);
    const hi = Math.max(sa.max, sb.max);
    const edges = Array.from({ length: 21 }, (_, i) => lo + ((hi - lo) * i) / 20);
    const shared = discrete(histogram(ra, edges), histogram(rb, edges));
    const deciles = [-Infinity, ...Array.from({ length: 9 }, (_, i) => quantile(ra, (i + 1) / 10)), Infinity];
    const dec = (s) => {
      const c = new Array(10).fill(0);
      let k = 0;
      for (const x of s) {
        while (k < 9 && x > deciles[k + 1]) k++;
        c[k]++;
      }
      return c;
    };
    const psiDeciles = discrete(dec(ra), dec(rb)).psi;
    // KS and Wasserstein-1 by merging the sorted samples.
    let i = 0;
    let j = 0;
    let ks = 0;
    let w = 0;
    let prev = Math.min(ra[0], rb[0]);
    while (i < ra.length || j < rb.length) {
      const x = j >= rb.length || (i < ra.length && ra[i] <= rb[j]) ? ra[i] : rb[j];
      w += Math.abs(i / ra.length - j / rb.length) * (x - prev);
      while (i < ra.length && ra[i] === x) i++;
      while (j < rb.length && rb[j] === x) j++;
      ks = Math.max(ks, Math.abs(i / ra.length - j / rb.length));
      prev = x;
    }
    return { sa, sb, ...shared, psiDeciles, ks, wasserstein: w, wassersteinNormed: w / sa.std };
  }

  function categorical(a, b) {
    const count = (v) => {
      const m = new Map();
      for (const x of v) m.set(x, (m.get(x) ?? 0) + 1);
      return m;
    };
    const ca = count(a);
    const cb = count(b);
    const keys = [...new Set([...ca.keys(), ...cb.keys()])].map(String).sort();
    const ref = keys.map((k) => ca.get(k) ?? ca.get(Number(k)) ?? 0);
    const cur = keys.map((k) => cb.get(k) ?? cb.get(Number(k)) ?? 0);
    const nr = a.length;
    const nc = b.length;
    let chi2 = 0;
    for (let k = 0; k < keys.length; k++) {
      const t = ref[k] + cur[k];
      const er = (t * nr) / (nr + nc);
      const ec = (t * nc) / (nr + nc);
      chi2 += (ref[k] - er) ** 2 / er + (cur[k] - ec) ** 2 / ec;
    }
    return { categories: keys.length, ...discrete(ref, cur), chi2 };
  }

  window.baselineCompare = async function (refFile, curFile) {
    const [r, c] = await Promise.all([parse(refFile), parse(curFile)]);
    const out = {};
    for (const [name, a] of r) {
      const b = c.get(name);
      if (!b) continue;
      out[name] = a.numeric && b.numeric ? numeric(a.values, b.values) : categorical(a.values.map(String), b.values.map(String));
    }
    return { columns: Object.keys(out).length, first: Object.entries(out)[0] };
  };
})();
