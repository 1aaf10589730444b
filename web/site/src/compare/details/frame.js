// The plot area shared by the comparison page's charts: a group inside the margins with one
// horizontal gridline per y tick (4 ticks; the web components' drawGrid). Returns the group to draw into.
import { drawGrid } from '../../../../src/widgets/plot.js';

export function plotArea(svg, margin, y, innerWidth) {
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  drawGrid(g.append('g'), y, innerWidth, 4);
  return g;
}
