// A module worker that loads the package itself (its own WebAssembly instance) and computes there.
import { init, klDivergence } from 'divergence-lab';

const ready = init();
self.addEventListener('message', async ({ data }) => {
  try {
    await ready;
    self.postMessage({ kl: klDivergence(data.p, data.q) });
  } catch (error) {
    self.postMessage({ error: error.message });
  }
});
