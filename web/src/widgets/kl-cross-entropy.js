/**
 * <kl-cross-entropy>: cross-entropy = entropy + KL, for a classifier's softmax output.
 *
 * A small classification problem: P is the true label distribution (one class, softened by label
 * smoothing: the true class gets 1 − ε + ε/k, every other class ε/k), Q = softmax(logits) is the
 * model's prediction, with one logit slider per class. Bars show P and Q per class, and one stacked
 * bar shows H(P, Q) = H(P) + KL(P‖Q): the cross-entropy loss a training step sees splits into the
 * part no model can remove (the entropy of the labels) and the part it can (the KL divergence).
 * Perplexity exp(H) (or 2^H in bits: the same number) is the effective number of equally likely
 * classes. KL is computed from the logits directly (klDivergence with qScale 'logits', a stable
 * log-sum-exp), cross-entropy with crossEntropy on softmax(logits), entropy with entropy.
 *
 * Attributes (reflected by properties):
 *   logits    (logits: number[])  comma-separated logits, one per class, each −6..6; default "2.2,0.8,-0.5,-1"
 *   classes   (classes: string[]) comma-separated class names; default "cat,dog,fox,owl"
 *                                 (the number of classes is the number of logits, 2..8; missing names are "class n")
 *   label     (label)             index of the true class, default 0
 *   smoothing (smoothing)         label smoothing ε, 0..0.5, default 0.1
 *   unit      (unit)              "nats" (default) or "bits"
 *   theme     (theme)             "auto" (default), "light" or "dark"
 *
 * Read-only properties (in `unit`): crossEntropy, entropy, kl, perplexity (unitless), p and q
 * (Float64Array probabilities); ready (Promise), isReady.
 *
 * Events: `change` after user input and on the first render;
 * detail { logits, label, smoothing, p, q, crossEntropy, entropy, kl, perplexity, unit }.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, results, table, note, formula.
 */
import { crossEntropy, entropy, klDivergence, softmax } from '../index.js';
import { scaleBand, scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer } from './plot.js';
import { createSlider } from './slider.js';

const MAX_CLASSES = 8;
const parseLogits = (parts) => {
  const v = parts.map(Number);
  if (v.length < 2 || v.length > MAX_CLASSES || !v.every(Number.isFinite)) return null;
  return v.map((x) => Math.min(6, Math.max(-6, x)));
};

const IDENTITY_MATH = `<math display="block" aria-label="H of P and Q equals H of P plus KL of P given Q">
<mrow><mi>H</mi><mo stretchy="false">(</mo><mi>P</mi><mo>,</mo><mi>Q</mi><mo stretchy="false">)</mo><mo>=</mo>
<mo>−</mo><munder><mo movablelimits="false">∑</mo><mi>k</mi></munder><msub><mi>p</mi><mi>k</mi></msub><mi>log</mi><mo>⁡</mo><msub><mi>q</mi><mi>k</mi></msub>
<mo>=</mo><mi>H</mi><mo stretchy="false">(</mo><mi>P</mi><mo stretchy="false">)</mo><mo>+</mo>
<msub><mi>D</mi><mi>KL</mi></msub><mo stretchy="false">(</mo><mi>P</mi><mo>‖</mo><mi>Q</mi><mo stretchy="false">)</mo></mrow></math>`;

