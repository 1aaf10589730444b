/**
 * <divergence-compare>: KL, Jensen–Shannon, total variation and Wasserstein as P slides off Q.
 *
 * Q is a wide triangular density on [−3, 3]; P a narrow one on [s − 1, s + 1], shifted by s with a
 * slider. Both are discretised on a grid of `points` points over [−4, 8] (masses proportional to
 * the density at each point). While P sits inside Q's support KL(P‖Q) is finite; once P puts mass
 * where Q has none (s > 2) it is infinite. At s ≥ 4 the supports no longer overlap: JS reaches its
 * ceiling ln 2 (1 bit) and total variation its ceiling 1, and neither can tell "just apart" from "far
 * apart", while the Wasserstein-1 distance (wasserstein1 with the grid masses as weights) keeps
 * growing with the distance moved. KL(Q‖P) is infinite throughout: Q has mass where P has none.
 * Four small plots trace each measure over the whole slider range; a table compares their
 * properties.
 *
 * Attributes (reflected by properties):
 *   shift  (shift)   P's centre s, 0..6, default 1
 *   unit   (unit)    "nats" (default) or "bits" for KL and JS
 *   points (points)  grid points, 200..20000, default 1000
 *   theme  (theme)   "auto" (default), "light" or "dark"
 *
 * Read-only properties: kl (KL(P‖Q)), klReverse (KL(Q‖P)), js (JS divergence), tv, wasserstein;
 * overlapping (boolean: do the supports overlap?); ready (Promise), isReady.
 *
 * Events: `change` after the user moves the slider and on the first render;
 * detail { shift, kl, klReverse, js, tv, wasserstein, overlapping, unit }.
 *
 * Parts: frame, plot, legend, controls, slider, label, value, range, results, table, note.
 */
