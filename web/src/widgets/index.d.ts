/**
 * divergence-lab web components for bundler users: `import { defineAll } from 'divergence-lab/widgets'`,
 * `defineAll()`, then use the tags. (Pages without a bundler load dist/widgets/divergence-lab-widgets.js with one
 * <script type="module">, which defines them all.) Each element's attributes, properties, events, parts and
 * custom properties are documented at the top of its source file and on the site's embed page.
 * Every element has a `theme` attribute ('auto' | 'light' | 'dark'), a `ready` promise (resolves after the first
 * render) and an `isReady` flag; attributes are reflected by camel-case properties; a `change` CustomEvent bubbles
 * after user input.
 */

/** Base class of the elements: loads the WebAssembly core once, renders a static first frame until then. */
export class DivergenceElement extends HTMLElement {
  /** The element's tag name, e.g. 'kl-gaussians'. */
  static readonly tagName: string;
  /** Defines the element in the registry unless the tag is taken. */
  static define(registry?: CustomElementRegistry): void;
  /** Resolves after the first render with the core's values. */
  readonly ready: Promise<void>;
  readonly isReady: boolean;
  /** 'auto' (follows prefers-color-scheme), 'light' or 'dark'. */
  theme: string;
}

/** Loads the WebAssembly core once (shared by all elements). */
export function loadCore(): Promise<void>;

/** <kl-gaussians>: two normals with sliders; KL both ways and JS, closed form beside the numerical integral. */
export class KlGaussians extends DivergenceElement {
  muP: number;
  muQ: number;
  sigmaP: number;
  sigmaQ: number;
  /** 'nats' | 'bits': unit of the read-only properties. */
  unit: string;
  points: number;
  readonly klPQ: number;
  readonly klQP: number;
  readonly js: number;
  readonly klPQNumerical: number;
  readonly klQPNumerical: number;
}

/** <kl-coin>: a biased coin against a fair one; code-length bars (bits per toss) both ways; the forecast preset. */
export class KlCoin extends DivergenceElement {
  p: number;
  q: number;
  /** 'coin' | 'forecast'. */
  scenario: string;
  readonly klPQ: number;
  readonly klQP: number;
  readonly entropyP: number;
  readonly entropyQ: number;
  readonly crossEntropyPQ: number;
  readonly crossEntropyQP: number;
  /** Applies the scenario's preset values. */
  preset(): void;
}

/** <kl-fit>: fits one normal Q to a two-peaked P by forward or reverse KL, step by step (mode-covering vs mode-seeking). */
export class KlFit extends DivergenceElement {
  /** 'forward' (KL(P‖Q)) | 'reverse' (KL(Q‖P)). */
  direction: string;
  separation: number;
  weight: number;
  rate: number;
  points: number;
  readonly mu: number;
  readonly sigma: number;
  readonly kl: number;
  readonly iteration: number;
  readonly running: boolean;
  readonly converged: boolean;
  start(): void;
  pause(): void;
  step(): void;
  reset(): void;
  runToConvergence(): void;
}

/** <kl-cross-entropy>: H(P,Q) = H(P) + KL(P‖Q) as stacked bars for a classifier's softmax output, with perplexity. */
export class KlCrossEntropy extends DivergenceElement {
  logits: string;
  classes: string;
  label: number;
  smoothing: number;
  unit: string;
  readonly crossEntropy: number;
  readonly entropy: number;
  readonly kl: number;
  readonly perplexity: number;
  readonly p: readonly number[];
  readonly q: readonly number[];
}

/** <divergence-compare>: P slides away from Q until the supports stop overlapping; KL, JS, TV and Wasserstein side by side. */
export class DivergenceCompare extends DivergenceElement {
  shift: number;
  unit: string;
  points: number;
  readonly kl: number;
  readonly klReverse: number;
  readonly js: number;
  readonly tv: number;
  readonly wasserstein: number;
  readonly overlapping: boolean;
}

/** <kl-sampling>: the running Monte Carlo estimate of KL(P‖Q) converging to the closed form, with a ±2 SE band. */
export class KlSampling extends DivergenceElement {
  muP: number;
  sigmaP: number;
  muQ: number;
  sigmaQ: number;
  samples: number;
  seed: number;
  readonly estimate: number;
  readonly standardError: number;
  readonly closedForm: number;
  resample(): void;
}

/** <kl-drift>: a training histogram against a production histogram with a drift threshold (PSI or JS distance). */
export class KlDrift extends DivergenceElement {
  shift: number;
  spread: number;
  /** 'psi' | 'js'. */
  metric: string;
  epsilon: number;
  jsThreshold: number;
  seed: number;
  readonly psi: number;
  readonly jsDistance: number;
  readonly status: string;
  readonly trainingCounts: readonly number[];
  readonly productionCounts: readonly number[];
}

/** Every element class. */
export const elements: readonly (typeof DivergenceElement)[];

/** Defines every element whose tag is not taken yet. @returns the classes. */
export function defineAll(registry?: CustomElementRegistry): readonly (typeof DivergenceElement)[];
