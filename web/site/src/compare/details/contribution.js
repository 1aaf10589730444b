// Per-bin contribution to KL(P‖Q) and PSI (smoothed, nats): two bars per bin or category, so the
// bins that carry the divergence stand out. The terms come from the report's counts and its stated
// smoothing (smoothing.js); their sums are the report's kl_ref_cur_smoothed and psi_smoothed. A
// legend above the chart names both series, their units, which bar of a pair is which, and what the
// sign means; the chart's description says the same in words.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { create } from 'd3-selection';
import { formatNumber, formatTick } from '../../format.js';
import { binTerms, parseSmoothing } from './smoothing.js';
import { plotArea } from './frame.js';

export const MAX_BARS = 30;
/** Height of the chart, px. */
export const CONTRIBUTION_HEIGHT = 200;

/**
 * The chart's two series, in drawing order (left, right bar of each pair): the bar class, the
 * legend's swatch class and text. The text names the series, not only its colour.
 */
export const CONTRIBUTION_SERIES = [
  { key: 'kl', swatch: 'fill-kl', text: 'KL(P‖Q) term p·ln(p/q), nats (left bar)' },
  { key: 'psi', swatch: 'fill-psi', text: 'PSI term (q−p)·ln(q/p), never negative (right bar)' },
];
/** What the sign of a bar means (p = reference share, q = current share of the bin). */
export const CONTRIBUTION_SIGN = 'Bars above 0 add to the sum, bars below take away: a KL term is negative where the current share q exceeds the reference share p.';

/**
 * The legend of the chart, in the page's legend style: a list with a swatch and a name per series,
 * then the sign's meaning.
 * @returns {HTMLUListElement}
 */
export function contributionLegend() {
  const list = create('ul').attr('class', 'legend contrib-legend').attr('aria-label', 'Legend of the contribution chart');
  for (const series of CONTRIBUTION_SERIES) {
    const item = list.append('li').attr('data-series', series.key);
    item.append('span').attr('class', `swatch ${series.swatch}`).attr('aria-hidden', 'true');
    item.append('span').text(series.text);
  }
  list.append('li').attr('data-series', 'sign').text(CONTRIBUTION_SIGN);
  return list.node();
}

/**
 * The terms of a column, labelled, plus their sums (over every bin, also those not drawn).
 * @param {object} column a report column (not an error)
 * @param {object} report the report (for options.smoothing)
 * @returns {{bins: Array<{label: string, kl: number, psi: number}>, klSum: number, psiSum: number, total: number}}
 */
export function contributionData(column, report) {
  const smoothing = parseSmoothing(report.options?.smoothing);
  let labels;
  let ref;
  let cur;
  if (column.type === 'numeric') {
    const e = column.bins.edges;
    labels = column.bins.ref_counts.map((_, i) => `${formatNumber(e[i], 3)} to ${formatNumber(e[i + 1], 3)}`);
    ref = column.bins.ref_counts;
    cur = column.bins.cur_counts;
  } else {
    labels = column.categories.map((c) => (c === '' ? '(empty)' : c));
    ref = [...column.ref_counts];
    cur = [...column.cur_counts];
    if (column.other) {
      labels.push('other');
      ref.push(column.other.ref);
      cur.push(column.other.cur);
    }
  }
  const terms = binTerms(ref, cur, smoothing);
  const bins = terms.map((t, i) => ({ label: labels[i], kl: t.kl, psi: t.psi, index: i }));
  const klSum = terms.reduce((a, t) => a + t.kl, 0);
  const psiSum = terms.reduce((a, t) => a + t.psi, 0);
  let shown = bins;
  if (column.type !== 'numeric' && bins.length > MAX_BARS) {
    shown = [...bins].sort((a, b) => Math.abs(b.psi) - Math.abs(a.psi) || a.index - b.index).slice(0, MAX_BARS);
  }
  return { bins: shown, klSum, psiSum, total: bins.length, smoothing: report.options?.smoothing ?? 'none' };
}

/** A sentence for the chart's description. */
export function describeContribution(data) {
  const top = [...data.bins].sort((a, b) => Math.abs(b.psi) - Math.abs(a.psi))[0];
  return (
    `Two bars per bin: ${CONTRIBUTION_SERIES.map((s) => s.text).join('; ')}. ${CONTRIBUTION_SIGN} ` +
    `Sums: KL(P‖Q) ${formatNumber(data.klSum)} nats, PSI ${formatNumber(data.psiSum)}, on shares smoothed with ${data.smoothing}. ${data.bins.length < data.total ? `The ${data.bins.length} largest of ${data.total} shown. ` : ''}` +
    (top ? `Largest PSI term: ${top.label}, ${formatNumber(top.psi)} (KL term ${formatNumber(top.kl)}).` : '')
  );
}

/**
 * Draws the bars into a d3 selection of an <svg> (title and desc only).
 * @param {import('d3-selection').Selection} svg
 * @param {ReturnType<typeof contributionData>} data
 * @param {number} width px
 */
export function drawContribution(svg, data, width) {
  const margin = { top: 10, right: 12, bottom: 56, left: 48 };
  const height = CONTRIBUTION_HEIGHT;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);
  const finite = (v) => (Number.isFinite(v) ? v : 0);
  const values = data.bins.flatMap((b) => [finite(b.kl), finite(b.psi)]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1e-12, ...values);
  const y = scaleLinear().domain([lo, hi]).range([innerHeight, 0]).nice(4);
  const x = scaleBand().domain(data.bins.map((_, i) => i)).range([0, innerWidth]).paddingInner(0.2);
  const side = scaleBand().domain(CONTRIBUTION_SERIES.map((s) => s.key)).range([0, x.bandwidth()]).paddingInner(0.05);

  const g = plotArea(svg, margin, y, innerWidth);
  data.bins.forEach((b, i) => {
    const group = g.append('g').attr('transform', `translate(${x(i)},0)`);
    group.append('title').text(`${b.label}: KL(P‖Q) term ${formatNumber(b.kl)}, PSI term ${formatNumber(b.psi)}`);
    for (const { key } of CONTRIBUTION_SERIES) {
      const v = finite(b[key]);
      group
        .append('rect')
        .attr('class', `bar-${key}`)
        .attr('x', side(key))
        .attr('width', side.bandwidth())
        .attr('y', y(Math.max(0, v)))
        .attr('height', Math.abs(y(v) - y(0)));
    }
  });
  g.append('line').attr('class', 'zero-axis').attr('x1', 0).attr('x2', innerWidth).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', 'currentColor');
  const step = Math.max(1, Math.ceil(data.bins.length / Math.max(2, Math.floor(innerWidth / 40))));
  const short = (s) => (s.length > 10 ? `${s.slice(0, 9)}…` : s);
  g.append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(axisBottom(x).tickValues(x.domain().filter((i) => i % step === 0)).tickFormat((i) => short(data.bins[i].label.split(' to ')[0])))
    .selectAll('text')
    .attr('transform', 'rotate(-35)')
    .attr('text-anchor', 'end');
  g.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(4).tickFormat(formatTick));
}