export class KlCrossEntropy extends DivergenceElement {
  static tagName = 'kl-cross-entropy';
  static props = [
    { name: 'logits', attribute: 'logits', type: 'list', default: [2.2, 0.8, -0.5, -1], parse: parseLogits },
    { name: 'classes', attribute: 'classes', type: 'list', default: ['cat', 'dog', 'fox', 'owl'], parse: (parts) => parts.filter(Boolean) },
    { name: 'label', attribute: 'label', type: 'integer', default: 0, min: 0, max: MAX_CLASSES - 1 },
    { name: 'smoothing', attribute: 'smoothing', type: 'number', default: 0.1, min: 0, max: 0.5 },
    { name: 'unit', attribute: 'unit', type: 'enum', values: ['nats', 'bits'], default: 'nats' },
  ];
  static styles = `
    .bar-p { fill: var(--_p); }
    .bar-q { fill: var(--_q); }
    .seg-h { fill: var(--_p); }
    .seg-kl { fill: color-mix(in srgb, var(--_q) 22%, var(--_bg)); stroke: var(--_q); stroke-width: 2; }
    .stack-label { fill: var(--_text) !important; font-size: 12px !important; }
    .logit-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5em, 1fr)); gap: 0.2em 1em; }
    .logit-grid .slider + .slider { margin-top: 0; }
    select { font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border); border-radius: 6px; padding: 0.25em 0.4em; min-height: 2.2em; }
    .row-inline { display: flex; flex-wrap: wrap; gap: 0.4em 0.8em; align-items: center; }
    .swatch.box.kl { background: color-mix(in srgb, var(--_q) 22%, var(--_bg)); border: 2px solid var(--_q); }
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
            <li><span class="swatch box p" aria-hidden="true"></span>P, true labels</li>
            <li><span class="swatch box q" aria-hidden="true"></span>Q = softmax(logits)</li>
            <li><span class="swatch box kl" aria-hidden="true"></span>KL(P‖Q), the part training can remove</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-p"><legend>P: true label distribution</legend>
            <div class="row-inline"><label for="label-select">True class</label><select id="label-select" part="select"></select></div>
            <div class="smoothing-slot"></div>
          </fieldset>
          <fieldset class="dist-q"><legend>Q: the model’s logits</legend><div class="logit-grid"></div></fieldset>
          <fieldset class="unit-choice"><legend>Unit</legend>
            <div class="choices">
              <label><input type="radio" name="unit" value="nats"> nats</label>
              <label><input type="radio" name="unit" value="bits"> bits</label>
            </div>
          </fieldset>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>Loss decomposition, in <span class="unit-name">nats</span></caption>
          <thead><tr><th scope="col">quantity</th><th scope="col">value</th><th scope="col">perplexity</th></tr></thead>
          <tbody>
            <tr><th scope="row">cross-entropy H(P, Q)</th><td class="num" data-key="crossEntropy">…</td><td class="num" data-key="perplexity">…</td></tr>
            <tr><th scope="row">entropy H(P)</th><td class="num" data-key="entropy">…</td><td class="num" data-key="perplexityP">…</td></tr>
            <tr><th scope="row">KL(P‖Q)</th><td class="num" data-key="kl">…</td><td class="num">–</td></tr>
          </tbody>
        </table>
        <p class="note" part="note">Perplexity = e<sup>H</sup> in nats (2<sup>H</sup> in bits): the number of equally likely classes with the same uncertainty.
          KL from the logits by log-sum-exp (no overflow for large logits).</p>
        <p class="note status-error" role="alert"></p>
      </div>
      <div class="formula" part="formula">${IDENTITY_MATH}</div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'True label distribution P and predicted distribution Q per class, and the cross-entropy split into entropy and KL', height: 260 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.select = frame.querySelector('#label-select');
    this.select.addEventListener('change', () => this.setFromUser({ label: Number(this.select.value) }));
    this.smoothingSlider = createSlider({
      id: 'smoothing',
      label: 'Label smoothing ε',
      min: 0,
      max: 0.5,
      step: 0.01,
      value: this._values.smoothing,
      tone: 'p',
      format: formatParameter,
      valueText: (v) => `label smoothing ${formatParameter(v)}`,
      onInput: (v) => this.setFromUser({ smoothing: v }),
    });
    frame.querySelector('.smoothing-slot').replaceWith(this.smoothingSlider.element);
    this.unitRadios = [...frame.querySelectorAll('input[name="unit"]')];
    for (const r of this.unitRadios) r.addEventListener('change', () => this.setFromUser({ unit: r.value }));
    this.logitGrid = frame.querySelector('.logit-grid');
    this.logitSliders = [];
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.announce = createAnnouncer(frame);
  }

  className(i) {
    return this._values.classes[i] ?? `class ${i + 1}`;
  }

  /** (Re)creates one slider per logit when the number of classes changes. */
  ensureLogitSliders() {
    const k = this._values.logits.length;
    if (this.logitSliders.length !== k) {
      this.logitGrid.replaceChildren();
      this.logitSliders = this._values.logits.map((value, i) => {
        const s = createSlider({
          id: `logit-${i}`,
          label: '',
          min: -6,
          max: 6,
          step: 0.1,
          value,
          tone: 'q',
          format: formatParameter,
          valueText: (v) => `logit of ${this.className(i)}: ${formatParameter(v).replace('−', 'minus ')}`,
          onInput: (v) => {
            const logits = [...this._values.logits];
            logits[i] = v;
            this.setFromUser({ logits });
          },
        });
        this.logitGrid.append(s.element);
        return s;
      });
      this.select.replaceChildren(...this._values.logits.map((_, i) => new Option('', String(i))));
    }
  }

  syncControls() {
    this.ensureLogitSliders();
    const { logits, label, smoothing, unit } = this._values;
    this.logitSliders.forEach((s, i) => {
      s.element.querySelector('label').textContent = `Logit z(${this.className(i)})`;
      s.set(logits[i]);
    });
    [...this.select.options].forEach((o, i) => (o.textContent = this.className(i)));
    this.select.value = String(Math.min(label, logits.length - 1));
    this.smoothingSlider.set(smoothing);
    for (const r of this.unitRadios) r.checked = r.value === unit;
    this.shadowRoot.querySelector('.unit-name').textContent = unit;
  }

  compute() {
    const { logits, smoothing, unit } = this._values;
    const k = logits.length;
    const label = Math.min(this._values.label, k - 1);
    const p = new Float64Array(k).fill(smoothing / k);
    p[label] += 1 - smoothing;
    const base = unit === 'bits' ? 2 : Math.E;
    const q = softmax(logits);
    const kl = klDivergence(p, logits, { qScale: 'logits', base });
    const h = entropy(p, { base });
    const ce = crossEntropy(p, q, { base });
    return {
      p,
      q,
      label,
      values: { crossEntropy: ce, entropy: h, kl, perplexity: base ** ce, perplexityP: base ** h },
    };
  }

  get crossEntropy() {
    return this.state?.values.crossEntropy;
  }
  get entropy() {
    return this.state?.values.entropy;
  }
  get kl() {
    return this.state?.values.kl;
  }
  get perplexity() {
    return this.state?.values.perplexity;
  }
  get p() {
    return this.state?.p;
  }
  get q() {
    return this.state?.q;
  }

  changeDetail(state) {
    const { logits, smoothing, unit } = this._values;
    const { crossEntropy: ce, entropy: h, kl, perplexity } = state.values;
    return { logits: [...logits], label: state.label, smoothing, p: Array.from(state.p), q: Array.from(state.q), crossEntropy: ce, entropy: h, kl, perplexity, unit };
  }

  render(state) {
    const v = state.values;
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(v[key], 5);
      el.dataset.value = String(v[key]);
    }
    const { unit } = this._values;
    const list = Array.from(state.q, (qk, i) => `${this.className(i)} ${formatNumber(100 * qk, 3)} %`).join(', ');
    this.figure.setDescription(
      `True class ${this.className(state.label)} with label smoothing ${this._values.smoothing}. Predicted: ${list}. ` +
        `Cross-entropy ${formatNumber(v.crossEntropy)} ${unit} = entropy ${formatNumber(v.entropy)} + KL ${formatNumber(v.kl)}.`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    this.announce(
      `Cross-entropy ${spokenNumber(v.crossEntropy)} ${unit}: entropy ${spokenNumber(v.entropy)} plus KL ${spokenNumber(v.kl)}. Perplexity ${spokenNumber(v.perplexity, 3)}.`,
    );
  }

  draw(width, height) {
    const state = this.state;
    if (!state) return;
    const g = this.figure.root;
    const k = state.p.length;
    const m = { top: 20, right: 8, bottom: 22, left: 36 };
    const stackHeight = 56;
    const barsHeight = height - m.top - m.bottom - stackHeight - 24;
    const innerWidth = width - m.left - m.right;

    const bars = layer(g, 'g', 'class-bars').attr('transform', `translate(${m.left},${m.top})`);
    const x0 = scaleBand()
      .domain(Array.from({ length: k }, (_, i) => i))
      .range([0, innerWidth])
      .paddingInner(0.25)
      .paddingOuter(0.1);
    const x1 = scaleBand().domain(['p', 'q']).range([0, x0.bandwidth()]).padding(0.08);
    const y = scaleLinear().domain([0, 1]).range([barsHeight, 0]);
    drawGrid(layer(bars, 'g', 'grid'), y, innerWidth, 4);
    const data = [];
    for (let i = 0; i < k; i++) data.push({ i, key: 'p', v: state.p[i] }, { i, key: 'q', v: state.q[i] });
    bars
      .selectAll('rect.bar')
      .data(data)
      .join('rect')
      .attr('class', (d) => `bar bar-${d.key}`)
      .attr('x', (d) => x0(d.i) + x1(d.key))
      .attr('width', x1.bandwidth())
      .attr('y', (d) => y(d.v))
      .attr('height', (d) => barsHeight - y(d.v));
    drawYAxis(layer(bars, 'g', 'axis axis-y'), y, 4);
    drawXAxis(layer(bars, 'g', 'axis axis-x'), x0, barsHeight, k, (i) => this.className(i));
    layer(bars, 'text', 'panel-title').attr('x', 0).attr('y', -8).text('Probability per class');

    const { unit } = this._values;
    const v = state.values;
    const stack = layer(g, 'g', 'stack').attr('transform', `translate(${m.left},${m.top + barsHeight + 24 + 18})`);
    const xs = scaleLinear()
      .domain([0, Math.max(v.crossEntropy, unit === 'bits' ? 1 : 0.7)])
      .range([0, innerWidth])
      .nice();
    layer(stack, 'text', 'panel-title').attr('x', 0).attr('y', -6).text(`H(P, Q) = H(P) + KL(P‖Q), ${unit}`);
    layer(stack, 'rect', 'seg-h').attr('x', 0).attr('y', 0).attr('height', 20).attr('width', xs(v.entropy));
    layer(stack, 'rect', 'seg-kl')
      .attr('x', xs(v.entropy))
      .attr('y', 1)
      .attr('height', 18)
      .attr('width', Math.max(0, xs(v.crossEntropy) - xs(v.entropy)));
    drawXAxis(layer(stack, 'g', 'axis axis-x'), xs, 20, width < 420 ? 4 : 6);
  }
}
