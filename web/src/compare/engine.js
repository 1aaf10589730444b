// The streaming engine on one WebAssembly instance: chunks of a file fed to an accumulator held in
// the instance (cpp/bindings/stream.cpp), accumulator states serialized and merged, and the report.
// Runs in a Web Worker (worker.js) in browsers and in the calling thread in Node (files_node.js).
// Every handle opened here is closed here, in finally blocks: no accumulator outlives its run.

/** A heap buffer reused for every chunk of one run (grown when a chunk is larger). */
function chunkBuffer(module) {
  let ptr = 0;
  let size = 0;
  return {
    place(bytes) {
      if (bytes.length > size) {
        if (ptr) module._free(ptr);
        size = Math.max(bytes.length, 1);
        ptr = module._malloc(size);
        if (ptr === 0) {
          size = 0;
          throw new RangeError('out of memory: the WebAssembly heap cannot hold the next chunk');
        }
      }
      module.HEAPU8.set(bytes, ptr); // HEAPU8 is read again: memory may have grown
      return ptr;
    },
    free() {
      if (ptr) module._free(ptr);
      ptr = 0;
      size = 0;
    },
  };
}

/** An AbortError (DOMException where there is one, as fetch() rejects). */
export function abortError(signal) {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const message = 'compareFiles: the comparison was cancelled';
  if (typeof DOMException === 'function') return new DOMException(message, 'AbortError');
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/**
 * Feeds every chunk of `chunks` (an async iterable of Uint8Array) to a new accumulator and
 * finishes it. `range` (optional): { head: Uint8Array, firstByte } for a later byte range of a
 * file. onChunk(bytesSoFar, rowsSoFar) after each chunk; bytesSoFar is position() when given (the
 * bytes of the input read, when the chunks are not the input's bytes: Parquet), else the bytes fed. Returns the open handle (the caller closes
 * it); on any error or abort the handle is closed and the error rethrown.
 */
export async function accumulate(module, { side, lines, chunks, range, onChunk, signal, position }) {
  let handle = 0;
  const buffer = chunkBuffer(module);
  try {
    if (range) {
      const headPtr = buffer.place(range.head);
      handle = module.streamOpenRange(side, lines, headPtr, range.head.length, range.firstByte);
    } else {
      handle = module.streamOpen(side, lines);
    }
    let bytes = 0;
    for await (const chunk of chunks) {
      if (signal?.aborted) throw abortError(signal);
      if (chunk.length === 0) continue;
      const ptr = buffer.place(chunk);
      module.streamFeed(handle, ptr, chunk.length);
      bytes += chunk.length;
      onChunk?.(position ? position() : bytes, module.streamRows(handle));
    }
    if (signal?.aborted) throw abortError(signal);
    module.streamFinish(handle);
    onChunk?.(position ? position() : bytes, module.streamRows(handle));
    const done = handle;
    handle = 0;
    return done;
  } finally {
    buffer.free();
    if (handle) module.streamClose(handle);
  }
}

/** The accumulator's state as bytes (accumulator_state.hpp); the handle stays open. */
export function serialize(module, handle) {
  return module.streamSerialize(handle);
}

/**
 * The state with the content of the named columns only (the others written as all-missing
 * columns): what the other worker needs to compare those columns. The handle stays open.
 */
export function serializeColumns(module, handle, names) {
  return module.streamSerializeColumns(handle, names);
}

/** The columns of an open accumulator: [[name, weight], ...] in file order (report_parts.js). */
export function columnWeights(module, handle) {
  return module.streamColumns(handle);
}

/** Restores states (Uint8Array each, in file order) and merges them into one open handle. */
export function restoreMerged(module, lines, states) {
  const buffer = chunkBuffer(module);
  let first = 0;
  try {
    for (const state of states) {
      const ptr = buffer.place(state);
      const h = module.streamRestore(lines, ptr, state.length);
      if (first === 0) first = h;
      else mergeInto(module, first, [h]);
    }
    const done = first;
    first = 0;
    return done;
  } finally {
    buffer.free();
    if (first) module.streamClose(first);
  }
}

/** Merges open handles (file order) into the first; the others are closed. */
export function mergeInto(module, first, others) {
  for (const h of others) {
    try {
      module.streamMerge(first, h);
    } finally {
      module.streamClose(h);
    }
  }
  return first;
}

/** The report JSON of two open handles; closes both. */
export function reportJson(module, refHandle, curHandle, lines) {
  try {
    return module.streamCompare(refHandle, curHandle, lines);
  } finally {
    module.streamClose(refHandle);
    module.streamClose(curHandle);
  }
}

/** The part of the report for the columns named in `names` (report_parts.js); closes both handles. */
export function reportPartJson(module, refHandle, curHandle, lines, names) {
  try {
    return module.streamCompareColumns(refHandle, curHandle, lines, names);
  } finally {
    module.streamClose(refHandle);
    module.streamClose(curHandle);
  }
}
