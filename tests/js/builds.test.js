// The SIMD and the scalar WebAssembly build, each forced with init({ simd }) in its own process:
// both load, report which build they are, keep the vector logarithm within 2 ulp of std::log over
// the whole double range, and give the same measures (SciPy values of the shared reference case
// "p_i = i+1, q_i = 1000-i" are checked in reference.test.js with the default build).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as dl from '../../web/src/node.js';

const probe = fileURLToPath(new URL('./helpers/build_probe.mjs', import.meta.url));
const run = (simd) => JSON.parse(execFileSync(process.execPath, [probe, String(simd)], { encoding: 'utf8' }));

test('SIMD build: loads when forced, vector log <= 2 ulp', () => {
  const r = run(true);
  assert.equal(r.build, 'simd');
  assert.ok(r.ulps <= 2, `max error ${r.ulps} ulp`);
});

test('scalar build: loads when forced, vector log <= 2 ulp, same measures as the SIMD build', () => {
  const scalar = run(false);
  const simd = run(true);
  assert.equal(scalar.build, 'scalar');
  assert.ok(scalar.ulps <= 2, `max error ${scalar.ulps} ulp`);
  for (const key of ['kl', 'crossEntropy', 'entropy', 'js']) {
    assert.ok(Math.abs(scalar[key] - simd[key]) <= 1e-14 * Math.abs(simd[key]), `${key}: ${scalar[key]} vs ${simd[key]}`);
  }
});

test('both builds give the SciPy values of the shared reference case', () => {
  // scipy 1.10.1: stats.entropy(arange(1,1001), arange(1000,0,-1)) and distance.jensenshannon(...).
  for (const r of [run(true), run(false)]) {
    assert.ok(Math.abs(r.kl - 0.9922564962956462) <= 1e-12 * 0.9922564962956462, `${r.build} kl ${r.kl}`);
    assert.ok(Math.abs(r.jsDistance - 0.4389177917112853) <= 1e-12 * 0.4389177917112853, `${r.build} js ${r.jsDistance}`);
    // p and q are mirror images: H(P) = H(Q) and H(P, Q) = H(P) + KL(P||Q).
    assert.ok(Math.abs(r.crossEntropy - (r.entropy + r.kl)) <= 1e-13 * r.crossEntropy);
  }
});

test('init rejects a simd option that is not a boolean', async () => {
  await assert.rejects(dl.init({ simd: 'yes' }), { name: 'TypeError', message: 'simd: expected true, false or undefined, got string' });
});
