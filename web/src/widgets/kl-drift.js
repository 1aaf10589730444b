/**
 * <kl-drift>: data-drift monitoring with the Population Stability Index or the JS distance.
 *
 * A feature's training sample (5,000 values from N(0, 1)) against a production sample (2,000
 * values, z · spread + shift with standard normal z): both are binned on the same 12 bins (ten of
 * width 0.6 over [−3, 3] and two open-ended tail bins) and compared as is done in model monitoring.
 * PSI = Σ (prodᵢ − trainᵢ) ln(prodᵢ / trainᵢ) on bin proportions smoothed with `epsilon` (an empty bin
 * gets probability ε, then renormalised; psi with { smoothing: { epsilon } }); the usual reading is
 * < 0.1 stable, 0.1–0.25 moderate shift, ≥ 0.25 major shift. The alternative is the Jensen–Shannon
 * distance (jsDistance, natural log, in [0, 0.8326]) against one threshold (default 0.1). The lower
 * plot shows each bin's contribution (pointwiseTerms 'jeffreys' for PSI, 'jensen-shannon' for JS),
 * i.e. which bins drive the alarm. Both samples are seeded: the same settings give the same numbers.
 *
 * Attributes (reflected by properties):
 *   shift        (shift)       shift of production, −2..2, default 0.3
 *   spread       (spread)      scale of production, 0.5..2, default 1
 *   metric       (metric)      "psi" (default) or "js"
 *   epsilon      (epsilon)     smoothing of empty bins for PSI, 1e-12..0.01, default 1e-4
 *   js-threshold (jsThreshold) drift threshold of the JS distance, 0.01..0.8, default 0.1
 *   seed         (seed)        seed of the two samples, default 7
 *   theme        (theme)       "auto" (default), "light" or "dark"
 *
 * Read-only properties: psi, jsDistance, status ("stable" | "moderate" | "major" for PSI;
 * "stable" | "drift" for JS), trainingCounts, productionCounts (arrays); ready (Promise), isReady.
 *
 * Events: `change` after user input and on the first render;
 * detail { shift, spread, metric, psi, jsDistance, status }.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, status, results, table, note.
 */
import { jsDistance, pointwiseTerms, psi } from '../index.js';
import { scaleBand, scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatCount, formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer } from './plot.js';
import { standardNormals } from './random.js';
import { createSlider } from './slider.js';

const N_TRAIN = 5000;
const N_PROD = 2000;
const EDGES = Array.from({ length: 11 }, (_, i) => Number((-3 + 0.6 * i).toFixed(10)));
const BIN_LABELS = ['< −3', ...EDGES.slice(0, -1).map((e) => formatNumber(e + 0.3, 2)), '≥ 3'];
const PSI_MODERATE = 0.1;
const PSI_MAJOR = 0.25;

function histogram(values) {
  const counts = new Float64Array(EDGES.length + 1);
  for (const v of values) {
    let k = 0;
    if (v >= EDGES[EDGES.length - 1]) k = EDGES.length;
    else if (v >= EDGES[0]) k = 1 + Math.floor((v - EDGES[0]) / 0.6 + 1e-12);
    counts[Math.min(k, EDGES.length)] += 1;
  }
  return counts;
}

const STATUS_TEXT = {
  stable: 'Stable',
  moderate: 'Moderate shift',
  major: 'Major shift',
  drift: 'Drift detected',
};

export class KlDrift extends DivergenceElement {
  static tagName = 'kl-drift';
  static props = [
    { name: 'shift', attribute: 'shift', type: 'number', default: 0.3, min: -2, max: 2 },
    { name: 'spread', attribute: 'spread', type: 'number', default: 1, min: 0.5, max: 2 },
    { name: 'metric', attribute: 'metric', type: 'enum', values: ['psi', 'js'], default: 'psi' },
    { name: 'epsilon', attribute: 'epsilon', type: 'number', default: 1e-4, min: 1e-12, max: 0.01 },
    { name: 'jsThreshold', attribute: 'js-threshold', type: 'number', default: 0.1, min: 0.01, max: 0.8 },
    { name: 'seed', attribute: 'seed', type: 'integer', default: 7, min: 0, max: 4294967295 },
  ];
  static styles = `
    .bar-train { fill: var(--_p); }
    .bar-prod { fill: var(--_q); }
    .contrib { fill: var(--_m); }
    .status { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.75em; margin: 0 0 0.5em; }
    .badge { display: inline-block; padding: 0.15em 0.6em; border-radius: 999px; font-weight: 700; border: 2px solid currentColor; }
    .badge.stable { color: var(--_ok); }
    .badge.moderate { color: var(--_warn); }
    .badge.major, .badge.drift { color: var(--_bad); }
    .gauge-zone.stable { fill: color-mix(in srgb, var(--_ok) 25%, transparent); }
    .gauge-zone.moderate { fill: color-mix(in srgb, var(--_warn) 30%, transparent); }
    .gauge-zone.major, .gauge-zone.drift { fill: color-mix(in srgb, var(--_bad) 25%, transparent); }
    .gauge-marker { fill: var(--_text); }
    .gauge-threshold { stroke: var(--_text); stroke-width: 1.5; }
  `;

