// The KL explainer page: loads the WASM core, then redraws the plot and the outputs on every
// slider `input` event, and announces the settled values in a polite live region.
import { init } from '../../../src/index.js';
import { createAnnouncer } from '../announce.js';
import { formatNumber, showValue } from '../format.js';
import { fillCoin } from './coin.js';
import { setupControls } from './controls.js';
import { computeState } from './model.js';
import { createPlot } from './plot.js';

const $ = (id) => document.getElementById(id);

function describe({ muP, sigmaP, muQ, sigmaQ }, state) {
  return (
    `P is a normal distribution with mean ${muP} and standard deviation ${sigmaP} (solid curve); ` +
    `Q has mean ${muQ} and standard deviation ${sigmaQ} (dashed curve). ` +
    `The lower panel shades p(x) ln(p(x)/q(x)): positive where p is above q, negative where it is below. ` +
    `KL(P‖Q) = ${formatNumber(state.klPQ)} nats.`
  );
}

function gridNote(state) {
  const { gridPQ, klPQ } = state;
  const relative = klPQ > 0 ? Math.abs(gridPQ.value - klPQ) / klPQ : Math.abs(gridPQ.value - klPQ);
  if (relative < 1e-9) return 'KL(P‖Q): the two agree to at least 9 significant digits.';
  const difference = `KL(P‖Q): relative difference ${formatNumber(relative, 2)}.`;
  if (relative < 1e-6) return difference;
  return `${difference} The 2001-point grid is too coarse for a density this narrow.`;
}

function render(draw, state, announce) {
  showValue($('kl-pq'), state.klPQ);
  showValue($('kl-qp'), state.klQP);
  showValue($('kl-pq-bits'), state.klPQBits);
  showValue($('kl-qp-bits'), state.klQPBits);
  showValue($('kl-pq-grid'), state.gridPQ.value);
  showValue($('kl-qp-grid'), state.gridQP.value);
  $('grid-window').textContent = `[${formatNumber(state.gridPQ.lo)}, ${formatNumber(state.gridPQ.hi)}]`;
  $('grid-note').textContent = gridNote(state);
  $('plot-desc').textContent = describe(state.params, state);
  draw(state);
  announce(
    `KL(P‖Q) = ${formatNumber(state.klPQ)} nats, ${formatNumber(state.klPQBits)} bits. ` +
      `KL(Q‖P) = ${formatNumber(state.klQP)} nats, ${formatNumber(state.klQPBits)} bits.`,
  );
}

async function main() {
  const draw = createPlot($('kl-plot'));
  const announce = createAnnouncer($('kl-announcer'));
  let ready = false;
  const controls = setupControls((params) => {
    if (ready) render(draw, computeState(params), announce);
  });

  try {
    await init();
  } catch (error) {
    $('plot-desc').textContent = 'The WebAssembly core could not be loaded.';
    $('grid-note').textContent = `Could not load the WebAssembly core: ${error.message}`;
    throw error;
  }
  ready = true;
  controls.sync();
  render(draw, computeState(controls.read()), () => {});
  fillCoin();
  document.documentElement.dataset.ready = 'true';
}

main();
