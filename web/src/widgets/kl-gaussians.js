/**
 * <kl-gaussians>: KL divergence between two normal distributions, live.
 *
 * P = N(μP, σP²) and Q = N(μQ, σQ²) with four sliders. The upper panel draws the densities, the lower
 * one the pointwise term p(x)·ln(p(x)/q(x)), shaded above and below zero: its signed area is
 * KL(P‖Q). A table shows KL(P‖Q), KL(Q‖P) and the Jensen–Shannon divergence JS(P, Q): the closed
 * form (klNormal) beside the numerical integral (klGridLog over normalLogPdf on a grid of `points`
 * points spanning μ ± 12σ of both). JS has no closed form for two normals: it is the trapezoid rule
 * over the pointwise Jensen–Shannon terms pointwiseTerms('jensen-shannon', p, q, { normalize: false })
 * of the two densities on the same grid.
 *
 * Attributes (each reflected by a property of the camel-case name):
 *   mu-p     (muP)     mean of P, −3..3, default 0
 *   mu-q     (muQ)     mean of Q, −3..3, default 1
 *   sigma-p  (sigmaP)  standard deviation of P, 0.3..2, default 1
 *   sigma-q  (sigmaQ)  standard deviation of Q, 0.3..2, default 1
 *   unit     (unit)    "nats" (default) or "bits": unit of the table and of the read-only properties
 *   points   (points)  grid points of the numerical integrals and of the plot, 100..20000, default 1000
 *   theme    (theme)   "auto" (default: follows prefers-color-scheme), "light" or "dark"
 * Values outside a range are clamped; unparsable ones fall back to the default.
 *
 * Read-only properties (in `unit`): klPQ, klQP (closed form), js (numerical), klPQNumerical,
 * klQPNumerical; ready (Promise, resolves after the first render); isReady (boolean).
 *
 * Events: `change` (CustomEvent, bubbles) after the user moves a slider or the unit, and once when the
 * first results are shown; detail { muP, muQ, sigmaP, sigmaQ, klPQ, klQP, js, unit }. Setting an
 * attribute or property yourself does not fire it (read the properties right after).
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, results, table, note, formula.
 */
import { klGridLog, klNormal, klTerms, normalLogPdf, normalPdf, pointwiseTerms } from '../index.js';
import { area, line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer, linspace, maxOf, minOf, trapezoid } from './plot.js';
import { createSlider } from './slider.js';

const X_MIN = -6;
const X_MAX = 6;
const WINDOW_SIGMAS = 12;
const MARGIN = { top: 22, right: 12, bottom: 24, left: 44 };
const GAP = 44;

const SLIDERS = [
  { name: 'muP', id: 'mu-p', label: 'Mean μ<sub>P</sub>', spoken: 'mean of P', min: -3, max: 3, step: 0.1, tone: 'p', group: 'p' },
  { name: 'sigmaP', id: 'sigma-p', label: 'Standard deviation σ<sub>P</sub>', spoken: 'standard deviation of P', min: 0.3, max: 2, step: 0.05, tone: 'p', group: 'p' },
  { name: 'muQ', id: 'mu-q', label: 'Mean μ<sub>Q</sub>', spoken: 'mean of Q', min: -3, max: 3, step: 0.1, tone: 'q', group: 'q' },
  { name: 'sigmaQ', id: 'sigma-q', label: 'Standard deviation σ<sub>Q</sub>', spoken: 'standard deviation of Q', min: 0.3, max: 2, step: 0.05, tone: 'q', group: 'q' },
];

