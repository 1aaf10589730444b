/**
 * <kl-sampling>: a Monte Carlo estimate of KL(P‖Q) converging to the closed form.
 *
 * n samples x₁…xₙ are drawn from P = N(μP, σP²) with a seeded generator (the same seed gives the
 * same samples in every browser). The estimate of KL(P‖Q) is the mean of ln p(xᵢ) − ln q(xᵢ)
 * (klMonteCarlo on normalLogPdf values), with its standard error. The plot shows the running
 * estimate against n on a logarithmic axis, with a ±2 standard-error band that shrinks like 1/√n,
 * and the closed form (klNormal) as a horizontal line.
 *
 * Attributes (reflected by properties):
 *   mu-p    (muP)     mean of P, −3..3, default 0
 *   sigma-p (sigmaP)  standard deviation of P, 0.3..3, default 1
 *   mu-q    (muQ)     mean of Q, −3..3, default 1
 *   sigma-q (sigmaQ)  standard deviation of Q, 0.3..3, default 1.5
 *   samples (samples) n, the number of samples, 10..100000, default 1000
 *   seed    (seed)    seed of the generator, an integer 0..2^32−1, default 1
 *   theme   (theme)   "auto" (default), "light" or "dark"
 *
 * Read-only properties (nats): estimate, standardError, closedForm; ready (Promise), isReady.
 * Methods: resample() draws new samples (seed + 1), as the button does.
 *
 * Events: `change` after user input and on the first render;
 * detail { n, seed, estimate, standardError, closedForm, muP, sigmaP, muQ, sigmaQ }.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, button, results, table, note.
 */
import { klMonteCarlo, klNormal, normalLogPdf } from '../index.js';
import { area, line } from 'd3-shape';
import { scaleLinear, scaleLog } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatCount, formatNumber, formatParameter, formatTick, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer } from './plot.js';
import { normalSamples } from './random.js';
import { createSlider } from './slider.js';

const N_MIN = 10;
const N_MAX = 100000;
const CHECKPOINTS = 60;

export class KlSampling extends DivergenceElement {
  static tagName = 'kl-sampling';
  static props = [
    { name: 'muP', attribute: 'mu-p', type: 'number', default: 0, min: -3, max: 3 },
    { name: 'sigmaP', attribute: 'sigma-p', type: 'number', default: 1, min: 0.3, max: 3 },
    { name: 'muQ', attribute: 'mu-q', type: 'number', default: 1, min: -3, max: 3 },
    { name: 'sigmaQ', attribute: 'sigma-q', type: 'number', default: 1.5, min: 0.3, max: 3 },
    { name: 'samples', attribute: 'samples', type: 'integer', default: 1000, min: N_MIN, max: N_MAX },
    { name: 'seed', attribute: 'seed', type: 'integer', default: 1, min: 0, max: 4294967295 },
  ];
  static styles = `
    .band { fill: color-mix(in srgb, var(--_m) 20%, transparent); }
    .estimate { fill: none; stroke: var(--_m); stroke-width: 2; }
    .truth { stroke: var(--_text); stroke-width: 1.5; stroke-dasharray: 6 4; }
    .now { stroke: var(--_muted); stroke-width: 1; }
    .swatch.box.band { background: color-mix(in srgb, var(--_m) 20%, transparent); }
    .swatch.truth { border-color: var(--_text); border-top-style: dashed; }
  `;

