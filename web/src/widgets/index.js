// divergence-lab web components: the element classes for bundler users, and defineAll().
//
//   import { defineAll } from './web/src/widgets/index.js';   // path inside the package
//   defineAll();   // registers every element whose tag is not taken yet
//
// The single-file build (dist/widgets/divergence-lab-widgets.js, the WebAssembly inlined) calls
// defineAll() itself: one <script type="module" src=".../divergence-lab-widgets.js"> is enough.
// Each element is documented in the JSDoc at the top of its own file and on the site's embed page.
import { DivergenceCompare } from './divergence-compare.js';
import { KlCoin } from './kl-coin.js';
import { KlCrossEntropy } from './kl-cross-entropy.js';
import { KlDrift } from './kl-drift.js';
import { KlFit } from './kl-fit.js';
import { KlGaussians } from './kl-gaussians.js';
import { KlSampling } from './kl-sampling.js';

export { DivergenceElement, loadCore } from './base.js';
export { DivergenceCompare, KlCoin, KlCrossEntropy, KlDrift, KlFit, KlGaussians, KlSampling };

/** Every element class (each has a static tagName). */
export const elements = [KlGaussians, KlCoin, KlFit, KlCrossEntropy, DivergenceCompare, KlSampling, KlDrift];

/** Defines every element (a tag that is already defined is left alone). @returns the classes. */
export function defineAll(registry = globalThis.customElements) {
  for (const element of elements) element.define(registry);
  return elements;
}
