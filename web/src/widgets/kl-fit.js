/**
 * <kl-fit>: forward against reverse KL, fitting one normal to two peaks.
 *
 * P is a mixture of two normals, w·N(−d/2, 0.6²) + (1 − w)·N(d/2, 0.6²). One normal Q = N(μ, σ²) is
 * fitted to it by gradient descent on KL(P‖Q) ("forward") or KL(Q‖P) ("reverse"), one step at a time.
 * The objective and its exact gradient with respect to μ and ln σ come from the WebAssembly core
 * (klNormalFitGradient: the trapezoid rule on a grid of `points` points over [−10, 10]); the step is a
 * natural-gradient step (the gradient scaled by the inverse Fisher information of N(μ, σ²), σ² for
 * μ and ½ for ln σ) times `rate`. The forward fit converges to moment matching (μ = the mixture mean,
 * σ² = its variance: gridMoments, drawn dashed) and covers both peaks ("mass-covering"); the reverse
 * fit settles on one peak ("mode-seeking"). Start animates one step per frame; with
 * prefers-reduced-motion: reduce, Start jumps straight to the result (Step still steps).
 *
 * Attributes (reflected by properties):
 *   direction  (direction)  "forward" (default) or "reverse"
 *   separation (separation) distance d between the peaks, 0..6, default 4
 *   weight     (weight)     weight w of the left peak, 0.1..0.9, default 0.5
 *   rate       (rate)       step size, 0.01..1, default 0.25
 *   points     (points)     grid points, 100..20000, default 1000
 *   theme      (theme)      "auto" (default), "light" or "dark"
 *
 * Read-only properties: mu, sigma (Q now), kl (the objective now, nats), iteration, running, converged,
 * target ({ mean, sd }: the moment-matching optimum of the forward direction); ready, isReady.
 * Methods: start(), pause(), step(), reset(), runToConvergence() (no animation; returns iterations).
 *
 * Events: `change` after every step, user input, and the first render;
 * detail { direction, separation, weight, mu, sigma, kl, iteration, converged }.
 * `converged` (CustomEvent, bubbles) when a run stops because the steps became negligible; same detail.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, button, results, table, note.
 */
import { gridMoments, klNormalFitGradient, normalLogPdf, normalPdf } from '../index.js';
import { area, line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer, linspace, maxOf } from './plot.js';
import { createSlider } from './slider.js';

const PEAK_SIGMA = 0.6;
const GRID = [-10, 10];
const VIEW = [-6, 6];
const START = { mu: 1, logSigma: 0 };
const TOLERANCE = 1e-9;
const MAX_ITERATIONS = 5000;
const FRAME_INTERVAL = 30; // ms between animated steps

/** μ and σ for display: 4 decimals, no "−0" or 10⁻¹⁹ noise. */
function fixed(x) {
  const r = Number(x.toFixed(4));
  return formatParameter(r === 0 ? 0 : r);
}

