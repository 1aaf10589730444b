// The plot area shared by the comparison page's charts: a group inside the margins with one
// horizontal gridline per y tick (4 ticks). Returns the group to draw into.
export function plotArea(svg, margin, y, innerWidth) {
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
  return g;
}
