// Both empirical CDFs of a numeric column, with the largest vertical gap marked. The report carries
// the counts on the shared bins, so the curves are the ECDFs evaluated at the bin edges (exact there);
// the gap is the largest at those edges, a lower bound of the two-sample KS statistic, which the
// report gives exactly over all values (metrics.ks_statistic) and which the caption states.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line, curveStepAfter } from 'd3-shape';
import { formatNumber, formatTick } from '../../format.js';

/**
 * ECDF points at the bin edges for both sides and the largest gap.
 * @param {object} column a numeric report column with bins
 * @returns {{ref: Array<[number, number]>, cur: Array<[number, number]>, gap: {x: number, ref: number, cur: number, size: number}, ks: number}}
 */
export function ecdfData(column) {
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
  return { ref: edges.map((x, i) => [x, fr[i]]), cur: edges.map((x, i) => [x, fc[i]]), gap, ks: column.metrics.ks_statistic };
}

export function describeEcdf(data) {
  return (
    `Empirical CDFs of the reference and current values at the bin edges. Largest gap at the edges: ${formatNumber(data.gap.size)} at ` +
    `${formatNumber(data.gap.x)} (reference ${formatNumber(data.gap.ref)}, current ${formatNumber(data.gap.cur)}); ` +
    `the two-sample KS statistic over all values is ${formatNumber(data.ks)}.`
  );
}

/** Draws the two step curves and the gap into a d3 selection of an empty <svg>. */
export function drawEcdf(svg, data, width) {
  const margin = { top: 10, right: 12, bottom: 34, left: 44 };
  const height = 200;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);
  const xs = data.ref.map((d) => d[0]);
  const x = scaleLinear().domain([xs[0], xs[xs.length - 1]]).range([0, innerWidth]);
  const y = scaleLinear().domain([0, 1]).range([innerHeight, 0]);
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  g.append('g')
    .selectAll('line')
    .data(y.ticks(4))
    .join('line')
    .attr('class', 'gridline')
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  const path = line()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))
    .curve(curveStepAfter);
  g.append('path').attr('class', 'ecdf-ref').attr('d', path(data.ref));
  g.append('path').attr('class', 'ecdf-cur').attr('d', path(data.cur));
  if (data.gap.size > 0) {
    const gx = x(data.gap.x);
    const mark = g.append('g').attr('class', 'ks-gap');
    mark.append('title').text(`Largest gap at the bin edges: ${formatNumber(data.gap.size)} at ${formatNumber(data.gap.x)}`);
    mark.append('line').attr('x1', gx).attr('x2', gx).attr('y1', y(data.gap.ref)).attr('y2', y(data.gap.cur));
    mark
      .append('text')
      .attr('x', gx + (gx > innerWidth / 2 ? -4 : 4))
      .attr('y', y((data.gap.ref + data.gap.cur) / 2))
      .attr('dy', '0.35em')
      .attr('text-anchor', gx > innerWidth / 2 ? 'end' : 'start')
      .text(`gap ${formatNumber(data.gap.size, 2)}`);
  }
  g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${innerHeight})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(innerWidth / 60))).tickFormat(formatTick));
  g.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(4).tickFormat(formatTick));
}