const CLOSED_FORM_MATH = `<math display="block" aria-label="KL of P given Q equals ln of sigma Q over sigma P, plus sigma P squared plus the squared difference of the means, over 2 sigma Q squared, minus one half">
<mrow><msub><mi>D</mi><mi>KL</mi></msub><mo stretchy="false">(</mo><mi>P</mi><mo>‖</mo><mi>Q</mi><mo stretchy="false">)</mo><mo>=</mo>
<mi>ln</mi><mo>⁡</mo><mfrac><msub><mi>σ</mi><mi>Q</mi></msub><msub><mi>σ</mi><mi>P</mi></msub></mfrac><mo>+</mo>
<mfrac><mrow><msubsup><mi>σ</mi><mi>P</mi><mn>2</mn></msubsup><mo>+</mo><msup><mrow><mo stretchy="false">(</mo><msub><mi>μ</mi><mi>P</mi></msub><mo>−</mo><msub><mi>μ</mi><mi>Q</mi></msub><mo stretchy="false">)</mo></mrow><mn>2</mn></msup></mrow>
<mrow><mn>2</mn><msubsup><mi>σ</mi><mi>Q</mi><mn>2</mn></msubsup></mrow></mfrac><mo>−</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow></math>`;

export class KlGaussians extends DivergenceElement {
  static tagName = 'kl-gaussians';
  static props = [
    { name: 'muP', attribute: 'mu-p', type: 'number', default: 0, min: -3, max: 3 },
    { name: 'muQ', attribute: 'mu-q', type: 'number', default: 1, min: -3, max: 3 },
    { name: 'sigmaP', attribute: 'sigma-p', type: 'number', default: 1, min: 0.3, max: 2 },
    { name: 'sigmaQ', attribute: 'sigma-q', type: 'number', default: 1, min: 0.3, max: 2 },
    { name: 'unit', attribute: 'unit', type: 'enum', values: ['nats', 'bits'], default: 'nats' },
    { name: 'points', attribute: 'points', type: 'integer', default: 1000, min: 100, max: 20000 },
  ];
  static styles = `
    .results table td.num { min-width: 8ch; }
    .unit-choice { border: 0; padding: 0; }
    .unit-choice legend { font-weight: 600; padding: 0; margin-bottom: 0.2em; }
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
            <li><span class="swatch p" aria-hidden="true"></span>p(x), density of P</li>
            <li><span class="swatch q" aria-hidden="true"></span>q(x), density of Q (dashed)</li>
            <li><span class="swatch box pos" aria-hidden="true"></span>term &gt; 0 (p &gt; q)</li>
            <li><span class="swatch box neg" aria-hidden="true"></span>term &lt; 0 (p &lt; q)</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-p"><legend>P = N(μ<sub>P</sub>, σ<sub>P</sub>²)</legend></fieldset>
          <fieldset class="dist-q"><legend>Q = N(μ<sub>Q</sub>, σ<sub>Q</sub>²)</legend></fieldset>
          <fieldset class="unit-choice"><legend>Unit</legend>
            <div class="choices">
              <label><input type="radio" name="unit" value="nats"> nats (ln)</label>
              <label><input type="radio" name="unit" value="bits"> bits (log₂)</label>
            </div>
          </fieldset>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>Divergences between P and Q, in <span class="unit-name">nats</span></caption>
          <thead><tr><th scope="col">measure</th><th scope="col">closed form</th><th scope="col">numerical integral</th></tr></thead>
          <tbody>
            <tr><th scope="row">KL(P‖Q)</th><td class="num" data-key="klPQ">…</td><td class="num" data-key="klPQNumerical">…</td></tr>
            <tr><th scope="row">KL(Q‖P)</th><td class="num" data-key="klQP">…</td><td class="num" data-key="klQPNumerical">…</td></tr>
            <tr><th scope="row">JS(P, Q)</th><td class="num">none</td><td class="num" data-key="js">…</td></tr>
          </tbody>
        </table>
        <p class="note" part="note">Closed form: klNormal. Numerical: trapezoid rule on <span class="grid-size">1000</span> points over
          <span class="grid-window">μ ± 12σ</span> (KL: klGridLog on normalLogPdf; JS: its pointwise terms).</p>
        <p class="note status-error" role="alert"></p>
      </div>
      <div class="formula" part="formula">${CLOSED_FORM_MATH}</div>`;
    root.append(frame);