  build(root) {
    const frame = document.createElement('div');
    frame.className = 'frame';
    frame.setAttribute('part', 'frame');
    frame.innerHTML = `
      <div class="status" part="status">
        <span class="badge stable" aria-hidden="true">…</span>
        <span class="status-text">Checking…</span>
      </div>
      <div class="layout split">
        <figure>
          <div class="figure-slot"></div>
          <ul class="legend" part="legend" aria-label="Legend">
            <li><span class="swatch box p" aria-hidden="true"></span>training (reference)</li>
            <li><span class="swatch box q" aria-hidden="true"></span>production (current)</li>
            <li><span class="swatch box m" aria-hidden="true"></span>contribution per bin</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-q"><legend>Production data</legend></fieldset>
          <fieldset><legend>Drift measure</legend>
            <div class="choices">
              <label><input type="radio" name="metric" value="psi"> PSI (thresholds 0.1, 0.25)</label>
              <label><input type="radio" name="metric" value="js"> <span>JS distance (threshold <span class="js-threshold">0.1</span>)</span></label>
            </div>
          </fieldset>
          <div class="gauge-slot"></div>
        </div>
      </div>
      <div class="results" part="results">
        <table part="table">
          <caption>Training (n = ${formatCount(N_TRAIN)}) against production (n = ${formatCount(N_PROD)})</caption>
          <thead><tr><th scope="col">measure</th><th scope="col">value</th><th scope="col">reading</th></tr></thead>
          <tbody>
            <tr><th scope="row">PSI (ε = <span class="eps">…</span>)</th><td class="num" data-key="psi">…</td><td data-read="psi">…</td></tr>
            <tr><th scope="row">JS distance</th><td class="num" data-key="jsDistance">…</td><td data-read="js">…</td></tr>
          </tbody>
        </table>
        <p class="note" part="note">PSI = KL(train‖prod) + KL(prod‖train) on smoothed bin proportions. Rule of thumb (credit scoring): below 0.1 stable, 0.1 to 0.25 moderate, 0.25 or more major.
          Even with no shift, sampling noise gives a small positive value.</p>
        <p class="note status-error" role="alert"></p>
      </div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'Histograms of the training and production samples, and each bin’s contribution to the drift measure', height: 270 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.gauge = createFigure({ title: 'The drift measure against its thresholds', height: 54, part: 'plot gauge' });
    frame.querySelector('.gauge-slot').replaceWith(this.gauge.svgElement);
    this.sliders = {};
    for (const s of [
      { name: 'shift', id: 'shift', label: 'Shift of the mean', min: -2, max: 2, step: 0.05, spoken: 'shift' },
      { name: 'spread', id: 'spread', label: 'Spread (scale)', min: 0.5, max: 2, step: 0.05, spoken: 'spread' },
    ]) {
      this.sliders[s.name] = createSlider({
        ...s,
        value: this._values[s.name],
        tone: 'q',
        format: formatParameter,
        valueText: (v) => `${s.spoken} ${formatParameter(v).replace('−', 'minus ')}`,
        onInput: (v) => this.setFromUser({ [s.name]: v }),
      });
      frame.querySelector('.dist-q').append(this.sliders[s.name].element);
    }
    this.metricRadios = [...frame.querySelectorAll('input[name="metric"]')];
    for (const r of this.metricRadios) r.addEventListener('change', () => this.setFromUser({ metric: r.value }));
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.readings = Object.fromEntries([...frame.querySelectorAll('[data-read]')].map((el) => [el.dataset.read, el]));
    this.announce = createAnnouncer(frame);
  }

  syncControls() {
    for (const [name, s] of Object.entries(this.sliders)) s.set(this._values[name]);
    for (const r of this.metricRadios) r.checked = r.value === this._values.metric;
    const root = this.shadowRoot;
    root.querySelector('.js-threshold').textContent = formatNumber(this._values.jsThreshold, 3);
    root.querySelector('.eps').textContent = formatNumber(this._values.epsilon, 2);
  }

  compute() {
    const { shift, spread, metric, epsilon, jsThreshold, seed } = this._values;
    if (!this.samples || this.samples.seed !== seed) {
      const train = standardNormals(N_TRAIN, seed);
      this.samples = { seed, trainCounts: histogram(train), z: standardNormals(N_PROD, seed + 1) };
    }
    const { z, trainCounts } = this.samples;
    const prod = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) prod[i] = shift + spread * z[i];
    const prodCounts = histogram(prod);
    const smoothing = { epsilon };
    const psiValue = psi(trainCounts, prodCounts, { smoothing });
    const jsd = jsDistance(trainCounts, prodCounts);
    const contributions =
      metric === 'psi' ? pointwiseTerms('jeffreys', trainCounts, prodCounts, { smoothing }) : pointwiseTerms('jensen-shannon', trainCounts, prodCounts);
    const psiStatus = psiValue >= PSI_MAJOR ? 'major' : psiValue >= PSI_MODERATE ? 'moderate' : 'stable';
    const jsStatus = jsd >= jsThreshold ? 'drift' : 'stable';
    return {
      trainCounts,
      prodCounts,
      contributions,
      psi: psiValue,
      jsDistance: jsd,
      psiStatus,
      jsStatus,
      status: metric === 'psi' ? psiStatus : jsStatus,
    };
  }

  get psi() {
    return this.state?.psi;
  }
  get jsDistance() {
    return this.state?.jsDistance;
  }
  get status() {
    return this.state?.status;
  }
  get trainingCounts() {
    return this.state ? Array.from(this.state.trainCounts) : undefined;
  }
  get productionCounts() {
    return this.state ? Array.from(this.state.prodCounts) : undefined;
  }

  changeDetail(s) {
    const { shift, spread, metric } = this._values;
    return { shift, spread, metric, psi: s.psi, jsDistance: s.jsDistance, status: s.status };
  }

  statusSentence(state) {
    const { metric, jsThreshold } = this._values;
    if (metric === 'psi') {
      const range = state.psiStatus === 'major' ? '≥ 0.25' : state.psiStatus === 'moderate' ? 'between 0.1 and 0.25' : '< 0.1';
      return `PSI ${formatNumber(state.psi, 3)} (${range})`;
    }
    return `JS distance ${formatNumber(state.jsDistance, 3)} (${state.jsStatus === 'drift' ? '≥' : '<'} ${formatNumber(jsThreshold, 3)})`;
  }

  render(state) {
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(state[key], 4);
      el.dataset.value = String(state[key]);
    }
    this.readings.psi.textContent = STATUS_TEXT[state.psiStatus].toLowerCase();
    this.readings.js.textContent = state.jsStatus === 'drift' ? 'drift' : 'no drift';
    const root = this.shadowRoot;
    const badge = root.querySelector('.badge');
    badge.className = `badge ${state.status}`;
    badge.textContent = STATUS_TEXT[state.status];
    root.querySelector('.status-text').textContent = this.statusSentence(state);
    root.querySelector('.status').setAttribute('data-status', state.status);
    const { shift, spread } = this._values;
    this.figure.setDescription(
      `Production is shifted by ${shift} and scaled by ${spread}. ${STATUS_TEXT[state.status]}: ${this.statusSentence(state)}. ` +
        `Bars: share of each sample per bin; below, each bin's contribution.`,
    );
    this.gauge.setDescription(`${this.statusSentence(state)}.`);
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    this.drawFigure(this.gauge, (w, h) => this.drawGauge(w, h));
    this.announce(`${STATUS_TEXT[state.status]}. ${this.statusSentence(state).replace('≥', 'at least').replace('<', 'below')}.`);
  }

  draw(width, height) {
    const s = this.state;
    if (!s) return;
    const m = { top: 18, right: 8, bottom: 22, left: 40 };
    const innerWidth = width - m.left - m.right;
    const histHeight = (height - m.top - m.bottom - 40) * 0.68;
    const contribHeight = height - m.top - m.bottom - 40 - histHeight;
    const bins = s.trainCounts.length;
    const x = scaleBand()
      .domain(Array.from({ length: bins }, (_, i) => i))
      .range([0, innerWidth])
      .paddingInner(0.15);
    const xi = scaleBand().domain(['t', 'p']).range([0, x.bandwidth()]).padding(0.05);
    const share = (counts, n) => Array.from(counts, (c) => c / n);
    const train = share(s.trainCounts, N_TRAIN);
    const prod = share(s.prodCounts, N_PROD);
    const y = scaleLinear()
      .domain([0, Math.max(0.2, ...train, ...prod) * 1.05])
      .range([histHeight, 0])
      .nice(4);
    const top = layer(this.figure.root, 'g', 'hist').attr('transform', `translate(${m.left},${m.top})`);
    drawGrid(layer(top, 'g', 'grid'), y, innerWidth, 4);
    const data = [];
    for (let i = 0; i < bins; i++) data.push({ i, k: 't', v: train[i] }, { i, k: 'p', v: prod[i] });
    top
      .selectAll('rect.bar')
      .data(data)
      .join('rect')
      .attr('class', (d) => `bar ${d.k === 't' ? 'bar-train' : 'bar-prod'}`)
      .attr('x', (d) => x(d.i) + xi(d.k))
      .attr('width', xi.bandwidth())
      .attr('y', (d) => y(d.v))
      .attr('height', (d) => histHeight - y(d.v));
    drawYAxis(layer(top, 'g', 'axis axis-y'), y, 4, (t) => `${Math.round(t * 100)}%`);
    layer(top, 'text', 'panel-title').attr('x', -m.left + 2).attr('y', -6).text('Share of values per bin');

    const bottom = layer(this.figure.root, 'g', 'contrib-panel').attr('transform', `translate(${m.left},${m.top + histHeight + 40})`);
    const c = Array.from(s.contributions);
    const yc = scaleLinear()
      .domain([0, Math.max(...c, this._values.metric === 'psi' ? 0.02 : 0.005)])
      .range([contribHeight, 0])
      .nice(3);
    drawGrid(layer(bottom, 'g', 'grid'), yc, innerWidth, 3);
    bottom
      .selectAll('rect.contrib')
      .data(c)
      .join('rect')
      .attr('class', 'contrib')
      .attr('x', (_, i) => x(i) + x.bandwidth() * 0.2)
      .attr('width', x.bandwidth() * 0.6)
      .attr('y', (v) => yc(Math.max(0, v)))
      .attr('height', (v) => contribHeight - yc(Math.max(0, v)));
    drawYAxis(layer(bottom, 'g', 'axis axis-y'), yc, 3);
    // Narrow: every other label (odd bins, so the two tail labels never sit side by side).
    const narrow = width < 480;
    drawXAxis(layer(bottom, 'g', 'axis axis-x'), x, contribHeight, bins, (i) => (!narrow || i % 2 === 1 ? BIN_LABELS[i] : ''));
    layer(bottom, 'text', 'panel-title')
      .attr('x', -m.left + 2)
      .attr('y', -6)
      .text(this._values.metric === 'psi' ? 'Contribution to PSI per bin' : 'Contribution to JS divergence per bin');
  }

  drawGauge(width, height) {
    const s = this.state;
    if (!s) return;
    const { metric, jsThreshold } = this._values;
    const m = { top: 6, right: 12, bottom: 20, left: 12 };
    const innerWidth = width - m.left - m.right;
    const barHeight = height - m.top - m.bottom - 8;
    const value = metric === 'psi' ? s.psi : s.jsDistance;
    const max = metric === 'psi' ? 0.5 : Math.max(0.3, jsThreshold * 2);
    const x = scaleLinear().domain([0, max]).range([0, innerWidth]).clamp(true);
    const zones =
      metric === 'psi'
        ? [
            { from: 0, to: PSI_MODERATE, cls: 'stable' },
            { from: PSI_MODERATE, to: PSI_MAJOR, cls: 'moderate' },
            { from: PSI_MAJOR, to: max, cls: 'major' },
          ]
        : [
            { from: 0, to: jsThreshold, cls: 'stable' },
            { from: jsThreshold, to: max, cls: 'drift' },
          ];
    const g = layer(this.gauge.root, 'g', 'gauge').attr('transform', `translate(${m.left},${m.top})`);
    g.selectAll('rect.gauge-zone')
      .data(zones)
      .join('rect')
      .attr('class', (d) => `gauge-zone ${d.cls}`)
      .attr('x', (d) => x(d.from))
      .attr('width', (d) => x(d.to) - x(d.from))
      .attr('y', 4)
      .attr('height', barHeight);
    g.selectAll('line.gauge-threshold')
      .data(zones.slice(1))
      .join('line')
      .attr('class', 'gauge-threshold')
      .attr('x1', (d) => x(d.from))
      .attr('x2', (d) => x(d.from))
      .attr('y1', 2)
      .attr('y2', barHeight + 6);
    const vx = x(value);
    layer(g, 'path', 'gauge-marker').attr('d', `M${vx - 6},0 L${vx + 6},0 L${vx},${barHeight / 2 + 4} Z`);
    drawXAxis(layer(g, 'g', 'axis axis-x'), x, barHeight + 6, 5);
  }
}
