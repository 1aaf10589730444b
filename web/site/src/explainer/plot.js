// The explainer's figure: two stacked panels in one inline SVG, sized to its box (CSS reserves the
// box before anything is drawn). Upper panel: densities p and q. Lower panel: the pointwise term
// p(x) ln(p(x)/q(x)), its positive and negative parts shaded in two colours.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { area, line } from 'd3-shape';
import { formatTick } from '../format.js';
import { X_MAX, X_MIN } from './model.js';

const MARGIN = { top: 26, right: 14, bottom: 30, left: 46 };
const PANEL_GAP = 56;

/**
 * Sets up the SVG's layers once and returns a draw(state) function; redraws on resize.
 * @param {SVGSVGElement} svgElement
 */
export function createPlot(svgElement) {
  const svg = select(svgElement);
  const root = svg.append('g').attr('class', 'plot-root');
  const top = root.append('g').attr('class', 'panel panel-density');
  const bottom = root.append('g').attr('class', 'panel panel-term');

  const topGrid = top.append('g').attr('class', 'grid');
  const topXAxis = top.append('g').attr('class', 'axis axis-x');
  const topYAxis = top.append('g').attr('class', 'axis axis-y');
  const curveP = top.append('path').attr('class', 'curve-p');
  const curveQ = top.append('path').attr('class', 'curve-q');
  const topTitle = top.append('text').attr('class', 'panel-title').text('Densities p(x) and q(x)');

  const bottomGrid = bottom.append('g').attr('class', 'grid');
  const termPos = bottom.append('path').attr('class', 'term-pos');
  const termNeg = bottom.append('path').attr('class', 'term-neg');
  const termLine = bottom.append('path').attr('class', 'term-line');
  const zeroLine = bottom.append('line').attr('class', 'zero-line');
  const bottomXAxis = bottom.append('g').attr('class', 'axis axis-x');
  const bottomYAxis = bottom.append('g').attr('class', 'axis axis-y');
  const bottomTitle = bottom.append('text').attr('class', 'panel-title').text('Pointwise term p(x) ln(p(x)/q(x)), nats');

  let last = null;

  function draw(state) {
    last = state;
    const width = Math.max(280, svgElement.clientWidth || 640);
    const height = Math.max(300, svgElement.clientHeight || 460);
    svg.attr('viewBox', `0 0 ${width} ${height}`);

    const innerWidth = width - MARGIN.left - MARGIN.right;
    const panelHeight = (height - MARGIN.top - MARGIN.bottom - PANEL_GAP) / 2;
    const topHeight = panelHeight * 1.05;
    const bottomHeight = panelHeight * 0.95;
    const bottomOffset = MARGIN.top + topHeight + PANEL_GAP;
    const tickCount = width < 480 ? 5 : 9;

    const x = scaleLinear().domain([X_MIN, X_MAX]).range([0, innerWidth]);

    // Upper panel: densities.
    top.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    const yMax = Math.max(maxOf(state.p), maxOf(state.q)) * 1.08;
    const yDensity = scaleLinear().domain([0, yMax]).range([topHeight, 0]).nice(5);
    drawGrid(topGrid, yDensity, innerWidth);
    topXAxis.attr('transform', `translate(0,${topHeight})`).call(axisBottom(x).ticks(tickCount).tickFormat(formatTick));
    topYAxis.call(axisLeft(yDensity).ticks(5).tickFormat(formatTick));
    topTitle.attr('x', 0).attr('y', -10);

    const densityLine = (values) =>
      line()
        .x((_, i) => x(state.x[i]))
        .y((_, i) => yDensity(values[i]))(values);
    curveP.attr('d', densityLine(state.p));
    curveQ.attr('d', densityLine(state.q));

    // Lower panel: the pointwise term, shaded above and below zero.
    bottom.attr('transform', `translate(${MARGIN.left},${bottomOffset})`);
    const terms = Array.from(state.terms, (t) => (Number.isFinite(t) ? t : 0));
    let lo = Math.min(0, minOf(terms));
    let hi = Math.max(0, maxOf(terms));
    if (hi - lo < 1e-12) hi = lo + 1;
    const pad = (hi - lo) * 0.06;
    const yTerm = scaleLinear()
      .domain([lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0])
      .range([bottomHeight, 0])
      .nice(5);
    drawGrid(bottomGrid, yTerm, innerWidth);
    const y0 = yTerm(0);
    const shaded = (clip) =>
      area()
        .x((_, i) => x(state.x[i]))
        .y0(y0)
        .y1((t) => yTerm(clip(t)))(terms);
    termPos.attr('d', shaded((t) => Math.max(t, 0)));
    termNeg.attr('d', shaded((t) => Math.min(t, 0)));
    termLine.attr(
      'd',
      line()
        .x((_, i) => x(state.x[i]))
        .y((t) => yTerm(t))(terms),
    );
    zeroLine.attr('x1', 0).attr('x2', innerWidth).attr('y1', y0).attr('y2', y0);
    bottomXAxis.attr('transform', `translate(0,${bottomHeight})`).call(axisBottom(x).ticks(tickCount).tickFormat(formatTick));
    bottomYAxis.call(axisLeft(yTerm).ticks(5).tickFormat(formatTick));
    bottomTitle.attr('x', 0).attr('y', -10);
  }

  // Redraw at the new size when the box changes (window resize, rotation).
  let pending = 0;
  const observer = new ResizeObserver(() => {
    if (!last) return;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => draw(last));
  });
  observer.observe(svgElement);

  return draw;
}

function drawGrid(group, y, innerWidth) {
  const ticks = y.ticks(5);
  group
    .selectAll('line')
    .data(ticks)
    .join('line')
    .attr('class', 'gridline')
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (t) => y(t))
    .attr('y2', (t) => y(t));
}

function maxOf(values) {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

function minOf(values) {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}
