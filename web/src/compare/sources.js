// Where compareFiles' inputs come from, as async iterables of Uint8Array chunks: a Blob/File
// (read through its byte stream), bytes (ArrayBuffer, any typed array or DataView: views, no
// copy), or a URL (fetched, the response body streamed).
// Node paths are in sources_node.js. Also: line-aligned byte ranges for reading one file with
// several workers.

export const CHUNK_BYTES = 4 << 20;
/** How much of a file's start a later byte range's reader looks at to learn the header and dialect. */
export const HEAD_BYTES = 1 << 20;

const isBlob = (x) => typeof Blob === 'function' && x instanceof Blob;

/** Bytes of ArrayBuffer / typed array / DataView input, or null. */
export function bytesView(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

/**
 * What an input is: { kind: 'blob' | 'bytes' | 'url' | 'path', name, size } (size undefined when
 * not known before reading: URLs). Throws TypeError naming the argument for anything else.
 */
export function describe(input, argument, { paths = false } = {}) {
  if (isBlob(input)) return { kind: 'blob', name: input.name || `${argument} blob`, size: input.size };
  const bytes = bytesView(input);
  if (bytes) return { kind: 'bytes', name: `${argument} bytes`, size: bytes.length };
  if (input instanceof URL) {
    if (paths && input.protocol === 'file:') return { kind: 'path', name: input.pathname, size: undefined };
    return { kind: 'url', name: input.href, size: undefined };
  }
  if (typeof input === 'string') {
    if (input === '') throw new TypeError(`${argument}: expected a file, URL or path, got an empty string`);
    if (paths && !/^https?:\/\//i.test(input)) return { kind: 'path', name: input, size: undefined };
    return { kind: 'url', name: input, size: undefined };
  }
  const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  throw new TypeError(`${argument}: expected a File/Blob, URL string, ArrayBuffer or Uint8Array${paths ? ' or a file path' : ''}, got ${got}`);
}

/** Bytes asked for per read of a Blob's byte stream, into one buffer reused for every read. */
const BLOB_READ_BYTES = 4 << 20;

/**
 * Chunks of a Blob between start and end, as its byte stream delivers them (the browser reads
 * ahead). Measured in Chromium on two 99 MB files read at once: 120-160 ms through Blob.stream()
 * against 200-660 ms through 4 MiB slices read with arrayBuffer(), and that read time is CPU
 * taken from the parsers on a 2-core machine. Where the stream is a byte stream (Chromium, Node)
 * it is read into one buffer, reused: a chunk is a view of it, valid until the next chunk is asked
 * for (the engine copies each one before that), and a 1 GB file does not leave 500 garbage buffers
 * of 2 MiB behind. Leaving early (an abort) cancels the stream.
 */
async function* blobChunks(blob, start, end) {
  const part = start === 0 && end === blob.size ? blob : blob.slice(start, end);
  const stream = part.stream();
  let reader;
  let buffer = null;
  try {
    reader = stream.getReader({ mode: 'byob' });
    buffer = new ArrayBuffer(BLOB_READ_BYTES);
  } catch {
    reader = stream.getReader(); // not a byte stream: its own chunks
  }
  let done = false;
  try {
    for (;;) {
      const next = buffer ? await reader.read(new Uint8Array(buffer)) : await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      if (buffer) buffer = next.value.buffer; // the same memory, handed back by the read
      yield next.value;
    }
  } finally {
    if (!done) reader.cancel().catch(() => {});
  }
}

function* byteChunks(bytes, start, end, chunkBytes) {
  for (let pos = start; pos < end; pos += chunkBytes) yield bytes.subarray(pos, Math.min(end, pos + chunkBytes));
}

/** The body of a URL, streamed. onSize(bytes) when the server states the length. */
async function* urlChunks(url, signal, onSize) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new Error(`${url}: could not be fetched (${error?.message ?? error})`);
  }
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length >= 0 && !response.headers.get('content-encoding')) onSize?.(length);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock?.();
  }
}

/**
 * The chunks of a browser-side input ({ kind } from describe()) from start to end (bytes; the
 * whole input by default). URLs are read whole (no ranges).
 */
export function chunks(input, info, { start = 0, end, chunkBytes = CHUNK_BYTES, signal, onSize } = {}) {
  if (info.kind === 'blob') return blobChunks(input, start, end ?? input.size);
  if (info.kind === 'bytes') {
    const bytes = bytesView(input);
    return byteChunks(bytes, start, end ?? bytes.length, chunkBytes);
  }
  if (info.kind === 'url') return urlChunks(input, signal, onSize);
  throw new TypeError(`${info.name}: paths are read in Node only`);
}

/** The first bytes of an input that can be sliced (blob or bytes). */
export async function headOf(input, info) {
  if (info.kind === 'blob') return new Uint8Array(await input.slice(0, Math.min(input.size, HEAD_BYTES)).arrayBuffer());
  const bytes = bytesView(input);
  return bytes.slice(0, Math.min(bytes.length, HEAD_BYTES));
}

/**
 * Byte offsets [0, c1, ..., size] cutting an input into up to `parts` ranges, each cut just after a
 * line feed found at or after size * k / parts (and after the header and first data row). Assumes no line feed inside a quoted field at a cut
 * (the range reader would then report a ragged or unbalanced row: documented in compare.d.ts).
 */
export async function lineCuts(input, info, parts) {
  const size = info.size;
  const cuts = [0];
  const look = async (from) => {
    if (info.kind === 'blob') return new Uint8Array(await input.slice(from, Math.min(size, from + (1 << 16))).arrayBuffer());
    return bytesView(input).subarray(from, Math.min(size, from + (1 << 16)));
  };
  // The first range must hold the header and a data row: no cut before the end of the second line.
  const start = await look(0);
  const firstLine = start.indexOf(10);
  const secondLine = firstLine < 0 ? -1 : start.indexOf(10, firstLine + 1);
  if (secondLine < 0) return [0, size];
  for (let k = 1; k < parts; k++) {
    let from = Math.max(Math.floor((size * k) / parts), cuts[cuts.length - 1], secondLine + 1);
    let cut = -1;
    while (from < size && cut < 0) {
      const window = await look(from);
      const at = window.indexOf(10);
      if (at >= 0) cut = from + at + 1;
      else from += window.length;
    }
    if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
  }
  cuts.push(size);
  return cuts;
}
