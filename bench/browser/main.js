// The kernel suite (bench/suite.js) in the browser, served by the Vite dev server of bench/run.mjs.
// The result lands in window.benchResult; ?simd=false forces the scalar build, ?sizes=1000,100000 limits N.
import * as math from 'mathjs';
import * as ml from 'ml-distance';
import * as dl from '../../web/src/index.js';
import { wasm } from '../../web/src/core/module.js';
import { runSuite, SIZES } from '../suite.js';

const params = new URLSearchParams(location.search);
const status = document.getElementById('status');
const logEl = document.getElementById('log');

async function main() {
  const simd = params.has('simd') ? params.get('simd') === 'true' : undefined;
  const sizes = params.has('sizes') ? params.get('sizes').split(',').map(Number) : SIZES;
  await dl.init({ simd });
  const module = wasm('bench');
  const probe = (a, b) => module.bandwidthProbe(a.pointerFor(module, 'a'), b.pointerFor(module, 'b'), a.length);
  status.textContent = 'running';
  // Yield once so the page paints before the long synchronous run.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const results = runSuite({ dl, ml, math, probe }, { sizes, log: (line) => (logEl.textContent += `${line}\n`) });
  const environment = {
    runtime: navigator.userAgent,
    cores: navigator.hardwareConcurrency,
    memoryGB: navigator.deviceMemory,
  };
  window.benchResult = { environment, results };
  status.textContent = 'done';
}

main().catch((error) => {
  window.benchResult = { error: String(error?.stack ?? error) };
  status.textContent = `failed: ${error}`;
});
