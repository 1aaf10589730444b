// A small seeded random number generator for reproducible samples (same seed, same numbers, in
// every browser): a 32-bit counter-based mixer (the "splitmix32" construction: add a Weyl
// constant, then scramble with xor-shifts and multiplications), and standard normal variates by
// the Box–Muller transform.

/** Uniform numbers in (0, 1) from a 32-bit integer seed. */
export function uniformSource(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return (z + 0.5) / 4294967296; // never exactly 0 or 1
  };
}

/**
 * n standard normal variates from a seed (Box–Muller: two uniforms give two independent normals).
 * @returns {Float64Array}
 */
export function standardNormals(n, seed) {
  const next = uniformSource(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** n samples from N(mu, sigma^2), seeded. */
export function normalSamples(n, mu, sigma, seed) {
  const z = standardNormals(n, seed);
  for (let i = 0; i < n; i++) z[i] = mu + sigma * z[i];
  return z;
}
