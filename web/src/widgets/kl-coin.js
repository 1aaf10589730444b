/**
 * <kl-coin>: KL divergence as extra code length, with a biased coin.
 *
 * P is the real coin (chance of heads p, default 0.7), Q the coin a code was designed for (q, default
 * 0.5: fair). An ideal code for Q spends −log₂ q bits on heads and −log₂(1 − q) on tails. Coding P's
 * tosses with it costs the cross-entropy H(P, Q) bits per toss instead of the entropy H(P) of the best
 * code for P: the difference is KL(P‖Q) = H(P, Q) − H(P), the extra bits per toss. The bars show it in
 * both directions (P's tosses with Q's code, and Q's tosses with P's code). The "Forecast" preset is the
 * weather example: a forecaster believes 70 % rain (Q) where the actual rate is 40 % (P).
 * Everything is in bits (klDivergence, entropy and crossEntropy with base 2).
 *
 * Attributes (reflected by properties):
 *   p        (p)        P's chance of the first outcome, 0.01..0.99, default 0.7
 *   q        (q)        Q's chance of the first outcome, 0.01..0.99, default 0.5
 *   scenario (scenario) "coin" (default: heads/tails) or "forecast" (rain/no rain, P actual, Q forecast)
 *   theme    (theme)    "auto" (default), "light" or "dark"
 *
 * Read-only properties (bits): klPQ, klQP, entropyP, entropyQ, crossEntropyPQ, crossEntropyQP;
 * ready (Promise), isReady.
 * Methods: preset('coin' | 'forecast') sets p, q and scenario as the buttons do.
 *
 * Events: `change` after the user moves a slider or picks a preset, and on the first render;
 * detail { p, q, scenario, klPQ, klQP, entropyP, entropyQ, crossEntropyPQ, crossEntropyQP }.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, button, results, table, note.
 */
import { crossEntropy, entropy, klDivergence } from '../index.js';
import { scaleBand, scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawXAxis, layer } from './plot.js';
import { createSlider } from './slider.js';

const SCENARIOS = {
  coin: {
    outcomes: ['heads', 'tails'],
    p: 'P: the real coin',
    q: 'Q: the coin the code assumes',
    pLabel: 'Chance of heads, p',
    qLabel: 'Chance of heads, q',
    rows: ['P, coded for Q', 'Q, coded for P'],
    unit: 'toss',
  },
  forecast: {
    outcomes: ['rain', 'no rain'],
    p: 'P: the actual weather',
    q: 'Q: the forecast',
    pLabel: 'Actual chance of rain, p',
    qLabel: 'Forecast chance of rain, q',
    rows: ['Actual, coded for the forecast', 'Forecast, coded for the actual'],
    unit: 'day',
  },
};

const PRESETS = { coin: { p: 0.7, q: 0.5, scenario: 'coin' }, forecast: { p: 0.4, q: 0.7, scenario: 'forecast' } };
const MARGIN = { top: 4, right: 12, bottom: 34, left: 4 };

const log2 = (x) => Math.log(x) / Math.LN2;

