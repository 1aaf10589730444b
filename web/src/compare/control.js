// compareFiles' fourth argument: { onProgress, signal, workers }, checked with clear errors.

export function checkControl(control) {
  if (control === null || typeof control !== 'object') {
    throw new TypeError(`control: expected an object like { onProgress, signal }, got ${control === null ? 'null' : typeof control}`);
  }
  const { onProgress, signal, workers = 1 } = control;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError(`onProgress: expected a function, got ${typeof onProgress}`);
  if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
    throw new TypeError('signal: expected an AbortSignal');
  }
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new RangeError(`workers: expected an integer from 1 to 16, got ${workers}`);
  return { onProgress, signal, workers };
}

/** prepareWorkers' count: an integer from 0 to 32 (RangeError otherwise). */
export function checkPoolSize(count) {
  if (!Number.isInteger(count) || count < 0 || count > 32) throw new RangeError(`count: expected an integer from 0 to 32, got ${count}`);
  return count;
}
