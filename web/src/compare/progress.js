// Progress of compareFiles: bytes and rows read per side, reported monotonically (several byte
// ranges of one side add up), at most once per animation-frame-sized interval per side.

/** A progress tracker calling onProgress({ reference, current }) with { bytes, totalBytes, rows, done } per side. */
export function progressTracker(onProgress, sizes) {
  const side = (total) => ({ bytes: 0, totalBytes: total ?? null, rows: 0, done: false });
  const state = { reference: side(sizes.reference), current: side(sizes.current) };
  const parts = { reference: new Map(), current: new Map() };
  const snapshot = () => ({ reference: { ...state.reference }, current: { ...state.current } });
  const emit = () => {
    if (typeof onProgress === 'function') onProgress(snapshot());
  };
  return {
    /** A part (byte range) of a side has read `bytes` bytes and `rows` rows so far. */
    update(name, part, bytes, rows) {
      const previous = parts[name].get(part) ?? { bytes: 0, rows: 0 };
      const next = { bytes: Math.max(previous.bytes, bytes), rows: Math.max(previous.rows, rows) };
      parts[name].set(part, next);
      let b = 0;
      let r = 0;
      for (const p of parts[name].values()) {
        b += p.bytes;
        r += p.rows;
      }
      state[name].bytes = Math.max(state[name].bytes, b);
      state[name].rows = Math.max(state[name].rows, r);
      if (state[name].totalBytes !== null && state[name].bytes > state[name].totalBytes) state[name].totalBytes = state[name].bytes;
      emit();
    },
    /** The total size of a side became known (URLs: Content-Length). */
    size(name, total) {
      if (state[name].totalBytes === null) state[name].totalBytes = Math.max(total, state[name].bytes);
    },
    finish(name) {
      const s = state[name];
      s.done = true;
      s.totalBytes = s.bytes;
      emit();
    },
    snapshot,
  };
}
