// compareFiles for Node (package entry "./compare", condition "node"): both files streamed from
// disk (paths, file: URLs), URLs fetched, Blobs and bytes read in chunks, all into the WebAssembly
// core in this thread; the two files are read at the same time (their reads interleave). Types
// and docs: compare.d.ts.
import { init } from '../node.js';
import { reviveInfinities } from './compare.js';
import { optionLines } from './options.js';
import { abortError } from './engine.js';
import { describe } from './sources.js';
import { chunks, rangeBuffer, statPath } from './sources_node.js';
import { checkControl, checkPoolSize } from './control.js';
import { compareInThread } from './in_thread.js';

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
  return compareInThread({
    inputs: { reference, current },
    infos: { reference: refInfo, current: curInfo },
    lines,
    onProgress,
    signal,
    ready: () => init(),
    chunks,
    rangeBuffer,
  });
}

/** Compares two files streamed in chunks; see compare.d.ts. */
export async function compareFiles(reference, current, options = {}, control = {}) {
  return reviveInfinities(JSON.parse(await compareFilesJson(reference, current, options, control)));
}

/** Node has no workers: checks `count` as in browsers and does nothing (compare.d.ts). */
export function prepareWorkers(count = 2) {
  checkPoolSize(count);
}
