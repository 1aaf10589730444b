// The site's number formatting (web/site/src/format.js): configured cut-offs are written without
// padding zeros (0.05, not 0.05000), measured values keep 4 significant digits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCutoff, formatNumber } from '../../web/site/src/format.js';

test('formatCutoff writes the thresholds of the drift presets as people write them', () => {
  // drift.hpp: p < 0.05; normed Wasserstein / JS distance >= 0.1; PSI 0.1 / 0.25; drift share 0.5.
  assert.deepEqual([0.05, 0.1, 0.25, 0.5, 1].map((x) => formatCutoff(x)), ['0.05', '0.1', '0.25', '0.5', '1']);
  // formatNumber pads the same numbers: it is for measured values.
  assert.deepEqual([0.05, 0.1].map((x) => formatNumber(x)), ['0.05000', '0.1000']);
});

test('formatCutoff rounds to the given significant digits and drops only trailing zeros', () => {
  assert.equal(formatCutoff(0.123456), '0.1235');
  assert.equal(formatCutoff(0.857142857, 3), '0.857');
  assert.equal(formatCutoff(0.105), '0.105');
  assert.equal(formatCutoff(20), '20');
  assert.equal(formatCutoff(-0.1), '−0.1');
});

test('formatCutoff: exponent form without padded mantissa, and the special values of formatNumber', () => {
  assert.equal(formatCutoff(1e-5), '1×10⁻⁵');
  assert.equal(formatCutoff(2.5e-7), '2.5×10⁻⁷');
  assert.equal(formatCutoff(1.02e7), '1.02×10⁷');
  assert.equal(formatCutoff(0), '0');
  assert.equal(formatCutoff(Infinity), '∞');
  assert.equal(formatCutoff(-Infinity), '−∞');
  assert.equal(formatCutoff(NaN), '–');
  assert.equal(formatCutoff(undefined), '–');
});