    this.figure = createFigure({ title: 'Densities of P and Q, and the pointwise KL term', height: 320 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.sliders = {};
    for (const s of SLIDERS) {
      const slider = createSlider({
        id: s.id,
        label: s.label,
        min: s.min,
        max: s.max,
        step: s.step,
        value: this._values[s.name],
        tone: s.tone,
        format: formatParameter,
        valueText: (v) => `${s.spoken}: ${formatParameter(v).replace('−', 'minus ')}`,
        onInput: (v) => this.setFromUser({ [s.name]: v }),
      });
      frame.querySelector(`.dist-${s.group}`).append(slider.element);
      this.sliders[s.name] = slider;
    }
    this.unitRadios = [...frame.querySelectorAll('input[name="unit"]')];
    for (const r of this.unitRadios) r.addEventListener('change', () => this.setFromUser({ unit: r.value }));
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.announce = createAnnouncer(frame);
  }

  syncControls() {
    for (const [name, slider] of Object.entries(this.sliders)) slider.set(this._values[name]);
    for (const r of this.unitRadios) r.checked = r.value === this._values.unit;
    this.shadowRoot.querySelector('.unit-name').textContent = this._values.unit;
  }

  compute() {
    const { muP, muQ, sigmaP, sigmaQ, unit, points } = this._values;
    const scale = unit === 'bits' ? 1 / Math.LN2 : 1;
    if (!this.plotX || this.plotX.length !== points) this.plotX = linspace(X_MIN, X_MAX, points);
    const p = normalPdf(this.plotX, muP, sigmaP);
    const q = normalPdf(this.plotX, muQ, sigmaQ);
    const terms = klTerms(p, q, { normalize: false });

    // The integration grid: μ ± 12σ of both densities.
    const lo = Math.min(muP - WINDOW_SIGMAS * sigmaP, muQ - WINDOW_SIGMAS * sigmaQ);
    const hi = Math.max(muP + WINDOW_SIGMAS * sigmaP, muQ + WINDOW_SIGMAS * sigmaQ);
    const x = linspace(lo, hi, points);
    const logP = normalLogPdf(x, muP, sigmaP);
    const logQ = normalLogPdf(x, muQ, sigmaQ);
    const klPQNumerical = klGridLog(x, logP, logQ);
    const klQPNumerical = klGridLog(x, logQ, logP);
    const jsTerms = pointwiseTerms('jensen-shannon', normalPdf(x, muP, sigmaP), normalPdf(x, muQ, sigmaQ), { normalize: false });
    const js = trapezoid(x, jsTerms);

    const klPQ = klNormal(muP, sigmaP, muQ, sigmaQ);
    const klQP = klNormal(muQ, sigmaQ, muP, sigmaP);
    return {
      p,
      q,
      terms,
      window: [lo, hi],
      values: {
        klPQ: klPQ * scale,
        klQP: klQP * scale,
        js: js * scale,
        klPQNumerical: klPQNumerical * scale,
        klQPNumerical: klQPNumerical * scale,
      },
    };
  }

  get klPQ() {
    return this.state?.values.klPQ;
  }
  get klQP() {
    return this.state?.values.klQP;
  }
  get js() {
    return this.state?.values.js;
  }
  get klPQNumerical() {
    return this.state?.values.klPQNumerical;
  }
  get klQPNumerical() {
    return this.state?.values.klQPNumerical;
  }

  changeDetail(state) {
    const { muP, muQ, sigmaP, sigmaQ, unit } = this._values;
    const { klPQ, klQP, js } = state.values;
    return { muP, muQ, sigmaP, sigmaQ, klPQ, klQP, js, unit };
  }

  render(state) {
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(state.values[key], 6);
      el.dataset.value = String(state.values[key]);
    }
    const root = this.shadowRoot;
    root.querySelector('.grid-size').textContent = String(this._values.points);
    root.querySelector('.grid-window').textContent = `[${formatNumber(state.window[0], 3)}, ${formatNumber(state.window[1], 3)}]`;
    const { muP, muQ, sigmaP, sigmaQ, unit } = this._values;
    const v = state.values;
    this.figure.setDescription(
      `P is normal with mean ${muP} and standard deviation ${sigmaP} (solid curve); Q has mean ${muQ} and standard deviation ${sigmaQ} (dashed). ` +
        `The lower panel shades p(x) ln(p(x)/q(x)): positive where p is above q, negative where below; its signed area is KL(P‖Q) = ${formatNumber(v.klPQ)} ${unit}.`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    this.announce(
      `KL(P‖Q) ${spokenNumber(v.klPQ)} ${unit}, KL(Q‖P) ${spokenNumber(v.klQP)} ${unit}, Jensen-Shannon ${spokenNumber(v.js)} ${unit}.`,
    );
  }

  draw(width, height) {
    const state = this.state;
    if (!state) return;
    const g = this.figure.root;
    const innerWidth = width - MARGIN.left - MARGIN.right;
    const panel = (height - MARGIN.top - MARGIN.bottom - GAP) / 2;
    const x = scaleLinear().domain([X_MIN, X_MAX]).range([0, innerWidth]);
    const ticks = width < 420 ? 5 : 9;
    const xs = this.plotX;

    const top = layer(g, 'g', 'panel-top').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    const yD = scaleLinear()
      .domain([0, Math.max(maxOf(state.p), maxOf(state.q)) * 1.08])
      .range([panel, 0])
      .nice(4);
    drawGrid(layer(top, 'g', 'grid'), yD, innerWidth, 4);
    const fillP = layer(top, 'path', 'fill-p');
    const curveP = layer(top, 'path', 'curve-p');
    const curveQ = layer(top, 'path', 'curve-q');
    drawXAxis(layer(top, 'g', 'axis axis-x'), x, panel, ticks);
    drawYAxis(layer(top, 'g', 'axis axis-y'), yD, 4);
    layer(top, 'text', 'panel-title').attr('x', 0).attr('y', -8).text('Densities p(x) and q(x)');
    const lineOf = (values, y) =>
      line()
        .x((_, i) => x(xs[i]))
        .y((v) => y(v))(values);
    fillP.attr(
      'd',
      area()
        .x((_, i) => x(xs[i]))
        .y0(panel)
        .y1((v) => yD(v))(state.p),
    );
    curveP.attr('d', lineOf(state.p, yD));
    curveQ.attr('d', lineOf(state.q, yD));

    const bottom = layer(g, 'g', 'panel-bottom').attr('transform', `translate(${MARGIN.left},${MARGIN.top + panel + GAP})`);
    const terms = Array.from(state.terms, (t) => (Number.isFinite(t) ? t : 0));
    let lo = Math.min(0, minOf(terms));
    let hi = Math.max(0, maxOf(terms));
    if (hi - lo < 1e-12) hi = lo + 1;
    const pad = (hi - lo) * 0.06;
    const yT = scaleLinear()
      .domain([lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0])
      .range([panel, 0])
      .nice(4);
    drawGrid(layer(bottom, 'g', 'grid'), yT, innerWidth, 4);
    const y0 = yT(0);
    const shaded = (clip) =>
      area()
        .x((_, i) => x(xs[i]))
        .y0(y0)
        .y1((t) => yT(clip(t)))(terms);
    layer(bottom, 'path', 'term-pos').attr('d', shaded((t) => Math.max(t, 0)));
    layer(bottom, 'path', 'term-neg').attr('d', shaded((t) => Math.min(t, 0)));
    layer(bottom, 'path', 'term-line').attr('d', lineOf(terms, yT));
    layer(bottom, 'line', 'zero-line').attr('x1', 0).attr('x2', innerWidth).attr('y1', y0).attr('y2', y0);
    drawXAxis(layer(bottom, 'g', 'axis axis-x'), x, panel, ticks);
    drawYAxis(layer(bottom, 'g', 'axis axis-y'), yT, 4);
    layer(bottom, 'text', 'panel-title').attr('x', 0).attr('y', -8).text('Pointwise term p(x) ln(p(x)/q(x)), nats');
  }
}
