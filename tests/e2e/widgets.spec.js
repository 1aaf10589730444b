// The divergence-lab web components (web/src/widgets), from the single-file bundle on the strict-CSP
// page: each element driven by the keyboard shows the closed-form values; attributes and properties
// round-trip; change events carry the documented detail.
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const LN2 = Math.LN2;
const el = (page, tag) => page.locator(tag).first();
const prop = (page, tag, name) => el(page, tag).evaluate((e, n) => e[n], name);
const closeTo = (got, want, tol) => expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(tol);

/** Closed-form KL between normals (nats). */
const klNormal = (m1, s1, m2, s2) => Math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5;
/** Discrete KL in the given base, 0 log 0 = 0. */
const kl = (p, q, base = Math.E) => p.reduce((s, pi, i) => (pi > 0 ? s + pi * Math.log(pi / q[i]) : s), 0) / Math.log(base);
const entropy = (p, base = Math.E) => -p.reduce((s, pi) => (pi > 0 ? s + pi * Math.log(pi) : s), 0) / Math.log(base);

test.beforeEach(async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.errors = errors;
  await page.goto('/strict/index.html');
  await page.waitForFunction(() =>
    ['kl-gaussians', 'kl-coin', 'kl-fit', 'kl-cross-entropy', 'divergence-compare', 'kl-sampling', 'kl-drift'].every(
      (t) => document.querySelector(t)?.isReady,
    ),
  );
});

test.afterEach(async ({ page }) => {
  expect(page.errors).toEqual([]);
});