  build(root) {
    const frame = document.createElement('div');
    frame.className = 'frame';
    frame.setAttribute('part', 'frame');
    frame.innerHTML = `
      <div class="layout split">
        <figure>
          <div class="figure-slot"></div>
          <ul class="legend" part="legend" aria-label="Legend">
            <li><span class="swatch m" aria-hidden="true"></span>running estimate</li>
            <li><span class="swatch box band" aria-hidden="true"></span>± 2 standard errors</li>
            <li><span class="swatch truth" aria-hidden="true"></span>closed form</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-m"><legend>Samples from P = N(<span class="p-params"></span>)</legend>
            <div class="n-slot"></div>
            <div class="buttons"><button type="button" part="button" class="resample">Draw new samples</button></div>
          </fieldset>
          <fieldset class="dist-q"><legend>Q = N(μ<sub>Q</sub>, σ<sub>Q</sub>²)</legend></fieldset>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>KL(P‖Q), nats</caption>
          <thead><tr><th scope="col">quantity</th><th scope="col">value</th></tr></thead>
          <tbody>
            <tr><th scope="row">Monte Carlo estimate (n = <span class="n-now">…</span>)</th><td class="num" data-key="estimate">…</td></tr>
            <tr><th scope="row">standard error</th><td class="num" data-key="standardError">…</td></tr>
            <tr><th scope="row">closed form</th><td class="num" data-key="closedForm">…</td></tr>
            <tr><th scope="row">error in standard errors</th><td class="num" data-key="zScore">…</td></tr>
          </tbody>
        </table>
        <p class="note" part="note">Estimate: mean of ln p(x) − ln q(x) over x ~ P (klMonteCarlo); standard error: sample standard deviation / √n. Seed <span class="seed-now">…</span>.</p>
        <p class="note status-error" role="alert"></p>
      </div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'Running Monte Carlo estimate of KL(P‖Q) against the number of samples, log scale', height: 260 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    // The n slider moves in steps of 0.05 in log10(n).
    this.nSlider = createSlider({
      id: 'samples',
      label: 'Number of samples n',
      min: 1,
      max: 5,
      step: 0.05,
      value: Math.log10(this._values.samples),
      tone: 'm',
      format: (e) => formatCount(10 ** e),
      valueText: (e) => `${formatCount(10 ** e)} samples`,
      onInput: (e) => this.setFromUser({ samples: Math.round(10 ** e) }),
    });
    frame.querySelector('.n-slot').replaceWith(this.nSlider.element);
    this.qSliders = {};
    for (const s of [
      { name: 'muQ', id: 'mu-q', label: 'Mean μ<sub>Q</sub>', spoken: 'mean of Q', min: -3, max: 3, step: 0.1 },
      { name: 'sigmaQ', id: 'sigma-q', label: 'Standard deviation σ<sub>Q</sub>', spoken: 'standard deviation of Q', min: 0.3, max: 3, step: 0.05 },
    ]) {
      this.qSliders[s.name] = createSlider({
        ...s,
        value: this._values[s.name],
        tone: 'q',
        format: formatParameter,
        valueText: (v) => `${s.spoken}: ${formatParameter(v).replace('−', 'minus ')}`,
        onInput: (v) => this.setFromUser({ [s.name]: v }),
      });
      frame.querySelector('.dist-q').append(this.qSliders[s.name].element);
    }
    frame.querySelector('.resample').addEventListener('click', () => this.resample());
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.announce = createAnnouncer(frame);
  }

  /** Draws a fresh set of samples (seed + 1). */
  resample() {
    this.setFromUser({ seed: (this._values.seed + 1) % 4294967296 });
  }

  syncControls() {
    const { muP, sigmaP, samples, seed } = this._values;
    this.nSlider.set(Math.log10(samples));
    // The thumb snaps to the slider's grid; the texts show the exact n.
    this.nSlider.element.querySelector('.slider-value').textContent = formatCount(samples);
    this.nSlider.input.setAttribute('aria-valuetext', `${formatCount(samples)} samples`);
    for (const [name, s] of Object.entries(this.qSliders)) s.set(this._values[name]);
    const root = this.shadowRoot;
    root.querySelector('.p-params').textContent = `${formatParameter(muP)}, ${formatParameter(sigmaP)}²`;
    root.querySelector('.seed-now').textContent = String(seed);
    root.querySelector('.n-now').textContent = formatCount(samples);
  }

  compute() {
    const { muP, sigmaP, muQ, sigmaQ, samples: n, seed } = this._values;
    // Samples and ln p depend on P and the seed only; keep them while Q or n move.
    const key = `${muP}|${sigmaP}|${seed}`;
    if (!this.draws || this.draws.key !== key) {
      const x = normalSamples(N_MAX, muP, sigmaP, seed);
      this.draws = { key, x, logP: normalLogPdf(x, muP, sigmaP), qKey: '', logQ: null };
    }
    const qKey = `${muQ}|${sigmaQ}`;
    if (this.draws.qKey !== qKey) {
      this.draws.logQ = normalLogPdf(this.draws.x, muQ, sigmaQ);
      this.draws.qKey = qKey;
    }
    const { logP, logQ } = this.draws;
    // Running estimate at log-spaced checkpoints up to n.
    const ns = [];
    for (let k = 0; k <= CHECKPOINTS; k++) {
      const m = Math.round(N_MIN * (n / N_MIN) ** (k / CHECKPOINTS));
      if (m >= 2 && m !== ns[ns.length - 1]) ns.push(m);
    }
    const path = ns.map((m) => ({ n: m, ...klMonteCarlo(logP.subarray(0, m), logQ.subarray(0, m)) }));
    const final = path[path.length - 1];
    const closedForm = klNormal(muP, sigmaP, muQ, sigmaQ);
    return {
      path,
      values: {
        estimate: final.estimate,
        standardError: final.standardError,
        closedForm,
        zScore: final.standardError > 0 ? (final.estimate - closedForm) / final.standardError : 0,
      },
    };
  }

  get estimate() {
    return this.state?.values.estimate;
  }
  get standardError() {
    return this.state?.values.standardError;
  }
  get closedForm() {
    return this.state?.values.closedForm;
  }

  changeDetail(state) {
    const { muP, sigmaP, muQ, sigmaQ, samples, seed } = this._values;
    const { estimate, standardError, closedForm } = state.values;
    return { n: samples, seed, estimate, standardError, closedForm, muP, sigmaP, muQ, sigmaQ };
  }

  render(state) {
    const v = state.values;
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(v[key], key === 'zScore' ? 3 : 5);
      el.dataset.value = String(v[key]);
    }
    const n = this._values.samples;
    this.figure.setDescription(
      `With ${formatCount(n)} samples the estimate is ${formatNumber(v.estimate)} nats, standard error ${formatNumber(v.standardError)}; ` +
        `the closed form is ${formatNumber(v.closedForm)}. The band of ± 2 standard errors narrows as n grows.`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    this.announce(
      `${formatCount(n)} samples: estimate ${spokenNumber(v.estimate)} plus or minus ${spokenNumber(2 * v.standardError, 2)} nats; closed form ${spokenNumber(v.closedForm)}.`,
    );
  }

  draw(width, height) {
    const state = this.state;
    if (!state) return;
    const m = { top: 14, right: 22, bottom: 34, left: 44 };
    const innerWidth = width - m.left - m.right;
    const innerHeight = height - m.top - m.bottom;
    const g = layer(this.figure.root, 'g', 'main').attr('transform', `translate(${m.left},${m.top})`);
    const { path } = state;
    const truth = state.values.closedForm;
    const nMax = Math.max(100, this._values.samples);
    const x = scaleLog().domain([N_MIN, nMax]).range([0, innerWidth]);
    // y range: the band from n >= 30 on (earlier bands are very wide), and the truth.
    let lo = truth;
    let hi = truth;
    for (const d of path) {
      if (d.n < 30 && path.length > 3) continue;
      lo = Math.min(lo, d.estimate - 2 * d.standardError);
      hi = Math.max(hi, d.estimate + 2 * d.standardError);
    }
    const pad = (hi - lo) * 0.08 || 0.1;
    const y = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([innerHeight, 0])
      .nice(4);
    const [y0, y1] = y.domain();
    const clamp = (v) => Math.min(y1, Math.max(y0, v));
    drawGrid(layer(g, 'g', 'grid'), y, innerWidth, 4);
    layer(g, 'path', 'band').attr(
      'd',
      area()
        .x((d) => x(d.n))
        .y0((d) => y(clamp(d.estimate - 2 * d.standardError)))
        .y1((d) => y(clamp(d.estimate + 2 * d.standardError)))(path),
    );
    layer(g, 'line', 'truth').attr('x1', 0).attr('x2', innerWidth).attr('y1', y(truth)).attr('y2', y(truth));
    layer(g, 'path', 'estimate').attr(
      'd',
      line()
        .x((d) => x(d.n))
        .y((d) => y(clamp(d.estimate)))(path),
    );
    drawXAxis(layer(g, 'g', 'axis axis-x'), x, innerHeight, 10, (t) => (Number.isInteger(Math.log10(t)) ? formatCount(t) : ''));
    drawYAxis(layer(g, 'g', 'axis axis-y'), y, 4, formatTick);
    layer(g, 'text', 'axis-label')
      .attr('x', innerWidth)
      .attr('y', innerHeight + 30)
      .attr('text-anchor', 'end')
      .text('number of samples n (log scale)');
  }
}
