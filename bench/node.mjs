// The kernel suite (bench/suite.js) in Node; prints JSON ({ environment, results }) on stdout.
// Usage: node bench/node.mjs [--simd true|false] [--sizes 1000,100000]
import os from 'node:os';
import * as math from 'mathjs';
import * as ml from 'ml-distance';
import { wasm } from '../web/src/core/module.js';
import * as dl from '../web/src/node.js';
import { runSuite, SIZES } from './suite.js';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const simd = option('simd') === undefined ? undefined : option('simd') === 'true';
const sizes = option('sizes') ? option('sizes').split(',').map(Number) : SIZES;

await dl.init({ simd });
const module = wasm('bench');
const probe = (a, b) => module.bandwidthProbe(a.pointerFor(module, 'a'), b.pointerFor(module, 'b'), a.length);
const results = runSuite({ dl, ml, math, probe }, { sizes, log: (line) => process.stderr.write(`[node] ${line}\n`) });
const environment = {
  runtime: `Node ${process.version} (V8 ${process.versions.v8})`,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
};
console.log(JSON.stringify({ environment, results }));
