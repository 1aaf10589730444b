// The core API on the main thread, one web component, the same computation in a module worker, and
// the dataset comparison (compare.js; the Playwright test calls window.compareTexts).
import { init, klDivergence } from 'divergence-lab';
import { defineAll } from 'divergence-lab/widgets';
import { compareTexts } from './compare.js';

const p = [0.1, 0.6, 0.3];
const q = [0.2, 0.3, 0.5];
const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

defineAll();
init().then(
  () => show('kl', String(klDivergence(p, q))),
  (error) => show('kl', `error: ${error.message}`),
);

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('message', ({ data }) => show('worker-kl', data.error ? `error: ${data.error}` : String(data.kl)));
worker.addEventListener('error', (event) => show('worker-kl', `error: ${event.message}`));
worker.postMessage({ p, q });

window.compareTexts = compareTexts;
