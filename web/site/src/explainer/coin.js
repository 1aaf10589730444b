// The biased-coin paragraph: a 70/30 coin against a fair one, in bits, from the WASM core.
import { entropy, klDivergence } from '../../../src/index.js';
import { formatNumber, showValue } from '../format.js';

export function fillCoin() {
  const biased = [0.7, 0.3];
  const fair = [0.5, 0.5];
  const pq = klDivergence(biased, fair, { base: 2 });
  const qp = klDivergence(fair, biased, { base: 2 });
  const h = entropy(biased, { base: 2 });
  showValue(document.getElementById('coin-pq'), pq);
  showValue(document.getElementById('coin-qp'), qp);
  showValue(document.getElementById('coin-entropy'), h);
  // Expected evidence after n tosses is n·D(P‖Q) bits; 10 bits ≈ odds of 1000:1.
  showValue(document.getElementById('coin-tosses'), Math.ceil(10 / pq), (n) => formatNumber(n));
}
