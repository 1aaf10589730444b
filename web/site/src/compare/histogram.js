// Per-column details: histograms of reference vs current (in percent of each side or in counts, see
// setHistogramMode): vertical side-by-side bars on the shared bins for numeric columns, horizontal bar
// pairs per category for categorical columns (at most the 30 largest categories); then the per-bin
// contribution to KL and PSI (details/contribution.js) and, for numeric columns, both ECDFs with the
// largest gap marked (details/ecdf.js). Each chart is sized to its card, drawn when the card comes
// near the viewport, and redrawn on resize.
import { axisBottom, axisLeft, axisTop } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { formatCount, formatCutoff, formatNumber, formatPercent, formatTick } from '../format.js';
import { CONTRIBUTION_HEIGHT, contributionData, contributionLegend, describeContribution, drawContribution } from './details/contribution.js';
import { ECDF_HEIGHT, describeEcdf, drawEcdf, ecdfData, gapNote } from './details/ecdf.js';
import { countsOf, detailsId } from './table.js';
import { plotArea } from './details/frame.js';

export const MAX_CATEGORIES = 30;
const LABEL_CHAR_WIDTH = 6.6; // px per character of the 12px category labels, roughly
const percentTick = (d) => `${formatTick(d)}%`;
let mode = 'percent';
let redrawAll = () => {};

/** Shows the histogram bars as "percent" of each side or as "counts", and redraws. */
export function setHistogramMode(next) {
  mode = next === 'counts' ? 'counts' : 'percent';
  redrawAll(true);
}

/** Bars in the current mode: ref/cur become the counts when the mode is "counts". */
function inMode(items) {
  return mode === 'counts' ? items.map((b) => ({ ...b, ref: b.refCount, cur: b.curCount })) : items;
}
const valueTick = (d) => (mode === 'counts' ? formatTick(d) : percentTick(d));
const valueText = (count, pct) => `${formatCount(count)} (${formatPercent(pct)})`;

function shares(counts) {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total > 0 ? (100 * c) / total : 0));
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function listPreview(values, limit = 8) {
  const shown = values.slice(0, limit).join(', ');
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}

/** The numbers a chart is drawn from, independent of its size. */
function chartData(column) {
  const counts = countsOf(column);
  const refPct = shares(counts.ref);
  const curPct = shares(counts.cur);
  if (column.type === 'numeric') {
    const edges = column.bins.edges;
    const bins = refPct.map((r, i) => ({ lo: edges[i], hi: edges[i + 1], ref: r, cur: curPct[i], refPct: r, curPct: curPct[i], refCount: counts.ref[i], curCount: counts.cur[i] }));
    return { kind: 'numeric', edges, bins, binKind: column.bins.kind };
  }
  const categories = column.categories.map((name, i) => ({ name, ref: refPct[i], cur: curPct[i], refPct: refPct[i], curPct: curPct[i], refCount: counts.ref[i], curCount: counts.cur[i] }));
  const largest = [...categories].sort((a, b) => b.ref + b.cur - (a.ref + a.cur) || (a.name < b.name ? -1 : 1)).slice(0, MAX_CATEGORIES);
  return { kind: 'categorical', total: categories.length, categories: largest };
}

function describe(column, data) {
  if (data.kind === 'numeric') {
    let biggest = data.bins[0];
    for (const b of data.bins) if (Math.abs(b.ref - b.cur) > Math.abs(biggest.ref - biggest.cur)) biggest = b;
    return (
      `${data.bins.length} bins (${data.binKind}) from ${formatNumber(data.edges[0])} to ${formatNumber(data.edges[data.edges.length - 1])}; ` +
      `bar heights are percentages of each file's values. Largest difference in the bin ${formatNumber(biggest.lo)} to ${formatNumber(biggest.hi)}: ` +
      `${formatPercent(biggest.ref)} of the reference, ${formatPercent(biggest.cur)} of the current file.`
    );
  }
  const shown = data.categories.length < data.total ? `the ${data.categories.length} largest of ${data.total} categories` : `${data.total} categories`;
  const top = data.categories
    .slice(0, 5)
    .map((c) => `${c.name}: ${formatPercent(c.ref)} vs ${formatPercent(c.cur)}`)
    .join('; ');
  return `Horizontal bars for ${shown}, reference then current, in percent of each file's values. ${top}.`;
}

