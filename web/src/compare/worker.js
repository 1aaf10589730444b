// The module Web Worker of compareFiles in browsers (files_browser.js): reads one input (or one
// line-aligned byte range of it) into an accumulator of its own WebAssembly instance, reports
// progress, and either keeps the accumulator (the reference's first range, which later builds the
// report) or sends its serialized state back. A Parquet input is read by byte ranges (Blob.slice),
// one row group at a time (parquet_input.js). Messages in: { type: 'accumulate' | 'compare', ... };
// out: 'progress', 'size', 'done', 'report', 'error'.
import { init, wasm } from '../core/module.js';
import { accumulate, mergeInto, reportJson, restoreMerged, serialize } from './engine.js';
import { parquetInput, rangeBuffer } from './parquet_input.js';
import { chunks, describe } from './sources.js';

let kept = 0; // the accumulator kept for the 'compare' message

const post = (message, transfer = []) => self.postMessage(message, transfer);

/** This worker's script and what it loaded (the core's .wasm): a page that works offline stores them. */
const resources = () => [self.location.href, ...(self.performance?.getEntriesByType?.('resource') ?? []).map((e) => e.name)];

async function onAccumulate(module, m) {
  const info = describe(m.input, m.side);
  let lastPost = 0;
  let lastBytes = 0;
  const parquet = m.head ? null : await parquetInput(rangeBuffer(m.input, info), m.side);
  const handle = await accumulate(module, {
    side: m.side,
    lines: m.lines,
    chunks: parquet?.chunks ?? chunks(m.input, info, { start: m.start, end: m.end, onSize: (total) => post({ type: 'size', total }) }),
    position: parquet?.position,
    range: m.head ? { head: m.head, firstByte: m.firstByte } : undefined,
    onChunk: (bytes, rows) => {
      lastBytes = bytes;
      const now = Date.now();
      if (now - lastPost >= 50) {
        lastPost = now;
        post({ type: 'progress', bytes, rows });
      }
    },
  });
  const rows = module.streamRows(handle);
  const bytes = info.kind === 'url' ? lastBytes : (m.end ?? 0) - (m.start ?? 0);
  if (m.keep) {
    kept = handle;
    post({ type: 'done', rows, bytes, resources: resources() });
    return;
  }
  try {
    const state = serialize(module, handle);
    post({ type: 'done', rows, bytes, state, resources: resources() }, [state.buffer]);
  } finally {
    module.streamClose(handle);
  }
}

function onCompare(module, m) {
  const ref = kept;
  kept = 0;
  let refHandle = ref;
  let curHandle = 0;
  try {
    if (m.referenceStates.length > 0) {
      const rest = restoreMerged(module, m.lines, m.referenceStates);
      mergeInto(module, refHandle, [rest]);
    }
    curHandle = restoreMerged(module, m.lines, m.currentStates);
    const json = reportJson(module, refHandle, curHandle, m.lines);
    refHandle = 0;
    curHandle = 0;
    post({ type: 'report', json });
  } finally {
    if (refHandle) module.streamClose(refHandle);
    if (curHandle) module.streamClose(curHandle);
  }
}

self.onmessage = async ({ data }) => {
  try {
    await init();
    const module = wasm('compareFiles');
    if (data.type === 'accumulate') await onAccumulate(module, data);
    else if (data.type === 'compare') onCompare(module, data);
  } catch (error) {
    post({ type: 'error', name: error?.name ?? 'Error', message: error?.message ?? String(error) });
  }
};
