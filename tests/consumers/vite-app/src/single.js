// The single-file build: the same API, the wasm inlined (no second request).
import { init, klNormal } from 'divergence-lab/single';

init().then(
  () => {
    document.getElementById('kl-normal').textContent = String(klNormal(0, 1, 1, 1));
  },
  (error) => {
    document.getElementById('kl-normal').textContent = `error: ${error.message}`;
  },
);
