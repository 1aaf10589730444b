// Both empirical CDFs of a numeric column, with the two-sample KS gap marked. The report's "ecdf"
// block (cpp/include/divergence/ecdf.hpp) gives each side's ECDF at up to 200 of its own values
// (exact there; the whole step function when a side has few distinct values) and the exact place of
// the KS statistic: the value x where |F_ref - F_cur| is largest and both ECDFs there, so the marked
// gap IS the statistic (for a sketched column, the sketch's, within the stated bound). A report
// without the block (older reports) falls back to the ECDFs at the bin edges, whose largest gap is
// only a lower bound of the statistic; the caption says which.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line, curveStepAfter } from 'd3-shape';
import { formatNumber, formatTick } from '../../format.js';
import { plotArea } from './frame.js';

/** ECDF points of one side from the report's curve: a step from 0 at the domain's start. */
function curvePoints(curve, start) {
  const points = [[start, 0]];
  curve.x.forEach((x, i) => points.push([x, curve.cdf[i]]));
  return points;
}

/** The curves at the bin edges and their largest gap (reports without an "ecdf" block). */
function binEdgeData(column) {
  const { edges, ref_counts: rc, cur_counts: cc } = column.bins;
  const cumulative = (counts) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    let run = 0;
    return [0, ...counts.map((c) => (run += c) / total)];
  };
  const fr = cumulative(rc);
  const fc = cumulative(cc);
  let gap = { x: edges[0], ref: 0, cur: 0, size: 0 };
  edges.forEach((x, i) => {
    const size = Math.abs(fr[i] - fc[i]);
    if (size > gap.size) gap = { x, ref: fr[i], cur: fc[i], size };
  });
  return { ref: edges.map((x, i) => [x, fr[i]]), cur: edges.map((x, i) => [x, fc[i]]), gap, ks: column.metrics.ks_statistic, exactGap: false, bound: 0 };
}

/**
 * ECDF points for both sides and the KS gap.
 * @param {object} column a numeric report column (with "ecdf", or at least "bins")
 * @returns {{ref: Array<[number, number]>, cur: Array<[number, number]>, gap: {x: number, ref: number, cur: number, size: number}, ks: number, exactGap: boolean, bound: number}}
 *   exactGap: the gap is the KS statistic's own (from the report's ecdf block); bound: its stated
 *   error for a sketched column (0 when exact)
 */
export function ecdfData(column) {
  const e = column.ecdf;
  if (!e) return binEdgeData(column);
  const start = Math.min(e.reference.x[0], e.current.x[0]);
  const end = Math.max(e.reference.x.at(-1), e.current.x.at(-1));
  const ref = curvePoints(e.reference, start);
  const cur = curvePoints(e.current, start);
  ref.push([end, 1]);
  cur.push([end, 1]);
  return {
    ref,
    cur,
    gap: { x: e.gap.x, ref: e.gap.ref, cur: e.gap.cur, size: e.gap.statistic },
    ks: column.metrics.ks_statistic,
    exactGap: true,
    bound: e.exact ? 0 : e.statistic_error,
  };
}

/** The sentence under the plot: where the gap is and how it relates to the KS statistic. */
export function gapNote(data, pvalue) {
  if (!data.exactGap) {
    const ks =
      data.ks === null || data.ks === undefined
        ? 'histogram summaries give no KS statistic (it needs the values)'
        : `the KS statistic over all values is ${formatNumber(data.ks)} (p ${formatNumber(pvalue)})`;
    return `Curves at the bin edges; the gap marked there is ${formatNumber(data.gap.size)}; ${ks}.`;
  }
  const bound = data.bound > 0 ? ` (from the quantile sketch: within ±${formatNumber(data.bound)} of the exact value)` : '';
  return `KS gap marked at x = ${formatNumber(data.gap.x)}: reference ${formatNumber(data.gap.ref)}, current ${formatNumber(data.gap.cur)}, so D = ${formatNumber(data.gap.size)}${bound} (p ${formatNumber(pvalue)}).`;
}

export function describeEcdf(data) {
  if (!data.exactGap) {
    return (
      `Empirical CDFs of the reference and current values at the bin edges. Largest gap at the edges: ${formatNumber(data.gap.size)} at ` +
      `${formatNumber(data.gap.x)} (reference ${formatNumber(data.gap.ref)}, current ${formatNumber(data.gap.cur)}); ` +
      (data.ks === null || data.ks === undefined ? 'histogram summaries give no KS statistic.' : `the two-sample KS statistic over all values is ${formatNumber(data.ks)}.`)
    );
  }
  return (
    `Empirical CDFs of the reference and current values (exact at up to 200 quantile points per side). The two-sample KS ` +
    `statistic ${formatNumber(data.gap.size)} is the gap at ${formatNumber(data.gap.x)}: reference ${formatNumber(data.gap.ref)}, ` +
    `current ${formatNumber(data.gap.cur)}.`
  );
}

/** Height of the chart, px. */
export const ECDF_HEIGHT = 200;

/** Draws the two step curves and the gap into a d3 selection of an <svg> (title and desc only). */
export function drawEcdf(svg, data, width) {
  const margin = { top: 10, right: 12, bottom: 34, left: 44 };
  const height = ECDF_HEIGHT;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);
  const xs = data.ref.map((d) => d[0]);
  const x = scaleLinear().domain([xs[0], xs[xs.length - 1]]).range([0, innerWidth]);
  const y = scaleLinear().domain([0, 1]).range([innerHeight, 0]);
  const g = plotArea(svg, margin, y, innerWidth);
  const path = line()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))
    .curve(curveStepAfter);
  g.append('path').attr('class', 'ecdf-ref').attr('d', path(data.ref));
  g.append('path').attr('class', 'ecdf-cur').attr('d', path(data.cur));
  if (data.gap.size > 0) {
    const gx = x(data.gap.x);
    const mark = g.append('g').attr('class', 'ks-gap').attr('data-gap', String(data.gap.size)).attr('data-gap-x', String(data.gap.x));
    mark.append('title').text(`${data.exactGap ? 'KS statistic' : 'Largest gap at the bin edges'}: ${formatNumber(data.gap.size)} at ${formatNumber(data.gap.x)}`);
    mark.append('line').attr('x1', gx).attr('x2', gx).attr('y1', y(data.gap.ref)).attr('y2', y(data.gap.cur));
    mark
      .append('text')
      .attr('x', gx + (gx > innerWidth / 2 ? -4 : 4))
      .attr('y', y((data.gap.ref + data.gap.cur) / 2))
      .attr('dy', '0.35em')
      .attr('text-anchor', gx > innerWidth / 2 ? 'end' : 'start')
      .text(`${data.exactGap ? 'D' : 'gap'} ${formatNumber(data.gap.size, 2)}`);
  }
  g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${innerHeight})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(innerWidth / 60))).tickFormat(formatTick));
  g.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(4).tickFormat(formatTick));
}
