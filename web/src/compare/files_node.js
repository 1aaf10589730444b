// compareFiles for Node (package entry "./compare", condition "node"): both files streamed from
// disk (paths, file: URLs), URLs fetched, Blobs and bytes read in chunks, all into the WebAssembly
// core in this thread; the two files are read at the same time (their reads interleave). Types
// and docs: compare.d.ts.
import { init } from '../node.js';
import { wasm } from '../core/module.js';
import { reviveInfinities } from './compare.js';
import { optionLines } from './options.js';
import { abortError, accumulate, reportJson } from './engine.js';
import { describe } from './sources.js';
import { chunks, statPath } from './sources_node.js';
import { progressTracker } from './progress.js';
import { checkControl } from './control.js';

async function sideInfo(input, side) {
  const info = describe(input, side, { paths: true });
  return info.kind === 'path' ? statPath(input, info, side) : info;
}

/** compareFiles, the report as the engine's JSON text (the CLI prints it as is). */
export async function compareFilesJson(reference, current, options = {}, control = {}) {
  const { onProgress, signal } = checkControl(control);
  const lines = optionLines(options);
  const [refInfo, curInfo] = await Promise.all([sideInfo(reference, 'reference'), sideInfo(current, 'current')]);
  if (signal?.aborted) throw abortError(signal);
  await init();
  const module = wasm('compareFiles');
  const progress = progressTracker(onProgress, { reference: refInfo.size, current: curInfo.size });
  // One side failing stops the other (its reads are abandoned through this inner signal).
  const inner = new AbortController();
  const forward = () => inner.abort(signal.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const run = (input, info, side) =>
    accumulate(module, {
      side,
      lines,
      chunks: chunks(input, info, { signal: inner.signal, onSize: (n) => progress.size(side, n) }),
      signal: inner.signal,
      onChunk: (bytes, rows) => progress.update(side, 0, bytes, rows),
    }).then(
      (handle) => {
        progress.finish(side);
        return handle;
      },
      (error) => {
        inner.abort();
        throw error;
      },
    );
  const settled = await Promise.allSettled([run(reference, refInfo, 'reference'), run(current, curInfo, 'current')]);
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

/** Compares two files streamed in chunks; see compare.d.ts. */
export async function compareFiles(reference, current, options = {}, control = {}) {
  return reviveInfinities(JSON.parse(await compareFilesJson(reference, current, options, control)));
}