function logAddExp(a, b) {
  const m = Math.max(a, b);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

export class KlFit extends DivergenceElement {
  static tagName = 'kl-fit';
  static props = [
    { name: 'direction', attribute: 'direction', type: 'enum', values: ['forward', 'reverse'], default: 'forward' },
    { name: 'separation', attribute: 'separation', type: 'number', default: 4, min: 0, max: 6 },
    { name: 'weight', attribute: 'weight', type: 'number', default: 0.5, min: 0.1, max: 0.9 },
    { name: 'rate', attribute: 'rate', type: 'number', default: 0.25, min: 0.01, max: 1 },
    { name: 'points', attribute: 'points', type: 'integer', default: 1000, min: 100, max: 20000 },
  ];
  static styles = `
    .target { fill: none; stroke: var(--_text); stroke-width: 1.25; stroke-dasharray: 5 4; opacity: 0.8; }
    .q-mean { stroke: var(--_m); stroke-width: 1.5; stroke-dasharray: 2 3; }
    .swatch.target { border-color: var(--_text); border-top-style: dashed; }
    .progress { font-variant-numeric: tabular-nums; margin: 0.4em 0 0; min-height: 2.9em; }
    .direction .choices { flex-direction: column; align-items: flex-start; }
  `;

  constructor() {
    super();
    this.q = { ...START };
    this.iteration = 0;
    this.converged = false;
    this.running = false;
    this._timer = 0;
    this._last = 0;
  }

  build(root) {
    const frame = document.createElement('div');
    frame.className = 'frame';
    frame.setAttribute('part', 'frame');
    frame.innerHTML = `
      <div class="layout split">
        <figure>
          <div class="figure-slot"></div>
          <ul class="legend" part="legend" aria-label="Legend">
            <li><span class="swatch box p" aria-hidden="true"></span>P, two peaks</li>
            <li><span class="swatch m" aria-hidden="true"></span>Q, the fitted normal</li>
            <li><span class="swatch target" aria-hidden="true"></span>moment matching (forward optimum)</li>
          </ul>
          <p class="progress" part="note" aria-hidden="true">Iteration 0</p>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="direction"><legend>Minimise</legend>
            <div class="choices">
              <label><input type="radio" name="direction" value="forward"> forward KL(P‖Q): mass-covering</label>
              <label><input type="radio" name="direction" value="reverse"> reverse KL(Q‖P): mode-seeking</label>
            </div>
          </fieldset>
          <div class="buttons" role="group" aria-label="Optimiser">
            <button type="button" part="button" class="primary run">Start</button>
            <button type="button" part="button" class="step">Step</button>
            <button type="button" part="button" class="reset">Reset</button>
          </div>
          <fieldset class="dist-p"><legend>P: two peaks</legend>
            <p class="note">P = w·N(−d/2, 0.6²) + (1 − w)·N(d/2, 0.6²)</p>
          </fieldset>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>Q = N(μ, σ²)</caption>
          <thead><tr><th scope="col">Q</th><th scope="col">μ</th><th scope="col">σ</th><th scope="col">KL, nats</th></tr></thead>
          <tbody>
            <tr><th scope="row">now (iteration <span class="iter">0</span>)</th><td class="num" data-key="mu">…</td><td class="num" data-key="sigma">…</td><td class="num" data-key="kl">…</td></tr>
            <tr><th scope="row">moment matching</th><td class="num" data-key="targetMean">…</td><td class="num" data-key="targetSd">…</td><td class="num">–</td></tr>
          </tbody>
        </table>
        <p class="note verdict" part="note">…</p>
        <p class="note status-error" role="alert"></p>
      </div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'The two-peaked density P and the fitted normal Q', height: 250 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.sliders = {};
    for (const s of [
      { name: 'separation', id: 'separation', label: 'Distance between the peaks d', min: 0, max: 6, step: 0.1, spoken: 'distance between the peaks' },
      { name: 'weight', id: 'weight', label: 'Weight of the left peak w', min: 0.1, max: 0.9, step: 0.05, spoken: 'weight of the left peak' },
    ]) {
      this.sliders[s.name] = createSlider({
        ...s,
        value: this._values[s.name],
        tone: 'p',
        format: formatParameter,
        valueText: (v) => `${s.spoken} ${formatParameter(v)}`,
        onInput: (v) => this.setFromUser({ [s.name]: v }),
      });
      frame.querySelector('.dist-p').append(this.sliders[s.name].element);
    }
    this.directionRadios = [...frame.querySelectorAll('input[name="direction"]')];
    for (const r of this.directionRadios) r.addEventListener('change', () => this.setFromUser({ direction: r.value }));
    this.runButton = frame.querySelector('.run');
    this.runButton.addEventListener('click', () => (this.running ? this.pause() : this.start()));
    frame.querySelector('.step').addEventListener('click', () => {
      this.pause();
      this.step();
    });
    frame.querySelector('.reset').addEventListener('click', () => this.reset());
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.announce = createAnnouncer(frame);
  }

  get mu() {
    return this.q.mu;
  }
  get sigma() {
    return Math.exp(this.q.logSigma);
  }
  get kl() {
    return this.state?.kl;
  }
  get target() {
    return this.state ? { mean: this.state.moments.mean, sd: Math.sqrt(this.state.moments.variance) } : undefined;
  }

  static get reducedMotion() {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  syncControls() {
    for (const [name, s] of Object.entries(this.sliders)) s.set(this._values[name]);
    for (const r of this.directionRadios) r.checked = r.value === this._values.direction;
    if (this.runButton) this.runButton.textContent = this.running ? 'Pause' : 'Start';
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // A new P or direction: the current fit is no longer converged.
    if (oldValue !== newValue && name !== 'theme') this.converged = false;
    super.attributeChangedCallback(name, oldValue, newValue);
  }

  /** ln p on the grid for the current mixture (cached). */
  density() {
    const { separation, weight, points } = this._values;
    const key = `${separation}|${weight}|${points}`;
    if (this._density?.key !== key) {
      const x = linspace(GRID[0], GRID[1], points);
      const a = normalLogPdf(x, -separation / 2, PEAK_SIGMA);
      const b = normalLogPdf(x, separation / 2, PEAK_SIGMA);
      const lw = Math.log(weight);
      const lv = Math.log(1 - weight);
      const logP = new Float64Array(points);
      for (let i = 0; i < points; i++) logP[i] = logAddExp(lw + a[i], lv + b[i]);
      this._density = { key, x, logP, p: logP.map(Math.exp), moments: gridMoments(x, logP) };
    }
    return this._density;
  }

  gradient() {
    const { x, logP } = this.density();
    return klNormalFitGradient(x, logP, this.q.mu, this.q.logSigma, { direction: this._values.direction });
  }

  /** One natural-gradient step; returns true when the step was negligible (converged). */
  advance() {
    const g = this.gradient();
    if (!Number.isFinite(g.dMu) || !Number.isFinite(g.dLogSigma)) return true;
    const rate = this._values.rate;
    const dMu = rate * Math.exp(2 * this.q.logSigma) * g.dMu;
    const dLs = rate * 0.5 * g.dLogSigma;
    this.q.mu = Math.min(8, Math.max(-8, this.q.mu - dMu));
    this.q.logSigma = Math.min(Math.log(20), Math.max(Math.log(0.05), this.q.logSigma - dLs));
    this.iteration += 1;
    return Math.abs(dMu) < TOLERANCE && Math.abs(dLs) < TOLERANCE;
  }

  /** One optimiser step, rendered. */
  step() {
    if (!this.isReady) return;
    this.converged = this.advance();
    this.update('optimizer');
  }

  /** Runs (animated, or at once under reduced motion) until the steps become negligible. */
  start() {
    if (!this.isReady || this.running) return;
    if (KlFit.reducedMotion) {
      this.runToConvergence();
      return;
    }
    this.running = true;
    this.syncControls();
    this.update('optimizer');
    const tick = (now) => {
      if (!this.running) return;
      if (now - this._last >= FRAME_INTERVAL) {
        this._last = now;
        this.converged = this.advance();
        if (this.converged || this.iteration >= MAX_ITERATIONS) {
          this.running = false;
          this.syncControls();
        }
        this.update('optimizer');
        if (this.converged) this.emitConverged();
      }
      if (this.running) this._timer = requestAnimationFrame(tick);
    };
    this._timer = requestAnimationFrame(tick);
  }

  pause() {
    if (!this.running) return;
    this.running = false;
    cancelAnimationFrame(this._timer);
    this.syncControls();
    this.update('optimizer');
  }

  /** Steps without animation until converged (at most 5000 steps); returns the number of steps taken. */
  runToConvergence() {
    if (!this.isReady) return 0;
    this.pause();
    const before = this.iteration;
    let done = false;
    while (!done && this.iteration - before < MAX_ITERATIONS) done = this.advance();
    this.converged = done;
    this.update('optimizer');
    if (done) this.emitConverged();
    return this.iteration - before;
  }

  reset() {
    this.pause();
    this.q = { ...START };
    this.iteration = 0;
    this.converged = false;
    if (this.isReady) this.update('user');
  }

  emitConverged() {
    this.dispatchEvent(new CustomEvent('converged', { detail: this.changeDetail(this.state), bubbles: true }));
  }

  disconnectedCallback() {
    this.pause();
  }

  compute() {
    const d = this.density();
    const sigma = Math.exp(this.q.logSigma);
    return {
      ...d,
      q: normalPdf(d.x, this.q.mu, sigma),
      target: normalPdf(d.x, d.moments.mean, Math.sqrt(d.moments.variance)),
      kl: this.gradient().kl,
    };
  }

  changeDetail(state) {
    const { direction, separation, weight } = this._values;
    return { direction, separation, weight, mu: this.mu, sigma: this.sigma, kl: state.kl, iteration: this.iteration, converged: this.converged };
  }

  verdict() {
    const { direction, separation } = this._values;
    const side = this.q.mu > 0 ? 'right' : 'left';
    if (this.iteration === 0) return 'Press Start (or Step) to fit Q.';
    if (!this.converged) return this.running ? 'Fitting…' : `Paused after ${this.iteration} steps.`;
    if (direction === 'forward') {
      return `Converged after ${this.iteration} steps: Q matches P’s mean and variance and spreads over ${separation >= 2 ? 'both peaks' : 'all of P'}: mass-covering.`;
    }
    const nearPeak = separation >= 2 && Math.abs(Math.abs(this.q.mu) - separation / 2) < 0.5;
    return nearPeak
      ? `Converged after ${this.iteration} steps: Q sits on the ${side} peak and ignores the other: mode-seeking.`
      : `Converged after ${this.iteration} steps (the peaks are too close to separate).`;
  }

  render(state) {
    const { moments } = state;
    const values = { mu: this.mu, sigma: this.sigma, kl: state.kl, targetMean: moments.mean, targetSd: Math.sqrt(moments.variance) };
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = key === 'kl' ? formatNumber(values[key], 5) : fixed(values[key]);
      el.dataset.value = String(values[key]);
    }
    const root = this.shadowRoot;
    root.querySelector('.iter').textContent = String(this.iteration);
    const objective = this._values.direction === 'forward' ? 'KL(P‖Q)' : 'KL(Q‖P)';
    root.querySelector('.progress').textContent = `Iteration ${this.iteration}: μ = ${fixed(this.mu)}, σ = ${fixed(this.sigma)}, ${objective} = ${formatNumber(state.kl, 4)} nats`;
    const verdict = this.verdict();
    root.querySelector('.verdict').textContent = verdict;
    this.figure.setDescription(
      `P has two peaks at ${formatNumber(-this._values.separation / 2)} and ${formatNumber(this._values.separation / 2)}. ` +
        `Q is normal with mean ${formatNumber(this.mu, 3)} and standard deviation ${formatNumber(this.sigma, 3)} after ${this.iteration} steps minimising ${objective}. ${verdict}`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    if (!this.running) this.announce(`${verdict} μ ${spokenNumber(this.mu, 3)}, σ ${spokenNumber(this.sigma, 3)}, ${objective} ${spokenNumber(state.kl, 3)} nats.`);
  }

  draw(width, height) {
    const s = this.state;
    if (!s) return;
    const m = { top: 10, right: 10, bottom: 24, left: 40 };
    const innerWidth = width - m.left - m.right;
    const innerHeight = height - m.top - m.bottom;
    const g = layer(this.figure.root, 'g', 'main').attr('transform', `translate(${m.left},${m.top})`);
    const x = scaleLinear().domain(VIEW).range([0, innerWidth]);
    // Only the visible part of the grid.
    const idx = [];
    for (let i = 0; i < s.x.length; i++) if (s.x[i] >= VIEW[0] && s.x[i] <= VIEW[1]) idx.push(i);
    const y = scaleLinear()
      .domain([0, Math.max(maxOf(s.p), maxOf(s.q), 0.3) * 1.08])
      .range([innerHeight, 0])
      .nice(4);
    drawGrid(layer(g, 'g', 'grid'), y, innerWidth, 4);
    const lineOf = (values) =>
      line()
        .x((i) => x(s.x[i]))
        .y((i) => y(values[i]))(idx);
    layer(g, 'path', 'fill-p').attr(
      'd',
      area()
        .x((i) => x(s.x[i]))
        .y0(innerHeight)
        .y1((i) => y(s.p[i]))(idx),
    );
    layer(g, 'path', 'curve-p').attr('d', lineOf(s.p));
    layer(g, 'path', 'target').attr('d', lineOf(s.target));
    layer(g, 'path', 'curve-m').attr('d', lineOf(s.q));
    const qx = x(Math.min(VIEW[1], Math.max(VIEW[0], this.mu)));
    layer(g, 'line', 'q-mean').attr('x1', qx).attr('x2', qx).attr('y1', 0).attr('y2', innerHeight);
    drawXAxis(layer(g, 'g', 'axis axis-x'), x, innerHeight, width < 420 ? 6 : 12);
    drawYAxis(layer(g, 'g', 'axis axis-y'), y, 4);
  }
}