import { jsDivergence, klDivergence, totalVariation, wasserstein1 } from '../index.js';
import { area, line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { createAnnouncer } from './announcer.js';
import { DivergenceElement } from './base.js';
import { formatNumber, formatParameter, spokenNumber } from './format.js';
import { createFigure, drawGrid, drawXAxis, drawYAxis, layer, linspace } from './plot.js';
import { createSlider } from './slider.js';

const X_MIN = -4;
const X_MAX = 8;
const Q_HALF = 3;
const P_HALF = 1;
const SHIFT_MAX = 6;
const CURVE_STEPS = 120;

function triangle(x, centre, half) {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(0, 1 - Math.abs(x[i] - centre) / half) / half;
  return out;
}

function normalise(w) {
  let s = 0;
  for (const v of w) s += v;
  return w.map((v) => v / s);
}

const MEASURES = [
  { key: 'kl', name: 'KL(P‖Q)', symmetric: 'no', metric: 'no', range: (u) => `0 to ∞ ${u}`, apart: 'infinite (already once P leaves Q’s support)' },
  { key: 'js', name: 'Jensen–Shannon', symmetric: 'yes', metric: 'no; its square root is', range: (u) => (u === 'bits' ? '0 to 1 bit' : '0 to ln 2 ≈ 0.693 nats'), apart: 'ln 2 (1 bit): saturates' },
  { key: 'tv', name: 'Total variation', symmetric: 'yes', metric: 'yes', range: () => '0 to 1', apart: '1: saturates' },
  { key: 'wasserstein', name: 'Wasserstein-1', symmetric: 'yes', metric: 'yes', range: () => '0 to ∞ (units of x)', apart: 'keeps growing with the distance' },
];

export class DivergenceCompare extends DivergenceElement {
  static tagName = 'divergence-compare';
  static props = [
    { name: 'shift', attribute: 'shift', type: 'number', default: 1, min: 0, max: SHIFT_MAX },
    { name: 'unit', attribute: 'unit', type: 'enum', values: ['nats', 'bits'], default: 'nats' },
    { name: 'points', attribute: 'points', type: 'integer', default: 1000, min: 200, max: 20000 },
  ];
  static styles = `
    .minis { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5em 0.75em; margin-top: 0.5em; }
    @container (min-width: 760px) { .minis { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
    .mini-curve { fill: none; stroke: var(--_m); stroke-width: 2; }
    .mini-marker { fill: var(--_text); }
    .mini-bound { stroke: var(--_muted); stroke-dasharray: 3 3; }
    .mini-inf { fill: color-mix(in srgb, var(--_bad) 14%, transparent); }
    .inf-label { fill: var(--_bad) !important; font-weight: 600; }
    .support { stroke: var(--_muted); stroke-width: 1; stroke-dasharray: 2 3; }
    td.prop { font-size: 0.9em; text-align: start; }
    .measures th, .measures td { white-space: normal; }
    .measures td.num { white-space: nowrap; }
    .measure-cards { display: none; list-style: none; margin: 0; padding: 0; }
    .measure-cards li { padding: 0.4em 0; border-bottom: 1px solid var(--_border); }
    .measure-cards .head { display: flex; justify-content: space-between; gap: 0.5em; font-weight: 600; }
    .measure-cards .facts { display: block; color: var(--_muted); font-size: 0.875em; }
    @container (max-width: 559px) {
      .measures { display: none; }
      .measure-cards { display: block; }
    }
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
            <li><span class="swatch box p" aria-hidden="true"></span>P (narrow, moves)</li>
            <li><span class="swatch box q" aria-hidden="true"></span>Q (wide, fixed)</li>
          </ul>
        </figure>
        <div class="controls" part="controls">
          <fieldset class="dist-p"><legend>Move P</legend><div class="slider-slot"></div>
            <p class="note overlap-note" aria-hidden="true">…</p>
          </fieldset>
          <fieldset class="unit-choice"><legend>Unit of KL and JS</legend>
            <div class="choices">
              <label><input type="radio" name="unit" value="nats"> nats</label>
              <label><input type="radio" name="unit" value="bits"> bits</label>
            </div>
          </fieldset>
        </div>
      </div>
      <div class="minis" role="group" aria-label="Each measure against the shift"></div>
      <div class="results" part="results">
        <table part="table" class="measures">
          <caption>Four ways to compare P and Q</caption>
          <thead><tr><th scope="col">measure</th><th scope="col">now</th><th scope="col">symmetric</th><th scope="col">metric</th><th scope="col">range</th><th scope="col">no overlap</th></tr></thead>
          <tbody>${MEASURES.map(
            (m) =>
              `<tr data-row="${m.key}"><th scope="row">${m.name}</th><td class="num" data-key="${m.key}">…</td><td class="prop">${m.symmetric}</td><td class="prop">${m.metric}</td><td class="prop range"></td><td class="prop">${m.apart}</td></tr>`,
          ).join('')}</tbody>
        </table>
        <ul class="measure-cards" aria-label="Four ways to compare P and Q">${MEASURES.map(
          (m) =>
            `<li data-card-row="${m.key}"><span class="head"><span>${m.name}</span><span class="num" data-card="${m.key}">…</span></span><span class="facts"></span></li>`,
        ).join('')}</ul>
        <p class="note" part="note">KL(Q‖P) = <span class="num" data-key="klReverse">…</span> here: Q is wider than P, so Q always has mass where P has none.
          Wasserstein: wasserstein1 over the grid with the masses as weights.</p>
        <p class="note status-error" role="alert"></p>
      </div>`;
    root.append(frame);
    this.figure = createFigure({ title: 'Densities of P and Q', height: 200 });
    frame.querySelector('.figure-slot').replaceWith(this.figure.svgElement);
    this.minis = MEASURES.map((m) => {
      const fig = createFigure({ title: `${m.name} against the shift of P`, height: 120, part: 'plot mini' });
      frame.querySelector('.minis').append(fig.svgElement);
      return { ...m, fig };
    });
    this.slider = createSlider({
      id: 'shift',
      label: 'Shift of P, s',
      min: 0,
      max: SHIFT_MAX,
      step: 0.05,
      value: this._values.shift,
      tone: 'p',
      format: formatParameter,
      valueText: (v) => `shift ${formatParameter(v)}${v >= 4 ? ', supports apart' : v > 2 ? ', P partly outside Q' : ''}`,
      onInput: (v) => this.setFromUser({ shift: v }),
    });
    frame.querySelector('.slider-slot').replaceWith(this.slider.element);
    this.unitRadios = [...frame.querySelectorAll('input[name="unit"]')];
    for (const r of this.unitRadios) r.addEventListener('change', () => this.setFromUser({ unit: r.value }));
    this.outputs = Object.fromEntries([...frame.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
    this.cards = Object.fromEntries([...frame.querySelectorAll('[data-card]')].map((el) => [el.dataset.card, el]));
    this.announce = createAnnouncer(frame);
  }

  syncControls() {
    this.slider.set(this._values.shift);
    for (const r of this.unitRadios) r.checked = r.value === this._values.unit;
    for (const m of MEASURES) {
      const range = m.range(this._values.unit);
      this.shadowRoot.querySelector(`[data-row="${m.key}"] .range`).textContent = range;
      this.shadowRoot.querySelector(`[data-card-row="${m.key}"] .facts`).textContent =
        `symmetric: ${m.symmetric}; metric: ${m.metric}; ${range}; no overlap: ${m.apart}`;
    }
  }

  measuresAt(shift, grid) {
    const { x, qMass } = grid;
    const p = normalise(triangle(x, shift, P_HALF));
    const base = this._values.unit === 'bits' ? 2 : Math.E;
    return {
      p,
      kl: klDivergence(p, qMass, { base }),
      klReverse: klDivergence(qMass, p, { base }),
      js: jsDivergence(p, qMass, { base }),
      tv: totalVariation(p, qMass),
      wasserstein: wasserstein1(x, x, { uWeights: p, vWeights: qMass }),
    };
  }

  compute() {
    const { points, shift, unit } = this._values;
    if (!this.grid || this.grid.x.length !== points) {
      const x = linspace(X_MIN, X_MAX, points);
      this.grid = { x, qMass: normalise(triangle(x, 0, Q_HALF)) };
      this.curves = null;
    }
    // The curves over the whole slider range depend only on the grid and the unit.
    if (!this.curves || this.curves.unit !== unit) {
      const shifts = linspace(0, SHIFT_MAX, CURVE_STEPS + 1);
      const rows = Array.from(shifts, (s) => this.measuresAt(s, this.grid));
      this.curves = { unit, shifts, rows };
    }
    const now = this.measuresAt(shift, this.grid);
    const overlapping = shift < P_HALF + Q_HALF;
    return { ...now, overlapping };
  }

  get kl() {
    return this.state?.kl;
  }
  get klReverse() {
    return this.state?.klReverse;
  }
  get js() {
    return this.state?.js;
  }
  get tv() {
    return this.state?.tv;
  }
  get wasserstein() {
    return this.state?.wasserstein;
  }
  get overlapping() {
    return this.state?.overlapping;
  }

  changeDetail(s) {
    return { shift: this._values.shift, kl: s.kl, klReverse: s.klReverse, js: s.js, tv: s.tv, wasserstein: s.wasserstein, overlapping: s.overlapping, unit: this._values.unit };
  }

  render(state) {
    for (const [key, el] of Object.entries(this.outputs)) {
      el.textContent = formatNumber(state[key], 5);
      el.dataset.value = String(state[key]);
    }
    for (const [key, el] of Object.entries(this.cards)) el.textContent = formatNumber(state[key], 5);
    const { shift, unit } = this._values;
    const where = shift >= 4 ? 'The supports do not overlap.' : shift > 2 ? 'P is partly outside Q’s support.' : 'P lies inside Q’s support.';
    this.shadowRoot.querySelector('.overlap-note').textContent = where;
    this.figure.setDescription(
      `Q is a triangle on −3 to 3, P a triangle on ${formatNumber(shift - 1)} to ${formatNumber(shift + 1)}. ${where} ` +
        `KL(P‖Q) ${formatNumber(state.kl)} ${unit}, JS ${formatNumber(state.js)} ${unit}, total variation ${formatNumber(state.tv)}, Wasserstein ${formatNumber(state.wasserstein)}.`,
    );
    this.drawFigure(this.figure, (w, h) => this.draw(w, h));
    for (const m of this.minis) {
      m.fig.setDescription(this.miniDescription(m));
      this.drawFigure(m.fig, (w, h) => this.drawMini(m, w, h));
    }
    this.announce(
      `${where} KL ${spokenNumber(state.kl)}, Jensen-Shannon ${spokenNumber(state.js)} ${unit}, total variation ${spokenNumber(state.tv)}, Wasserstein ${spokenNumber(state.wasserstein)}.`,
    );
  }

  miniDescription(m) {
    const { rows } = this.curves;
    const last = rows[rows.length - 1][m.key];
    if (m.key === 'kl') return 'KL(P‖Q) grows while P is inside Q’s support and is infinite from a shift of 2 on.';
    return `${m.name} rises from ${formatNumber(rows[0][m.key], 3)} at shift 0 to ${formatNumber(last, 3)} at shift ${SHIFT_MAX}.`;
  }

  draw(width, height) {
    const state = this.state;
    if (!state) return;
    const m = { top: 10, right: 10, bottom: 24, left: 36 };
    const innerWidth = width - m.left - m.right;
    const innerHeight = height - m.top - m.bottom;
    const g = layer(this.figure.root, 'g', 'main').attr('transform', `translate(${m.left},${m.top})`);
    const x = scaleLinear().domain([X_MIN, X_MAX]).range([0, innerWidth]);
    const pDensity = triangle(this.grid.x, this._values.shift, P_HALF);
    const qDensity = triangle(this.grid.x, 0, Q_HALF);
    const y = scaleLinear().domain([0, 1.05 / P_HALF]).range([innerHeight, 0]);
    drawGrid(layer(g, 'g', 'grid'), y, innerWidth, 4);
    const xs = this.grid.x;
    const fill = (values) =>
      area()
        .x((_, i) => x(xs[i]))
        .y0(innerHeight)
        .y1((v) => y(v))(values);
    const outline = (values) =>
      line()
        .x((_, i) => x(xs[i]))
        .y((v) => y(v))(values);
    layer(g, 'path', 'fill-q').attr('d', fill(qDensity));
    layer(g, 'path', 'curve-q').attr('d', outline(qDensity));
    layer(g, 'path', 'fill-p').attr('d', fill(pDensity));
    layer(g, 'path', 'curve-p').attr('d', outline(pDensity));
    layer(g, 'line', 'support').attr('x1', x(Q_HALF)).attr('x2', x(Q_HALF)).attr('y1', 0).attr('y2', innerHeight);
    drawXAxis(layer(g, 'g', 'axis axis-x'), x, innerHeight, width < 420 ? 6 : 12);
    drawYAxis(layer(g, 'g', 'axis axis-y'), y, 3);
  }

  drawMini(mini, width, height) {
    if (!this.curves) return;
    const m = { top: 18, right: 8, bottom: 20, left: 34 };
    const innerWidth = width - m.left - m.right;
    const innerHeight = height - m.top - m.bottom;
    const g = layer(mini.fig.root, 'g', 'mini').attr('transform', `translate(${m.left},${m.top})`);
    const { shifts, rows } = this.curves;
    const values = rows.map((r) => r[mini.key]);
    const finite = values.filter(Number.isFinite);
    const unit = this._values.unit;
    const bound = mini.key === 'js' ? (unit === 'bits' ? 1 : Math.LN2) : mini.key === 'tv' ? 1 : null;
    const top = Math.max(bound ?? 0, ...finite) * 1.1 || 1;
    const x = scaleLinear().domain([0, SHIFT_MAX]).range([0, innerWidth]);
    const y = scaleLinear().domain([0, top]).range([innerHeight, 0]).nice(3);
    drawGrid(layer(g, 'g', 'grid'), y, innerWidth, 3);
    // Shade where the measure is infinite.
    const firstInf = values.findIndex((v) => !Number.isFinite(v));
    layer(g, 'rect', 'mini-inf')
      .attr('x', firstInf < 0 ? 0 : x(shifts[firstInf]))
      .attr('width', firstInf < 0 ? 0 : innerWidth - x(shifts[firstInf]))
      .attr('y', 0)
      .attr('height', innerHeight);
    layer(g, 'text', 'inf-label')
      .attr('x', firstInf < 0 ? -999 : (x(shifts[firstInf]) + innerWidth) / 2)
      .attr('y', innerHeight / 2)
      .attr('text-anchor', 'middle')
      .text('∞');
    layer(g, 'line', 'mini-bound')
      .attr('x1', 0)
      .attr('x2', bound === null ? 0 : innerWidth)
      .attr('y1', bound === null ? 0 : y(bound))
      .attr('y2', bound === null ? 0 : y(bound));
    layer(g, 'path', 'mini-curve').attr(
      'd',
      line()
        .defined((v) => Number.isFinite(v))
        .x((_, i) => x(shifts[i]))
        .y((v) => y(v))(values),
    );
    const now = this.state[mini.key];
    layer(g, 'circle', 'mini-marker')
      .attr('r', 4)
      .attr('cx', x(this._values.shift))
      .attr('cy', Number.isFinite(now) ? y(now) : y(top) + 6);
    drawXAxis(layer(g, 'g', 'axis axis-x'), x, innerHeight, 3);
    drawYAxis(layer(g, 'g', 'axis axis-y'), y, 3);
    const label = mini.key === 'kl' || mini.key === 'js' ? `${mini.name}, ${unit}` : mini.name;
    layer(g, 'text', 'panel-title').attr('x', -m.left + 2).attr('y', -6).text(label);
  }
}