function drawNumeric(svg, data, width) {
  const margin = { top: 10, right: 12, bottom: 46, left: 44 };
  const height = chartHeight(data);
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);

  const { edges } = data;
  const bins = inMode(data.bins);
  const x = scaleLinear().domain([edges[0], edges[edges.length - 1]]).range([0, innerWidth]);
  const yMax = Math.max(1, ...bins.map((b) => Math.max(b.ref, b.cur)));
  const y = scaleLinear().domain([0, yMax]).range([innerHeight, 0]).nice(4);

  // Label the bin edges, thinned to a step that divides the number of bins so the last edge shows.
  const n = bins.length;
  const maxLabels = Math.max(2, Math.floor(innerWidth / 46));
  let step = 1;
  while (n / step + 1 > maxLabels || n % step !== 0) {
    step += 1;
    if (step >= n) {
      step = n;
      break;
    }
  }
  const tickValues = edges.filter((_, i) => i % step === 0);

  const g = plotArea(svg, margin, y, innerWidth);

  const bars = g.append('g');
  for (const b of bins) {
    const x0 = x(b.lo);
    const x1 = x(b.hi);
    const inset = Math.min(1, (x1 - x0) * 0.08);
    const mid = (x0 + x1) / 2;
    const group = bars.append('g');
    group
      .append('title')
      .text(`${formatNumber(b.lo)} to ${formatNumber(b.hi)}: reference ${valueText(b.refCount, b.refPct)}, current ${valueText(b.curCount, b.curPct)}`);
    group
      .append('rect')
      .attr('class', 'bar-ref')
      .attr('x', x0 + inset)
      .attr('width', Math.max(0, mid - x0 - inset))
      .attr('y', y(b.ref))
      .attr('height', innerHeight - y(b.ref));
    group
      .append('rect')
      .attr('class', 'bar-cur')
      .attr('x', mid)
      .attr('width', Math.max(0, x1 - mid - inset))
      .attr('y', y(b.cur))
      .attr('height', innerHeight - y(b.cur));
  }

  g.append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(axisBottom(x).tickValues(tickValues).tickFormat(formatTick));
  g.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(4).tickFormat(valueTick));
  g.append('text')
    .attr('class', 'axis-title')
    .attr('x', innerWidth / 2)
    .attr('y', innerHeight + 38)
    .attr('text-anchor', 'middle')
    .text(`bin edges (${bins.length} bins, ${data.kind === 'numeric' ? data.binKind : ''})`);
}

const CATEGORY_ROW = 26; // px per category of a categorical histogram
const CATEGORY_MARGIN = { top: 28, bottom: 8 };

/** Height in px of a chart, also before it is drawn (the page does not move when it is). */
function chartHeight(data) {
  return data.kind === 'numeric' ? 230 : data.categories.length * CATEGORY_ROW + CATEGORY_MARGIN.top + CATEGORY_MARGIN.bottom;
}

function drawCategorical(svg, data, width) {
  const rows = inMode(data.categories);
  const longest = Math.max(...rows.map((c) => c.name.length), 4);
  const labelWidth = Math.min(Math.round(width * 0.42), Math.max(48, Math.ceil(longest * LABEL_CHAR_WIDTH) + 10));
  const margin = { ...CATEGORY_MARGIN, right: 16, left: labelWidth };
  const innerWidth = Math.max(60, width - margin.left - margin.right);
  const innerHeight = rows.length * CATEGORY_ROW;
  const height = chartHeight(data);
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);

  const y = scaleBand()
    .domain(rows.map((_, i) => i))
    .range([0, innerHeight])
    .paddingInner(0.22)
    .paddingOuter(0.1);
  const sides = scaleBand().domain(['ref', 'cur']).range([0, y.bandwidth()]).paddingInner(0.08);
  const xMax = Math.max(1, ...rows.map((c) => Math.max(c.ref, c.cur)));
  const x = scaleLinear().domain([0, xMax]).range([0, innerWidth]).nice(4);
  const ticks = innerWidth < 220 ? 3 : 5;

  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  g.append('g')
    .selectAll('line')
    .data(x.ticks(ticks))
    .join('line')
    .attr('class', 'gridline')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', 0)
    .attr('y2', innerHeight);

  const maxChars = Math.max(3, Math.floor((labelWidth - 10) / LABEL_CHAR_WIDTH));
  rows.forEach((c, i) => {
    const group = g.append('g').attr('transform', `translate(0,${y(i)})`);
    group
      .append('title')
      .text(`${c.name}: reference ${valueText(c.refCount, c.refPct)}, current ${valueText(c.curCount, c.curPct)}`);
    group
      .append('rect')
      .attr('class', 'bar-ref')
      .attr('y', sides('ref'))
      .attr('height', sides.bandwidth())
      .attr('width', x(c.ref));
    group
      .append('rect')
      .attr('class', 'bar-cur')
      .attr('y', sides('cur'))
      .attr('height', sides.bandwidth())
      .attr('width', x(c.cur));
    const label = c.name === '' ? '(empty)' : c.name;
    group
      .append('text')
      .attr('class', 'cat-label')
      .attr('x', -8)
      .attr('y', y.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label);
  });

  g.append('g').attr('class', 'axis axis-x').call(axisTop(x).ticks(ticks).tickFormat(valueTick));
  g.append('line').attr('class', 'zero-axis').attr('x1', 0).attr('x2', 0).attr('y1', 0).attr('y2', innerHeight).attr('stroke', 'currentColor');
}

