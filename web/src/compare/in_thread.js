// compareFiles in the calling thread: both inputs read chunk by chunk into the WebAssembly core of
// this thread, their reads interleaved (Node always; browsers only where no Web Worker can start, as
// in a page opened from file://). Parquet inputs are read row group by row group (parquet_input.js).
// Cancel and errors close every accumulator.
import { wasm } from '../core/module.js';
import { abortError, accumulate, reportJson } from './engine.js';
import { parquetInput } from './parquet_input.js';
import { progressTracker } from './progress.js';

/**
 * @param {object} run { inputs: { reference, current }, infos (sources.js describe, with size),
 *   lines (options.js), onProgress, signal, ready: () => Promise (loads the core), chunks: (input, info, options) => async iterable,
 *   rangeBuffer: (input, info) => AsyncBuffer | null | Promise of one (parquet_input.js) }
 * @returns {Promise<string>} the report JSON
 */
export async function compareInThread({ inputs, infos, lines, onProgress, signal, ready, chunks, rangeBuffer }) {
  if (signal?.aborted) throw abortError(signal);
  await ready();
  const module = wasm('compareFiles');
  const progress = progressTracker(onProgress, { reference: infos.reference.size, current: infos.current.size });
  // One side failing stops the other (its reads are abandoned through this inner signal).
  const inner = new AbortController();
  const forward = () => inner.abort(signal.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const run = async (side) => {
    const parquet = await parquetInput(await rangeBuffer(inputs[side], infos[side]), side);
    return accumulate(module, {
      side,
      lines,
      chunks: parquet?.chunks ?? chunks(inputs[side], infos[side], { signal: inner.signal, onSize: (n) => progress.size(side, n) }),
      position: parquet?.position,
      signal: inner.signal,
      onChunk: (bytes, rows) => progress.update(side, 0, bytes, rows),
    });
  };
  const runSide = (side) =>
    run(side).then(
      (handle) => {
        progress.finish(side);
        return handle;
      },
      (error) => {
        inner.abort();
        throw error;
      },
    );
  const settled = await Promise.allSettled([runSide('reference'), runSide('current')]);
  signal?.removeEventListener('abort', forward);
  // The first failure that is not the other side's induced abort.
  const failed = settled.find((s) => s.status === 'rejected' && s.reason?.name !== 'AbortError') ?? settled.find((s) => s.status === 'rejected');
  if (failed || signal?.aborted) {
    for (const s of settled) if (s.status === 'fulfilled') module.streamClose(s.value);
    if (signal?.aborted) throw abortError(signal);
    throw failed.reason;
  }
  return reportJson(module, settled[0].value, settled[1].value, lines);
}