test('kl-gaussians: unit normals give (muP - muQ)^2 / 2 nats; keyboard moves mu_P; JS matches a fine integral', async ({ page }) => {
  const g = el(page, 'kl-gaussians');
  closeTo(await prop(page, 'kl-gaussians', 'klPQ'), 0.5, 1e-14);
  closeTo(await prop(page, 'kl-gaussians', 'klQP'), 0.5, 1e-14);
  closeTo(await prop(page, 'kl-gaussians', 'klPQNumerical'), 0.5, 1e-8);
  await expect(g.locator('td[data-key="klPQ"]')).toHaveText('0.5');

  await g.locator('#mu-p').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(g).toHaveAttribute('mu-p', '0.5');
  await expect(g.locator('#mu-p')).toHaveAttribute('aria-valuetext', 'mean of P: 0.5');
  closeTo(await prop(page, 'kl-gaussians', 'klPQ'), 0.125, 1e-14);
  closeTo(await prop(page, 'kl-gaussians', 'klQP'), 0.125, 1e-14);
  await expect(g.locator('td[data-key="klPQ"]')).toHaveText('0.125');

  // JS(N(0.5,1), N(1,1)) by a 40001-point trapezoid rule in the test itself.
  const pdf = (x, m, s) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
  const term = (a, b) => (a > 0 ? a * Math.log((2 * a) / (a + b)) : 0);
  let js = 0;
  const n = 40001;
  const [lo, hi] = [-15, 15];
  const h = (hi - lo) / (n - 1);
  for (let i = 0; i < n; i++) {
    const x = lo + i * h;
    const p = pdf(x, 0.5, 1);
    const q = pdf(x, 1, 1);
    const f = 0.5 * (term(p, q) + term(q, p));
    js += (i === 0 || i === n - 1 ? 0.5 : 1) * f * h;
  }
  closeTo(await prop(page, 'kl-gaussians', 'js'), js, 1e-9);

  // sigma_Q to its maximum with End: the asymmetric closed form, both ways.
  await g.locator('#sigma-q').focus();
  await page.keyboard.press('End');
  await expect(g).toHaveAttribute('sigma-q', '2');
  closeTo(await prop(page, 'kl-gaussians', 'klPQ'), klNormal(0.5, 1, 1, 2), 1e-14);
  closeTo(await prop(page, 'kl-gaussians', 'klQP'), klNormal(1, 2, 0.5, 1), 1e-14);
  closeTo(await prop(page, 'kl-gaussians', 'klPQNumerical'), klNormal(0.5, 1, 1, 2), 1e-8);

  // Unit: arrow keys in the radio group switch to bits.
  await g.locator('input[name="unit"][value="nats"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(g).toHaveAttribute('unit', 'bits');
  closeTo(await prop(page, 'kl-gaussians', 'klPQ'), klNormal(0.5, 1, 1, 2) / LN2, 1e-14);
  await expect(g.locator('caption')).toContainText('bits');
});

test('kl-coin: KL([0.7,0.3] || [0.5,0.5]) = 0.1187091007693073 bits; presets and sliders by keyboard', async ({ page }) => {
  const c = el(page, 'kl-coin');
  closeTo(await prop(page, 'kl-coin', 'klPQ'), 0.1187091007693073, 1e-15);
  closeTo(await prop(page, 'kl-coin', 'klQP'), kl([0.5, 0.5], [0.7, 0.3], 2), 1e-15);
  // cross-entropy = entropy + KL, both ways.
  const v = await c.evaluate((e) => ({ ...e.state.values }));
  closeTo(v.crossEntropyPQ, v.entropyP + v.klPQ, 1e-15);
  closeTo(v.crossEntropyQP, v.entropyQ + v.klQP, 1e-15);
  closeTo(v.entropyP, entropy([0.7, 0.3], 2), 1e-15);
  await expect(c.locator('td[data-key="klPQ"]')).toHaveText('0.11871');

  // The forecast preset, pressed with the keyboard.
  await c.getByRole('button', { name: /Forecast/ }).focus();
  await page.keyboard.press('Enter');
  await expect(c).toHaveAttribute('scenario', 'forecast');
  expect(await prop(page, 'kl-coin', 'p')).toBe(0.4);
  expect(await prop(page, 'kl-coin', 'q')).toBe(0.7);
  closeTo(await prop(page, 'kl-coin', 'klPQ'), kl([0.4, 0.6], [0.7, 0.3], 2), 1e-15);
  await expect(c.locator('legend.p-name')).toHaveText('P: the actual weather');

  // q down by 10 steps of 0.01 with the arrow keys.
  await c.locator('#q').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(c).toHaveAttribute('q', '0.6');
  closeTo(await prop(page, 'kl-coin', 'klPQ'), kl([0.4, 0.6], [0.6, 0.4], 2), 1e-15);
  await c.getByRole('button', { name: /Coin/ }).press(' ');
  closeTo(await prop(page, 'kl-coin', 'klPQ'), 0.1187091007693073, 1e-15);
});

test('kl-cross-entropy: H(P,Q) = H(P) + KL(P||Q), KL from the logits; keyboard on a logit and the true class', async ({ page }) => {
  const x = el(page, 'kl-cross-entropy');
  const check = async () => {
    const s = await x.evaluate((e) => ({ p: Array.from(e.p), logits: e.logits, ce: e.crossEntropy, h: e.entropy, kl: e.kl, ppl: e.perplexity, unit: e.unit }));
    const base = s.unit === 'bits' ? 2 : Math.E;
    const m = Math.max(...s.logits);
    const z = s.logits.map((l) => Math.exp(l - m));
    const sum = z.reduce((a, b) => a + b, 0);
    const q = z.map((t) => t / sum);
    closeTo(s.ce, s.h + s.kl, 1e-14);
    closeTo(s.kl, kl(s.p, q, base), 1e-13);
    closeTo(s.h, entropy(s.p, base), 1e-14);
    closeTo(s.ppl, base ** s.ce, 1e-12);
    return s;
  };
  let s = await check();
  expect(s.logits).toEqual([2.2, 0.8, -0.5, -1]);
  closeTo(s.p[0], 0.925, 1e-15);

  await x.locator('#logit-0').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(x).toHaveAttribute('logits', '1.2,0.8,-0.5,-1');
  s = await check();

  // The true class by keyboard: select "dog".
  await x.locator('#label-select').focus();
  await page.keyboard.press('ArrowDown');
  await expect(x).toHaveAttribute('label', '1');
  s = await check();
  closeTo(s.p[1], 0.925, 1e-15);

  await x.locator('input[name="unit"][value="nats"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(x).toHaveAttribute('unit', 'bits');
  await check();
});

test('divergence-compare: at non-overlap JS = ln 2, TV = 1, KL = infinity, Wasserstein keeps growing', async ({ page }) => {
  const d = el(page, 'divergence-compare');
  expect(await prop(page, 'divergence-compare', 'js')).toBeLessThan(LN2 - 0.1);
  expect(await prop(page, 'divergence-compare', 'tv')).toBeLessThan(0.9);
  expect(Number.isFinite(await prop(page, 'divergence-compare', 'kl'))).toBe(true);

  await d.locator('#shift').focus();
  // Step right until the supports are apart (shift 4.05), then to the end.
  for (let i = 0; i < 61; i++) await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('shift', '4.05');
  expect(await prop(page, 'divergence-compare', 'overlapping')).toBe(false);
  closeTo(await prop(page, 'divergence-compare', 'js'), LN2, 1e-12);
  closeTo(await prop(page, 'divergence-compare', 'tv'), 1, 1e-12);
  expect(await prop(page, 'divergence-compare', 'kl')).toBe(Infinity);
  const w405 = await prop(page, 'divergence-compare', 'wasserstein');
  closeTo(w405, 4.05, 0.01);

  await page.keyboard.press('End');
  await expect(d).toHaveAttribute('shift', '6');
  closeTo(await prop(page, 'divergence-compare', 'js'), LN2, 1e-12);
  closeTo(await prop(page, 'divergence-compare', 'tv'), 1, 1e-12);
  const w6 = await prop(page, 'divergence-compare', 'wasserstein');
  closeTo(w6, 6, 0.01);
  expect(w6).toBeGreaterThan(w405 + 1.9);
  await expect(d.locator('td[data-key="kl"]')).toHaveText('∞');

  // Bits: JS saturates at exactly 1 bit.
  await d.locator('input[name="unit"][value="nats"]').focus();
  await page.keyboard.press('ArrowRight');
  closeTo(await prop(page, 'divergence-compare', 'js'), 1, 1e-12);
});

test('kl-sampling: the Monte Carlo estimate is within 3 standard errors of the closed form, and narrows with n', async ({ page }) => {
  const s = el(page, 'kl-sampling');
  const read = () => s.evaluate((e) => ({ n: e.samples, est: e.estimate, se: e.standardError, truth: e.closedForm, seed: e.seed }));
  let r = await read();
  expect(r.n).toBe(1000);
  closeTo(r.truth, klNormal(0, 1, 1, 1.5), 1e-14);
  expect(Math.abs(r.est - r.truth)).toBeLessThan(3 * r.se);
  const se1000 = r.se;

  await s.locator('#samples').focus();
  await page.keyboard.press('End');
  r = await read();
  expect(r.n).toBe(100000);
  expect(Math.abs(r.est - r.truth)).toBeLessThan(3 * r.se);
  expect(r.se).toBeLessThan(se1000 / 5);

  // New samples with the button (keyboard), and a different Q by its slider.
  await s.getByRole('button', { name: 'Draw new samples' }).press('Enter');
  r = await read();
  expect(r.seed).toBe(2);
  expect(Math.abs(r.est - r.truth)).toBeLessThan(3 * r.se);
  await s.locator('#sigma-q').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  r = await read();
  closeTo(r.truth, klNormal(0, 1, 1, 1), 1e-14);
  expect(Math.abs(r.est - r.truth)).toBeLessThan(3 * r.se);
});

test('kl-fit: forward KL converges to moment matching; reverse (reduced motion) settles on one peak', async ({ page }) => {
  const f = el(page, 'kl-fit');
  // Mixture 0.5 N(-2, 0.6^2) + 0.5 N(2, 0.6^2): mean 0, variance 0.36 + 4.
  await f.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => prop(page, 'kl-fit', 'converged'), { timeout: 20_000 }).toBe(true);
  closeTo(await prop(page, 'kl-fit', 'mu'), 0, 1e-6);
  closeTo(await prop(page, 'kl-fit', 'sigma'), Math.sqrt(4.36), 1e-6);
  const target = await prop(page, 'kl-fit', 'target');
  closeTo(target.mean, 0, 1e-12);
  closeTo(target.sd, Math.sqrt(4.36), 1e-10);
  await expect(f.locator('.verdict')).toContainText('mass-covering');

  // Reverse, with reduced motion: Start jumps to the result.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await f.locator('input[name="direction"][value="forward"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(f).toHaveAttribute('direction', 'reverse');
  await f.getByRole('button', { name: 'Reset' }).press('Enter');
  expect(await prop(page, 'kl-fit', 'iteration')).toBe(0);
  await f.getByRole('button', { name: 'Start' }).press('Enter');
  expect(await prop(page, 'kl-fit', 'converged')).toBe(true);
  closeTo(await prop(page, 'kl-fit', 'mu'), 2, 0.01);
  closeTo(await prop(page, 'kl-fit', 'sigma'), 0.6, 0.01);
  await expect(f.locator('.verdict')).toContainText('mode-seeking');

  // Step on demand.
  await f.getByRole('button', { name: 'Reset' }).press('Enter');
  await f.getByRole('button', { name: 'Step' }).press('Enter');
  await f.getByRole('button', { name: 'Step' }).press('Enter');
  expect(await prop(page, 'kl-fit', 'iteration')).toBe(2);
});

test('kl-drift: PSI with epsilon smoothing equals the formula on the shown counts; thresholds 0.1 / 0.25 and JS', async ({ page }) => {
  const d = el(page, 'kl-drift');
  const psiOf = (a, b, eps) => {
    const norm = (c) => {
      const t = c.reduce((x, y) => x + y, 0);
      const p = c.map((x) => (x === 0 ? eps : x / t));
      const s = p.reduce((x, y) => x + y, 0);
      return p.map((x) => x / s);
    };
    const p = norm(a);
    const q = norm(b);
    return p.reduce((s, pi, i) => s + (q[i] - pi) * Math.log(q[i] / pi), 0);
  };
  const read = () => d.evaluate((e) => ({ psi: e.psi, js: e.jsDistance, status: e.status, a: e.trainingCounts, b: e.productionCounts, eps: e.epsilon }));
  let r = await read();
  closeTo(r.psi, psiOf(r.a, r.b, r.eps), 1e-12);
  expect(r.a.reduce((x, y) => x + y, 0)).toBe(5000);
  expect(r.b.reduce((x, y) => x + y, 0)).toBe(2000);

  await d.locator('#shift').focus();
  await page.keyboard.press('Home'); // shift -2: a major shift
  r = await read();
  expect(r.psi).toBeGreaterThanOrEqual(0.25);
  expect(r.status).toBe('major');
  closeTo(r.psi, psiOf(r.a, r.b, r.eps), 1e-12);
  await expect(d.locator('.badge')).toHaveText('Major shift');

  // Back to no shift: stable.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('shift', '0');
  r = await read();
  expect(r.psi).toBeLessThan(0.1);
  expect(r.status).toBe('stable');

  // The JS distance option, by keyboard.
  await d.locator('input[name="metric"][value="psi"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(d).toHaveAttribute('metric', 'js');
  r = await read();
  expect(r.status).toBe(r.js >= 0.1 ? 'drift' : 'stable');
});

test('attributes and properties round-trip; bad values fall back; change events carry the detail', async ({ page }) => {
  const result = await page.evaluate(() => {
    const out = {};
    const g = document.querySelector('kl-gaussians');
    g.setAttribute('mu-p', '0.25');
    g.sigmaQ = 1.5;
    out.g = { muP: g.muP, sigmaQAttr: g.getAttribute('sigma-q'), klPQ: g.klPQ };
    g.setAttribute('mu-p', 'abc');
    out.gBad = g.muP;
    g.setAttribute('mu-p', '99');
    out.gClamped = g.muP;
    g.removeAttribute('mu-p');
    out.gRemoved = g.muP;
    g.unit = 'bits';
    out.gUnit = [g.getAttribute('unit'), g.unit];
    g.theme = 'dark';
    out.theme = g.getAttribute('theme');

    const c = document.querySelector('kl-coin');
    c.p = 0.9;
    c.setAttribute('q', '0.2');
    out.c = { p: c.getAttribute('p'), q: c.q, klPQ: c.klPQ };

    const x = document.querySelector('kl-cross-entropy');
    x.logits = [0, 0, 0];
    x.classes = ['a', 'b', 'c'];
    out.x = { attr: x.getAttribute('logits'), n: x.p.length, ce: x.crossEntropy, sliders: x.shadowRoot.querySelectorAll('input[type=range]').length };
    x.setAttribute('logits', '1,2,nope');
    out.xBad = x.logits;

    const d = document.querySelector('divergence-compare');
    d.shift = 5;
    out.d = { attr: d.getAttribute('shift'), js: d.js };

    const s = document.querySelector('kl-sampling');
    s.samples = 5000;
    s.seed = 9;
    out.s = { samples: s.getAttribute('samples'), seed: s.getAttribute('seed'), n: s.samples };

    const f = document.querySelector('kl-fit');
    f.direction = 'reverse';
    f.separation = 3;
    out.f = { dir: f.getAttribute('direction'), sep: f.getAttribute('separation'), mean: f.target.mean };
    f.setAttribute('direction', 'sideways');
    out.fBad = f.direction;

    const k = document.querySelector('kl-drift');
    k.metric = 'js';
    k.jsThreshold = 0.2;
    out.k = { metric: k.getAttribute('metric'), thr: k.getAttribute('js-threshold'), status: k.status };
    return out;
  });
  expect(result.g.muP).toBe(0.25);
  expect(result.g.sigmaQAttr).toBe('1.5');
  expect(Math.abs(result.g.klPQ - klNormal(0.25, 1, 1, 1.5))).toBeLessThan(1e-14);
  expect(result.gBad).toBe(0);
  expect(result.gClamped).toBe(3);
  expect(result.gRemoved).toBe(0);
  expect(result.gUnit).toEqual(['bits', 'bits']);
  expect(result.theme).toBe('dark');
  expect(result.c.p).toBe('0.9');
  expect(result.c.q).toBe(0.2);
  expect(Math.abs(result.c.klPQ - kl([0.9, 0.1], [0.2, 0.8], 2))).toBeLessThan(1e-14);
  expect(result.x).toEqual({ attr: '0,0,0', n: 3, ce: result.x.ce, sliders: 4 });
  expect(result.xBad).toEqual([2.2, 0.8, -0.5, -1]);
  expect(result.d.attr).toBe('5');
  expect(Math.abs(result.d.js - LN2)).toBeLessThan(1e-12);
  expect(result.s).toEqual({ samples: '5000', seed: '9', n: 5000 });
  expect(result.f.dir).toBe('reverse');
  expect(result.f.sep).toBe('3');
  expect(Math.abs(result.f.mean)).toBeLessThan(1e-12);
  expect(result.fBad).toBe('forward');
  expect(result.k).toEqual({ metric: 'js', thr: '0.2', status: result.k.status });

  // A user's slider move fires `change` with the documented detail.
  const detail = page.evaluate(
    () => new Promise((resolve) => document.querySelector('kl-gaussians').addEventListener('change', (e) => resolve(e.detail), { once: true })),
  );
  await el(page, 'kl-gaussians').locator('#mu-q').focus();
  await page.keyboard.press('ArrowLeft');
  const got = await detail;
  expect(Object.keys(got).sort()).toEqual(['js', 'klPQ', 'klQP', 'muP', 'muQ', 'sigmaP', 'sigmaQ', 'unit']);
  expect(got.muQ).toBe(0.9);
});

test('registering twice is harmless: a second copy of the bundle leaves the definitions alone', async ({ page }) => {
  const ok = await page.evaluate(async () => {
    const first = customElements.get('kl-gaussians');
    const again = await import('/divergence-lab-widgets.js?second-copy');
    return again.elements.length === 7 && customElements.get('kl-gaussians') === first && again.KlGaussians !== first;
  });
  expect(ok).toBe(true);
});
