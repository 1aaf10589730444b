// Node inputs: file paths (and file: URLs) read as streams (or by byte ranges for Parquet files),
// plus everything sources.js reads.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile } from 'hyparquet';
import { CHUNK_BYTES, chunks as browserChunks } from './sources.js';
import { rangeBuffer as browserRangeBuffer } from './parquet_input.js';

/** Fills info.size for a path (stat), with a clear error when it cannot be read. */
export async function statPath(input, info, argument) {
  const path = input instanceof URL ? fileURLToPath(input) : input;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return { ...info, path, size: s.size };
  } catch (error) {
    throw new Error(`${argument}: cannot read ${path} (${error.code ?? error.message})`);
  }
}

async function* pathChunks(path, start, end, signal) {
  const stream = createReadStream(path, { start, end: end === undefined ? undefined : end - 1, highWaterMark: CHUNK_BYTES, signal });
  try {
    for await (const chunk of stream) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  } finally {
    stream.destroy();
  }
}

/** chunks() of sources.js, with paths. */
export function chunks(input, info, options = {}) {
  if (info.kind === 'path') return pathChunks(info.path, options.start ?? 0, options.end, options.signal);
  return browserChunks(input, info, options);
}

/** rangeBuffer() of parquet_input.js, with paths: a file on disk read by byte ranges (hyparquet's asyncBufferFromFile). */
export async function rangeBuffer(input, info) {
  if (info.kind === 'path') return asyncBufferFromFile(info.path);
  return browserRangeBuffer(input, info);
}
