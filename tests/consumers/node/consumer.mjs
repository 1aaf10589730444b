// A Node ESM script that uses the installed package by name, as a user's script would. Prints JSON.
import { init, klDivergence, jsDistance, klNormal } from 'divergence-lab';
import * as single from 'divergence-lab/single';

await init();
await single.init();
console.log(
  JSON.stringify({
    kl: klDivergence([0.1, 0.6, 0.3], [0.2, 0.3, 0.5]),
    klBits: klDivergence([0.7, 0.3], [0.5, 0.5], { base: 2 }),
    js: jsDistance([1, 0], [0, 1]),
    klNormal: klNormal(0, 1, 1, 1),
    singleKl: single.klDivergence([0.1, 0.6, 0.3], [0.2, 0.3, 0.5]),
  }),
);
