// Options shared by the discrete measures: { base, normalize, smoothing }, flattened for the core.

const SMOOTHING_NONE = 0;
const SMOOTHING_EPSILON = 1;
const SMOOTHING_PSEUDOCOUNT = 2;

function smoothingOf(smoothing) {
  if (smoothing === undefined || smoothing === null || smoothing === 'none') return [SMOOTHING_NONE, 0];
  if (typeof smoothing === 'object') {
    const keys = Object.keys(smoothing);
    if (keys.length === 1 && keys[0] === 'epsilon') return [SMOOTHING_EPSILON, number(smoothing.epsilon, 'smoothing.epsilon')];
    if (keys.length === 1 && keys[0] === 'pseudocount') {
      return [SMOOTHING_PSEUDOCOUNT, number(smoothing.pseudocount, 'smoothing.pseudocount')];
    }
  }
  throw new TypeError(`smoothing: expected 'none', { epsilon: number } or { pseudocount: number }, got ${JSON.stringify(smoothing)}`);
}

function number(value, name) {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected a number, got ${typeof value}`);
  return value;
}

const DISCRETE_KEYS = ['base', 'normalize', 'smoothing'];
// The resolved defaults, shared (frozen) so calls without options allocate nothing.
const DEFAULTS = Object.freeze([Math.E, true, SMOOTHING_NONE, 0]);

/**
 * Resolves `{ base = Math.E, normalize = true, smoothing = 'none' }` into the argument list the
 * core takes: [base, normalize, smoothingKind, smoothingAmount]. Wrong types throw TypeError; an
 * unknown key (a misspelt `bsae: 2` would silently give nats) throws RangeError; the ranges
 * (base > 0 and != 1, amounts > 0) are checked by the core. `extraKeys`: the caller's own options.
 * The returned array is read-only (frozen when it is the defaults).
 */
export function discreteOptions(options, caller, extraKeys = []) {
  if (options === undefined || options === null) return DEFAULTS;
  if (typeof options !== 'object') throw new TypeError(`options: expected an object, got ${typeof options} (${caller})`);
  for (const key of Object.keys(options)) {
    if (!DISCRETE_KEYS.includes(key) && !extraKeys.includes(key)) {
      throw new RangeError(`options: unknown option '${key}' (known: ${[...DISCRETE_KEYS, ...extraKeys].join(', ')})`);
    }
  }
  const base = options.base ?? Math.E;
  const normalize = options.normalize ?? true;
  if (typeof base !== 'number') throw new TypeError(`base: expected a number, got ${typeof base}`);
  if (typeof normalize !== 'boolean') throw new TypeError(`normalize: expected a boolean, got ${typeof normalize}`);
  return [base, normalize, ...smoothingOf(options.smoothing)];
}

const SCALES = { probabilities: 0, 'log-probabilities': 1, logits: 2 };

/** 'probabilities' (default) | 'log-probabilities' | 'logits' -> the core's Scale number. */
export function scaleOf(value, name) {
  if (value === undefined) return 0;
  if (!(value in SCALES)) {
    throw new TypeError(`${name}: expected 'probabilities', 'log-probabilities' or 'logits', got ${JSON.stringify(value)}`);
  }
  return SCALES[value];
}
