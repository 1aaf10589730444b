// Run by tests/js/builds.test.js in a fresh process: loads the core with init({ simd }) for the
// given argument ("true" / "false"), then prints JSON with the build it got, the vector
// logarithm's worst error in ulp against the module's std::log over the whole double range, and
// a few measures of the reference cases.
import * as dl from '../../../web/src/node.js';
import { wasm } from '../../../web/src/core/module.js';
import { maxUlpsOfVectorLog } from './vector_log_ulps.mjs';

const simd = process.argv[2] === 'true';
await dl.init({ simd });
// The shared reference case "p_i = i+1, q_i = 1000-i for i=0..999".
const p = Array.from({ length: 1000 }, (_, i) => i + 1);
const q = Array.from({ length: 1000 }, (_, i) => 1000 - i);
console.log(
  JSON.stringify({
    build: dl.coreBuild(),
    ulps: maxUlpsOfVectorLog(wasm('test')),
    kl: dl.klDivergence(p, q),
    crossEntropy: dl.crossEntropy(p, q),
    entropy: dl.entropy(p),
    js: dl.jsDivergence(p, q),
    jsDistance: dl.jsDistance(p, q),
  }),
);
