// Uses every export of 'divergence-lab/widgets' (and the side-effect bundle) with its declared types.
import {
  DivergenceElement,
  loadCore,
  KlGaussians,
  KlCoin,
  KlFit,
  KlCrossEntropy,
  DivergenceCompare,
  KlSampling,
  KlDrift,
  elements,
  defineAll,
} from 'divergence-lab/widgets';
import * as bundle from 'divergence-lab/widgets/bundle';

export async function useWidgets(registry: CustomElementRegistry): Promise<number[]> {
  const defined: readonly (typeof DivergenceElement)[] = defineAll(registry);
  defineAll();
  await loadCore();
  KlGaussians.define(registry);
  const tags: string[] = elements.map((element) => element.tagName);

  const gaussians = document.createElement('kl-gaussians') as KlGaussians;
  gaussians.muP = 0;
  gaussians.muQ = 1;
  gaussians.sigmaP = 1;
  gaussians.sigmaQ = 1;
  gaussians.unit = 'bits';
  gaussians.points = 1000;
  gaussians.theme = 'dark';
  await gaussians.ready;
  const values: number[] = [gaussians.klPQ, gaussians.klQP, gaussians.js, gaussians.klPQNumerical, gaussians.klQPNumerical];

  const coin = new KlCoin();
  coin.p = 0.9;
  coin.q = 0.5;
  coin.scenario = 'forecast';
  coin.preset();
  values.push(coin.klPQ, coin.klQP, coin.entropyP, coin.entropyQ, coin.crossEntropyPQ, coin.crossEntropyQP);

  const fit = new KlFit();
  fit.direction = 'reverse';
  fit.separation = 4;
  fit.weight = 0.5;
  fit.rate = 0.1;
  fit.points = 400;
  fit.start();
  fit.pause();
  fit.step();
  fit.runToConvergence();
  fit.reset();
  values.push(fit.mu, fit.sigma, fit.kl, fit.iteration, Number(fit.running), Number(fit.converged));

  const crossEntropy = new KlCrossEntropy();
  crossEntropy.logits = '2,1,0.1';
  crossEntropy.classes = 'cat,dog,fox';
  crossEntropy.label = 0;
  crossEntropy.smoothing = 0.1;
  crossEntropy.unit = 'nats';
  const p: readonly number[] = crossEntropy.p;
  const q: readonly number[] = crossEntropy.q;
  values.push(crossEntropy.crossEntropy, crossEntropy.entropy, crossEntropy.kl, crossEntropy.perplexity, p.length + q.length);

  const compare = new DivergenceCompare();
  compare.shift = 2;
  compare.unit = 'bits';
  compare.points = 500;
  values.push(compare.kl, compare.klReverse, compare.js, compare.tv, compare.wasserstein, Number(compare.overlapping));

  const sampling = new KlSampling();
  sampling.muP = 0;
  sampling.sigmaP = 1;
  sampling.muQ = 1;
  sampling.sigmaQ = 2;
  sampling.samples = 1000;
  sampling.seed = 7;
  sampling.resample();
  values.push(sampling.estimate, sampling.standardError, sampling.closedForm);

  const drift = new KlDrift();
  drift.shift = 0.5;
  drift.spread = 1.2;
  drift.metric = 'psi';
  drift.epsilon = 1e-4;
  drift.jsThreshold = 0.1;
  drift.seed = 3;
  const status: string = drift.status;
  values.push(drift.psi, drift.jsDistance, status.length, drift.trainingCounts.length + drift.productionCounts.length);

  const element: DivergenceElement = drift;
  values.push(Number(element.isReady), defined.length, tags.length, bundle.elements.length);

  // @ts-expect-error read-only result
  gaussians.klPQ = 1;
  // @ts-expect-error numbers, not strings
  gaussians.muP = '1';
  return values;
}