function svgFor(className, titleId, descId) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  return svg;
}

/**
 * One chart of a card: its svg, heading text, optional legend element, description, height (px) and
 * drawing function. The svg gets its title, description and height at once; its drawing comes when
 * redraw() is called (when the card nears the viewport, renderHistograms).
 */
function plot(card, { className, caption, legend, title, description, height, draw, index, name }) {
  const titleId = `${name}-title-${index}`;
  const descId = `${name}-desc-${index}`;
  if (caption) card.append(element('h4', 'plot-caption', caption));
  if (legend) card.append(legend);
  const svgElement = svgFor(className, titleId, descId);
  svgElement.setAttribute('height', String(height));
  const label = () => {
    const svg = select(svgElement);
    svg.append('title').attr('id', titleId).text(typeof title === 'function' ? title() : title);
    svg.append('desc').attr('id', descId).text(typeof description === 'function' ? description() : description);
    return svg;
  };
  label();
  card.append(svgElement);
  return {
    svgElement,
    redraw(width) {
      select(svgElement).selectAll('*').remove();
      draw(label(), width);
    },
  };
}

/**
 * Builds one card: heading, a line of metrics, the charts, notes.
 * @returns {{ card: HTMLElement, redraw: (width: number, force?: boolean) => void }}
 */
function buildCard(column, index, report) {
  const card = element('figure', 'card hist-card');
  card.dataset.column = column.name;
  card.id = detailsId(index);
  card.tabIndex = -1;
  const headingId = `hist-heading-${index}`;
  const heading = element('h3', undefined, column.name === '' ? '(unnamed)' : column.name);
  heading.id = headingId;
  card.append(heading);
  card.setAttribute('aria-labelledby', headingId);

  if (column.error) {
    card.append(element('p', 'meta', `${column.type}: not compared: ${column.error}`));
    return { card, redraw() {}, drawn: () => true };
  }

  const data = chartData(column);
  const meta = element('p', 'meta');
  const drift = column.drift;
  meta.textContent =
    `${column.type} · ${drift ? `${drift.drifted ? 'drifted' : 'not drifted'} (${drift.test} ${formatNumber(drift.score)}, ${drift.rule.replace('threshold', formatCutoff(drift.threshold))}) · ` : ''}` +
    `JS distance ${formatNumber(column.metrics.js_distance_base_e)} · PSI ${formatNumber(column.metrics.psi_smoothed)} · ` +
    `KL(P‖Q) smoothed ${formatNumber(column.metrics.kl_ref_cur_smoothed)}`;
  card.append(meta);

  if (column.type === 'numeric' && column.summary) {
    const { reference: r, current: c } = column.summary;
    card.append(element('p', 'meta', `mean ${formatNumber(r.mean)} (P) vs ${formatNumber(c.mean)} (Q); std ${formatNumber(r.std)} vs ${formatNumber(c.std)}`));
  }
  if (column.missing_change?.flagged) {
    const m = column.missing_change;
    card.append(element('p', 'meta flag', `Missing share changed: ${formatPercent(100 * m.ref_share)} → ${formatPercent(100 * m.cur_share)} (p ${formatNumber(m.pvalue)}).`));
  }

  const plots = [
    plot(card, {
      className: 'hist',
      name: 'hist',
      index,
      title: () => `${column.name}: reference vs current, ${mode === 'counts' ? 'counts' : 'percent of each file'}`,
      description: () => describe(column, data),
      height: chartHeight(data),
      draw: (svg, w) => (data.kind === 'numeric' ? drawNumeric(svg, data, w) : drawCategorical(svg, data, w)),
    }),
  ];

  if (data.kind === 'categorical' && data.total > MAX_CATEGORIES) {
    card.append(element('p', 'more', `Showing the ${MAX_CATEGORIES} largest of ${formatCount(data.total)} categories (by combined share); the metrics use all of them.`));
  }
  if (column.other) {
    card.append(
      element('p', 'more other-note', `Too many distinct values: the top categories are kept and the rest counted as “other” (reference ${formatCount(column.other.ref)}, current ${formatCount(column.other.cur)} values); the metrics treat “other” as one category.`),
    );
  }
  if (data.kind === 'categorical') {
    if (column.only_in_ref?.length) card.append(element('p', 'more', `Only in the reference: ${listPreview(column.only_in_ref)}.`));
    if (column.only_in_cur?.length) card.append(element('p', 'more', `Only in the current file: ${listPreview(column.only_in_cur)}.`));
  }

  const contribution = contributionData(column, report);
  const sums = element('p', 'meta contribution-sums', `Σ KL terms ${formatNumber(contribution.klSum)} nats · Σ PSI terms ${formatNumber(contribution.psiSum)}`);
  sums.dataset.klSum = String(contribution.klSum);
  sums.dataset.psiSum = String(contribution.psiSum);
  plots.push(
    plot(card, {
      className: 'contrib',
      name: 'contrib',
      index,
      caption: 'Contribution per bin: KL(P‖Q) and PSI terms',
      legend: contributionLegend(),
      title: `${column.name}: per-bin contribution to KL(P‖Q) and PSI`,
      description: describeContribution(contribution),
      height: CONTRIBUTION_HEIGHT,
      draw: (svg, w) => drawContribution(svg, contribution, w),
    }),
  );
  card.append(sums);

  if (column.type === 'numeric' && column.bins?.edges?.length > 1) {
    const ecdf = ecdfData(column);
    plots.push(
      plot(card, {
        className: 'ecdf',
        name: 'ecdf',
        index,
        caption: ecdf.exactGap ? 'Empirical CDFs with the KS gap' : 'Empirical CDFs with the largest gap',
        title: `${column.name}: empirical CDFs of reference and current`,
        description: describeEcdf(ecdf),
        height: ECDF_HEIGHT,
        draw: (svg, w) => drawEcdf(svg, ecdf, w),
      }),
    );
    const note = element('p', 'more', gapNote(ecdf, column.metrics.ks_pvalue));
    note.dataset.gap = String(ecdf.gap.size);
    card.append(note);
  }

  let drawnWidth = 0;
  function redraw(width, force = false) {
    const w = Math.max(240, Math.floor(width));
    if (w === drawnWidth && !force) return;
    drawnWidth = w;
    for (const p of plots) p.redraw(w);
  }
  return { card, redraw, svgElement: plots[0].svgElement, drawn: () => drawnWidth > 0 };
}

