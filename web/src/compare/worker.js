// The module Web Worker of compareFiles in browsers (files_browser.js): reads one input (or one
// line-aligned byte range of it) into an accumulator of its own WebAssembly instance, reports
// progress, and either keeps the accumulator (the first range of each side) or sends its serialized
// state back. A Parquet input is read by byte ranges (Blob.slice), one row group at a time
// (parquet_input.js). The two keepers then build the report between them (report_parts.js): each
// merges its side's other ranges ('gather', answering with its columns), sends the other keeper its
// side's state holding only the columns that keeper compares ('share'), and builds its part of the
// report from its own whole side and the other's partial state ('compare').
// Messages in: { type: 'warm' (load the core and run warm_up.js now) | 'accumulate' | 'gather' |
// 'share' | 'compare', ... }; out: 'progress', 'size', 'done', 'columns', 'shared', 'report', 'error'.
import { init, wasm } from '../core/module.js';
import { accumulate, columnWeights, mergeInto, reportPartJson, restoreMerged, serialize, serializeColumns } from './engine.js';
import { parquetInput, rangeBuffer } from './parquet_input.js';
import { warmUp } from './warm_up.js';
import { chunks, describe } from './sources.js';

let kept = 0; // this side's accumulator, kept for the report (the first range's worker)

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

/** Merges this side's other ranges into the kept accumulator; answers with its columns. */
function onGather(module, m) {
  if (m.states.length > 0) {
    const rest = restoreMerged(module, m.lines, m.states);
    mergeInto(module, kept, [rest]);
  }
  post({ type: 'columns', columns: columnWeights(module, kept) });
}

/** This side's state with only the columns the other worker compares. */
function onShare(module, m) {
  const state = serializeColumns(module, kept, m.names);
  post({ type: 'shared', state }, [state.buffer]);
}

/** This worker's part of the report: its whole side against the other's partial state. */
function onCompare(module, m) {
  let own = kept;
  kept = 0;
  let other = 0;
  try {
    other = restoreMerged(module, m.lines, [m.state]);
    const [ref, cur] = m.side === 'reference' ? [own, other] : [other, own];
    own = 0; // reportPartJson closes both
    other = 0;
    post({ type: 'report', json: reportPartJson(module, ref, cur, m.lines, m.names) });
  } finally {
    if (own) module.streamClose(own);
    if (other) module.streamClose(other);
  }
}

self.onmessage = async ({ data }) => {
  try {
    await init();
    const module = wasm('compareFiles');
    if (data.type === 'warm') {
      // Started ahead (prepareWorkers): the core is loaded; run its hot code once now, so that V8
      // has optimized it before a file comes (warm_up.js). A failed warm-up only leaves the code
      // slower: it must not reach the run that takes this worker as its error.
      await warmUp(module).catch(() => {});
      return;
    }
    if (data.type === 'accumulate') await onAccumulate(module, data);
    else if (data.type === 'gather') onGather(module, data);
    else if (data.type === 'share') onShare(module, data);
    else if (data.type === 'compare') onCompare(module, data);
  } catch (error) {
    post({ type: 'error', name: error?.name ?? 'Error', message: error?.message ?? String(error) });
  }
};
