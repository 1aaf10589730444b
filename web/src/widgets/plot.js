// Plot helpers on d3 (selection, scales, axes): an accessible, responsive SVG whose height is
// fixed by CSS (so the element never changes size) and whose width follows its box.
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { formatTick } from './format.js';

let counter = 0;

/**
 * An <svg role="img"> with <title> and <desc>, a placeholder text until the first draw, and a
 * ResizeObserver that calls redraw() when the width changes.
 * @param {object} o
 * @param {string} o.title short accessible name
 * @param {string} [o.desc] longer description (update with setDescription)
 * @param {number} o.height height in CSS pixels
 * @param {string} [o.placeholder] text shown until the first draw
 * @param {string} [o.part] ::part name (default "plot")
 */
export function createFigure(o) {
  const id = `fig${++counter}`;
  const svgElement = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const svg = select(svgElement)
    .attr('class', 'plot')
    .attr('part', o.part ?? 'plot')
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .attr('height', o.height)
    .style('height', `${o.height}px`);
  svg.append('title').attr('id', `${id}-title`).text(o.title);
  const desc = svg.append('desc').attr('id', `${id}-desc`).text(o.desc ?? 'Loading the WebAssembly core.');
  const placeholder = svg
    .append('text')
    .attr('class', 'placeholder')
    .attr('x', '50%')
    .attr('y', '50%')
    .attr('text-anchor', 'middle')
    .text(o.placeholder ?? 'Loading…');
  const root = svg.append('g').attr('class', 'plot-root');

  let width = 0;
  let redraw = null;
  const figure = {
    svgElement,
    svg,
    root,
    height: o.height,
    /** Current width in CSS pixels (a sensible default before layout). */
    get width() {
      return width || svgElement.clientWidth || svgElement.getBoundingClientRect().width || 560;
    },
    setDescription(text) {
      desc.text(text);
    },
    /** Registers the draw function; it is called now and on every width change. */
    onDraw(fn) {
      redraw = fn;
      placeholder.remove();
      draw();
    },
    draw,
  };
  function draw() {
    if (!redraw) return;
    const w = figure.width;
    svg.attr('viewBox', `0 0 ${w} ${o.height}`);
    redraw(w, o.height);
  }
  const observer = new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (w > 0 && w !== width) {
      width = w;
      draw();
    }
  });
  observer.observe(svgElement);
  return figure;
}

/** Horizontal grid lines at the y scale's ticks. */
export function drawGrid(group, y, innerWidth, count = 5) {
  group
    .selectAll('line')
    .data(y.ticks(count))
    .join('line')
    .attr('class', 'gridline')
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (t) => y(t))
    .attr('y2', (t) => y(t));
}

/** A bottom axis at y = offset. */
export function drawXAxis(group, x, offset, ticks = 6, format = formatTick) {
  group.attr('transform', `translate(0,${offset})`).call(axisBottom(x).ticks(ticks).tickFormat(format).tickSizeOuter(0));
}

/** A left axis. */
export function drawYAxis(group, y, ticks = 4, format = formatTick) {
  group.call(axisLeft(y).ticks(ticks).tickFormat(format).tickSizeOuter(0));
}

/** Appends (or reuses) a child element with the class within a d3 selection. */
export function layer(parent, tag, className) {
  let s = parent.select(`:scope > ${tag}.${className.split(' ').join('.')}`);
  if (s.empty()) s = parent.append(tag).attr('class', className);
  return s;
}

export function maxOf(values) {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function minOf(values) {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** n evenly spaced points from a to b inclusive. */
export function linspace(a, b, n) {
  const x = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) x[i] = a + step * i;
  x[n - 1] = b;
  return x;
}

/** Trapezoid rule of f over the grid x. */
export function trapezoid(x, f) {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * (x[i] - x[i - 1]) * (f[i] + f[i - 1]);
  return s;
}
