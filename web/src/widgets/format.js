// Number formatting for the widgets: rounded for display, with typographic minus signs.

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function minus(text) {
  return text.replace(/^-/, '−');
}

function superscript(n) {
  const digits = [...String(Math.abs(n))].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return (n < 0 ? '⁻' : '') + digits;
}

/**
 * A number rounded to `digits` significant digits: "∞" for Infinity, "–" for NaN, integers as they
 * are (below 10^6), exponent form for very large or small magnitudes.
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
  return minus(String(Number(x.toPrecision(digits))));
}

/** A slider value without floating-point noise ("0.5", not "0.5000000001"), with a real minus sign. */
export function formatParameter(x) {
  return minus(String(Number(x.toFixed(4))));
}

/** Plain-text version for aria-valuetext and announcements (ASCII minus reads better in some readers). */
export function spokenNumber(x, digits = 4) {
  if (x === Infinity) return 'infinity';
  if (typeof x !== 'number' || Number.isNaN(x)) return 'not available';
  return formatNumber(x, digits).replace('−', 'minus ').replace(/×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/, (_, e) => ` times 10 to the ${[...e].map((c) => (c === '⁻' ? '-' : SUPERSCRIPT.indexOf(c))).join('')}`);
}

/** Axis tick labels: 3 significant digits, trailing zeros dropped. */
export function formatTick(x) {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e5 || abs < 1e-3) return minus(Number(x.toPrecision(2)).toExponential().replace('e+', 'e'));
  return minus(String(Number(x.toPrecision(3))));
}

/** An integer with thousands separators ("12,000"). */
export function formatCount(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}
