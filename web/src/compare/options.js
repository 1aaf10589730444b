// compare()'s and compareFiles()' options (camelCase, documented in ../index.d.ts and compare.d.ts)
// as the engine's "key=value" lines (report_spec.hpp; parsed by cpp/bindings/spec_text.hpp).

/** compare()'s option names (camelCase) and the engine's keys (report_spec.hpp). */
const OPTION_KEYS = {
  format: 'format',
  binning: 'binning',
  quantileBins: 'quantile-bins',
  smoothing: 'smoothing',
  missing: 'missing',
  types: 'types',
  preset: 'preset',
  customNumeric: 'custom-numeric',
  customCategorical: 'custom-categorical',
  psiThresholds: 'psi-thresholds',
  driftShare: 'drift-share',
  missingAlpha: 'missing-alpha',
  memoryBudget: 'memory-budget',
  categoryLimit: 'category-limit',
};

/** The option as the engine's text: arrays comma-joined, { column: type } as "column:type,...". */
function optionText(name, value) {
  let text;
  if (Array.isArray(value)) text = value.join(',');
  else if (name === 'types' && value && typeof value === 'object') text = Object.entries(value).map(([k, v]) => `${k}:${v}`).join(',');
  else if (name === 'smoothing' && value && typeof value === 'object') text = 'epsilon' in value ? `epsilon:${value.epsilon}` : `pseudocount:${value.pseudocount}`;
  else if (name === 'binning' && value && typeof value === 'object' && 'edges' in value) text = `edges:${Array.from(value.edges).join(',')}`;
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else throw new TypeError(`${name}: unsupported value ${JSON.stringify(value)}`);
  if (text.includes('\n')) throw new RangeError(`${name}: must not contain a line break`);
  return text;
}

export function optionLines(options) {
  if (options === null || typeof options !== 'object') throw new TypeError(`options: expected an object, got ${options === null ? 'null' : typeof options}`);
  const lines = [];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!(name in OPTION_KEYS)) throw new RangeError(`options: unknown option '${name}' (known: ${Object.keys(OPTION_KEYS).join(', ')})`);
    lines.push(`${OPTION_KEYS[name]}=${optionText(name, value)}`);
  }
  return lines.join('\n');
}