/**
 * Replaces the cards in the container with one per column of the report, and keeps them sized.
 * Every card is built at once (headings, metrics, notes, each chart's title and description, its
 * height); a card's charts are drawn when it comes within a screen height of the viewport (and
 * before printing): a report of 4,096 columns would otherwise draw 12,000 charts, ~5 ms per card,
 * before the page shows anything. The cards in view are drawn at once.
 * @param {HTMLElement} container
 * @param {object} report a CompareReport
 */
export function renderHistograms(container, report) {
  container._stopDrawing?.(); // the previous report's observers and print handler
  const cards = report.columns.map((column, index) => buildCard(column, index, report));
  container.replaceChildren(...cards.map((c) => c.card));
  const widthOf = (c) => c.svgElement?.clientWidth || c.card.clientWidth - 32;
  // Every width is read before any card is drawn: reading one after another card changed would lay
  // the page out again, once per card.
  const draw = (list, force = false) => {
    const widths = list.map(widthOf);
    list.forEach((c, i) => c.redraw(widths[i], force));
  };
  const byCard = new Map(cards.map((c) => [c.card, c]));
  const near = new IntersectionObserver(
    (entries) => {
      const due = entries.filter((e) => e.isIntersecting).map((e) => byCard.get(e.target));
      for (const c of due) near.unobserve(c.card);
      draw(due.filter((c) => !c.drawn()));
    },
    { rootMargin: '100% 0px' },
  );
  // The cards in view now are drawn now (one layout for all their positions), the others when they come near.
  const viewport = window.innerHeight || document.documentElement.clientHeight;
  const boxes = cards.map((c) => c.card.getBoundingClientRect());
  const inView = cards.filter((c, i) => boxes[i].bottom > -viewport && boxes[i].top < 2 * viewport);
  draw(inView);
  for (const c of cards) if (!c.drawn()) near.observe(c.card);

  redrawAll = (force = false) => draw(cards.filter((c) => c.drawn()), force);
  const beforePrint = () => draw(cards.filter((c) => !c.drawn()));
  window.addEventListener('beforeprint', beforePrint);

  let frame = 0;
  const resized = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => redrawAll());
  });
  resized.observe(container);
  container._stopDrawing = () => {
    resized.disconnect();
    near.disconnect();
    window.removeEventListener('beforeprint', beforePrint);
  };
}