export class KlCoin extends DivergenceElement {
  static tagName = 'kl-coin';
  static props = [
    { name: 'p', attribute: 'p', type: 'number', default: 0.7, min: 0.01, max: 0.99 },
    { name: 'q', attribute: 'q', type: 'number', default: 0.5, min: 0.01, max: 0.99 },
    { name: 'scenario', attribute: 'scenario', type: 'enum', values: ['coin', 'forecast'], default: 'coin' },
  ];
  static styles = `
    .bar-entropy-p { fill: var(--_p); }
    .bar-entropy-q { fill: var(--_q); }
    .bar-extra { fill: var(--_bg); stroke-width: 2; }
    .bar-extra.from-p { stroke: var(--_p); fill: color-mix(in srgb, var(--_p) 18%, var(--_bg)); }
    .bar-extra.from-q { stroke: var(--_q); fill: color-mix(in srgb, var(--_q) 18%, var(--_bg)); }
    .bar-label { fill: var(--_text) !important; font-size: 12px !important; font-weight: 600; }
    .bar-value { fill: var(--_text) !important; font-size: 11.5px !important; }
    .swatch.box.extra-p { background: color-mix(in srgb, var(--_p) 18%, var(--_bg)); border: 2px solid var(--_p); }
    .codes td, .codes th { font-size: 0.9em; }
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
            <li><span class="swatch box p" aria-hidden="true"></span><span class="swatch box q" aria-hidden="true"></span>entropy: bits the best code needs</li>
            <li><span class="swatch box extra-p" aria-hidden="true"></span>extra bits = KL (lighter)</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-p"><legend class="p-name"></legend></fieldset>
          <fieldset class="dist-q"><legend class="q-name"></legend></fieldset>
          <div class="buttons" role="group" aria-label="Presets">
            <button type="button" part="button" data-preset="coin">Coin: 70/30 vs fair</button>
            <button type="button" part="button" data-preset="forecast">Forecast: 70 % rain believed, 40 % actual</button>
          </div>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>Bits per <span class="per">toss</span></caption>
          <thead><tr><th scope="col">data, code</th><th scope="col">best code</th><th scope="col">code used</th><th scope="col">extra = KL</th></tr></thead>
          <tbody>
            <tr><th scope="row" class="row-0"></th><td class="num" data-key="entropyP">…</td><td class="num" data-key="crossEntropyPQ">…</td><td class="num" data-key="klPQ">…</td></tr>
            <tr><th scope="row" class="row-1"></th><td class="num" data-key="entropyQ">…</td><td class="num" data-key="crossEntropyQP">…</td><td class="num" data-key="klQP">…</td></tr>
          </tbody>
        </table>
        <table part="table" class="codes">
          <caption>Ideal code lengths, bits (P’s code: −log₂ p, Q’s code: −log₂ q)</caption>
          <thead><tr><th scope="col">outcome</th><th scope="col">P</th><th scope="col">Q</th><th scope="col">−log₂ p</th><th scope="col">−log₂ q</th></tr></thead>
          <tbody>
            <tr><th scope="row" class="outcome-0"></th><td class="num" data-code="p0">…</td><td class="num" data-code="q0">…</td><td class="num" data-code="lp0">…</td><td class="num" data-code="lq0">…</td></tr>
            <tr><th scope="row" class="outcome-1"></th><td class="num" data-code="p1">…</td><td class="num" data-code="q1">…</td><td class="num" data-code="lp1">…</td><td class="num" data-code="lq1">…</td></tr>
          </tbody>
        </table>
        <p class="note" part="note">Code used = cross-entropy H(P, Q) = −Σ p log₂ q; extra = H(P, Q) − H(P) = KL(P‖Q). The two directions differ.</p>
        <p class="note status-error" role="alert"></p>
      </div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'Bits per outcome: entropy plus the KL extra, in both directions', height: 170 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.sliders = {
      p: createSlider({
        id: 'p',
        label: 'Chance of heads, p',
        min: 0.01,
        max: 0.99,
        step: 0.01,
        value: this._values.p,
        tone: 'p',
        format: formatParameter,
        valueText: (v) => `${this.names().pLabel}: ${formatParameter(v)}`,
        onInput: (v) => this.setFromUser({ p: v }),
      }),
      q: createSlider({
        id: 'q',
        label: 'Chance of heads, q',
        min: 0.01,
        max: 0.99,
        step: 0.01,
        value: this._values.q,
        tone: 'q',
        format: formatParameter,
        valueText: (v) => `${this.names().qLabel}: ${formatParameter(v)}`,
        onInput: (v) => this.setFromUser({ q: v }),
      }),
    };
    frame.querySelector('.dist-p').append(this.sliders.p.element);
    frame.querySelector('.dist-q').append(this.sliders.q.element);
    for (const b of frame.querySelectorAll('[data-preset]')) b.addEventListener('click', () => this.preset(b.dataset.preset));
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.codeCells = Object.fromEntries([...frame.querySelectorAll('[data-code]')].map((el) => [el.dataset.code, el]));
    this.announce = createAnnouncer(frame);
  }

  names() {
    return SCENARIOS[this._values?.scenario ?? 'coin'];
  }

  /** Applies a preset: 'coin' (70/30 against fair) or 'forecast' (40 % actual rain, 70 % forecast). */
  preset(name) {
    const values = PRESETS[name];
    if (values) this.setFromUser(values);
  }

  syncControls() {
    const n = this.names();
    const root = this.shadowRoot;
    root.querySelector('.p-name').textContent = n.p;
    root.querySelector('.q-name').textContent = n.q;
    root.querySelector('label[for="p"]').textContent = n.pLabel;
    root.querySelector('label[for="q"]').textContent = n.qLabel;
    root.querySelector('.row-0').textContent = n.rows[0];
    root.querySelector('.row-1').textContent = n.rows[1];
    root.querySelector('.outcome-0').textContent = n.outcomes[0];
    root.querySelector('.outcome-1').textContent = n.outcomes[1];
    root.querySelector('.per').textContent = n.unit;
    this.sliders.p.set(this._values.p);
    this.sliders.q.set(this._values.q);
  }

  compute() {
    const { p, q } = this._values;
    const P = [p, 1 - p];
    const Q = [q, 1 - q];
    const bits = { base: 2 };
    return {
      P,
      Q,
      values: {
        klPQ: klDivergence(P, Q, bits),
        klQP: klDivergence(Q, P, bits),
        entropyP: entropy(P, bits),
        entropyQ: entropy(Q, bits),
        crossEntropyPQ: crossEntropy(P, Q, bits),
        crossEntropyQP: crossEntropy(Q, P, bits),
      },
    };
  }

  get klPQ() {
    return this.state?.values.klPQ;
  }
  get klQP() {
    return this.state?.values.klQP;
  }
  get entropyP() {
    return this.state?.values.entropyP;
  }
  get entropyQ() {
    return this.state?.values.entropyQ;
  }
  get crossEntropyPQ() {
    return this.state?.values.crossEntropyPQ;
  }
  get crossEntropyQP() {
    return this.state?.values.crossEntropyQP;
  }

  changeDetail(state) {
    const { p, q, scenario } = this._values;
    return { p, q, scenario, ...state.values };
  }

  render(state) {
    const v = state.values;
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(v[key], 5);
      el.dataset.value = String(v[key]);
    }
    const cells = {
      p0: state.P[0],
      p1: state.P[1],
      q0: state.Q[0],
      q1: state.Q[1],
      lp0: -log2(state.P[0]),
      lp1: -log2(state.P[1]),
      lq0: -log2(state.Q[0]),
      lq1: -log2(state.Q[1]),
    };
    for (const [key, el] of Object.entries(this.codeCells)) el.textContent = formatNumber(cells[key], 4);
    const n = this.names();
    this.figure.setDescription(
      `${n.rows[0]}: ${formatNumber(v.entropyP)} bits with the best code plus ${formatNumber(v.klPQ)} extra bits = ${formatNumber(v.crossEntropyPQ)} bits per ${n.unit}. ` +
        `${n.rows[1]}: ${formatNumber(v.entropyQ)} plus ${formatNumber(v.klQP)} extra = ${formatNumber(v.crossEntropyQP)} bits.`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    this.announce(`KL(P‖Q) ${spokenNumber(v.klPQ)} extra bits per ${n.unit}; KL(Q‖P) ${spokenNumber(v.klQP)} bits.`);
  }

  draw(width, height) {
    const v = this.state?.values;
    if (!v) return;
    const g = this.figure.root;
    const n = this.names();
    const innerWidth = width - MARGIN.left - MARGIN.right;
    const innerHeight = height - MARGIN.top - MARGIN.bottom;
    const max = Math.max(1.2, v.crossEntropyPQ, v.crossEntropyQP);
    const x = scaleLinear().domain([0, max]).range([0, innerWidth]).nice();
    // Each row: its label and numbers on a line, the bar below.
    const y = scaleBand().domain([0, 1]).range([0, innerHeight]).paddingInner(0.2);
    const barTop = (i) => y(i) + 18;
    const barHeight = y.bandwidth() - 18;
    const plot = layer(g, 'g', 'bars').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    const rows = [
      { from: 'p', h: v.entropyP, kl: v.klPQ, ce: v.crossEntropyPQ, label: n.rows[0] },
      { from: 'q', h: v.entropyQ, kl: v.klQP, ce: v.crossEntropyQP, label: n.rows[1] },
    ];
    plot
      .selectAll('rect.bar-entropy')
      .data(rows)
      .join('rect')
      .attr('class', (d) => `bar-entropy bar-entropy-${d.from}`)
      .attr('x', 0)
      .attr('y', (_, i) => barTop(i))
      .attr('height', barHeight)
      .attr('width', (d) => x(d.h));
    plot
      .selectAll('rect.bar-extra')
      .data(rows)
      .join('rect')
      .attr('class', (d) => `bar-extra from-${d.from}`)
      .attr('x', (d) => x(d.h))
      .attr('y', (_, i) => barTop(i) + 1)
      .attr('height', barHeight - 2)
      .attr('width', (d) => Math.max(0, x(d.ce) - x(d.h)));
    plot
      .selectAll('text.bar-label')
      .data(rows)
      .join('text')
      .attr('class', 'bar-label')
      .attr('x', 0)
      .attr('y', (_, i) => y(i) + 12)
      .text((d) => d.label);
    plot
      .selectAll('text.bar-value')
      .data(rows)
      .join('text')
      .attr('class', 'bar-value')
      .attr('x', innerWidth)
      .attr('text-anchor', 'end')
      .attr('y', (_, i) => y(i) + 12)
      .text((d) => `${formatNumber(d.h, 3)} + ${formatNumber(d.kl, 3)} = ${formatNumber(d.ce, 3)}`);
    drawXAxis(layer(plot, 'g', 'axis axis-x'), x, innerHeight, width < 420 ? 4 : 6);
    layer(plot, 'text', 'axis-label')
      .attr('x', innerWidth)
      .attr('y', innerHeight + 30)
      .attr('text-anchor', 'end')
      .text(`bits per ${n.unit}`);
  }
}
