// Helpers for the JS tests: the shared reference cases and datasets beside the repository.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function readJson(relative) {
  return JSON.parse(readFileSync(sharedDir + relative, 'utf8'));
}

export function num(v) {
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  return v;
}

/** Relative closeness with an absolute floor for zero; infinities must match exactly. */
export function close(got, want, rtol = 1e-12, atol = 1e-15) {
  if (!Number.isFinite(want)) return Object.is(got, want);
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}
