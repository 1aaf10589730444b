// Number formatting shared by both pages.

/**
 * A number rounded to 4 significant digits for display: "∞" for Infinity, "−∞" for -Infinity,
 * "–" for NaN/undefined, integers below 10^6 as they are, exponent form for very large/small values.
 * @param {number} x
 * @param {number} [digits=4]
 */
export function formatNumber(x, digits = 4) {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (typeof x !== 'number' || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return minus(String(x));
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return minus(`${mantissa}×10${superscript(Number(exponent))}`);
  }
  return minus(x.toPrecision(digits));
}

/**
 * A configured cut-off (a drift threshold, a p-value level, a PSI/JS/Wasserstein cut-off, the drift
 * share) as people write it: rounded to `digits` significant digits with no padding zeros, so 0.05
 * reads "0.05" and 0.1 reads "0.1", where formatNumber would give "0.05000" and "0.1000". Infinities,
 * NaN and very large/small values as formatNumber shows them (mantissa without padding zeros).
 * Measured values (scores, p-values) keep formatNumber.
 * @param {number} x
 * @param {number} [digits=4]
 */
export function formatCutoff(x, digits = 4) {
  if (typeof x !== 'number' || !Number.isFinite(x) || x === 0) return formatNumber(x, digits);
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return formatNumber(x, digits).replace(/\.?0+×/, '×');
  return minus(String(Number(x.toPrecision(digits))));
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** An integer count with thousands separators ("3,239"); one formatter for all (toLocaleString makes one per call). */
export function formatCount(n) {
  return typeof n === 'number' && Number.isFinite(n) ? COUNT_FORMAT.format(n) : '–';
}

/** A percentage with up to 1 decimal ("12.5 %"). */
export function formatPercent(x) {
  if (!Number.isFinite(x)) return '–';
  return `${x >= 10 || x === 0 ? Math.round(x * 10) / 10 : x.toPrecision(2)} %`;
}

/** A compact axis tick label: 3 significant digits, trailing zeros dropped. */
export function formatTick(x) {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e5 || abs < 1e-3) return minus(Number(x.toPrecision(2)).toExponential().replace('e+', 'e'));
  return minus(String(Number(x.toPrecision(3))));
}

/**
 * Sets an element's visible text (rounded) and its data-value (full precision, String(x)).
 * @param {HTMLElement} element
 * @param {number} value
 * @param {(x: number) => string} [format]
 */
export function showValue(element, value, format = formatNumber) {
  element.dataset.value = String(value);
  element.textContent = format(value);
}

function minus(text) {
  return text.replace(/^-/, '−');
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n) {
  const digits = String(Math.abs(n))
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join('');
  return (n < 0 ? '⁻' : '') + digits;
}
