// Options shared by the discrete measures: { base, normalize }.

/**
 * Resolves `{ base = Math.E, normalize = true }`, throwing TypeError for wrong types. The range
 * of `base` (finite, > 0, != 1) is checked by the core.
 */
export function discreteOptions(options, caller) {
  if (options === undefined || options === null) return { base: Math.E, normalize: true };
  if (typeof options !== 'object') throw new TypeError(`options: expected an object, got ${typeof options} (${caller})`);
  const base = options.base ?? Math.E;
  const normalize = options.normalize ?? true;
  if (typeof base !== 'number') throw new TypeError(`base: expected a number, got ${typeof base}`);
  if (typeof normalize !== 'boolean') throw new TypeError(`normalize: expected a boolean, got ${typeof normalize}`);
  return { base, normalize };
}
