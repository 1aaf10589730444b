// The worst error, in ulp of std::log, of the core's vector logarithm over the whole positive
// double range: every exponent field 0..2046 (subnormals included) with 512 pseudo-random
// mantissas each, plus the neighbourhoods of 1, sqrt(2)/2, sqrt(2) and the extremes.
const bits = new BigUint64Array(1);
const asDouble = new Float64Array(bits.buffer);

function fromBits(b) {
  bits[0] = b;
  return asDouble[0];
}

function spacing(x) {
  asDouble[0] = Math.abs(x);
  bits[0] += 1n;
  return asDouble[0] - Math.abs(x);
}

export function samples() {
  const out = [];
  let seed = 12345n;
  for (let e = 0n; e <= 2046n; e++) {
    for (let i = 0; i < 512; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      const x = fromBits((e << 52n) | (seed >> 12n));
      if (x > 0) out.push(x);
    }
  }
  for (const centre of [1, Math.SQRT1_2, Math.SQRT2, 0.5, 2]) {
    asDouble[0] = centre;
    const b = bits[0];
    for (let k = -5000n; k <= 5000n; k++) out.push(fromBits(b + k));
  }
  out.push(Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, 1e-300, 1e300);
  return Float64Array.from(out);
}

/** Runs module.vectorLog and module.stdLog over samples() and returns the largest difference in ulp. */
export function maxUlpsOfVectorLog(module) {
  const x = samples();
  const n = x.length;
  const base = module._malloc(n * 24);
  try {
    module.HEAPF64.set(x, base >> 3);
    module.vectorLog(base, n, base + n * 8);
    module.stdLog(base, n, base + n * 16);
    const heap = module.HEAPF64;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const got = heap[(base >> 3) + n + i];
      const want = heap[(base >> 3) + 2 * n + i];
      const e = got === want ? 0 : Math.abs(got - want) / spacing(want);
      if (!(e <= worst)) worst = e;
    }
    return worst;
  } finally {
    module._free(base);
  }
}
