// Parquet files as byte ranges, without hyparquet: the "PAR1" magic check and hyparquet's AsyncBuffer
// shape ({ byteLength, slice(start, end) }) over bytes and Blobs. Kept apart from parquet.js so that
// compareFiles can recognise a Parquet input and load the reader (hyparquet) only for one.

/** True when the bytes are a Parquet file (magic "PAR1" at both ends). */
export function isParquet(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length < 12) return false;
  const magic = (i) => b[i] === 0x50 && b[i + 1] === 0x41 && b[i + 2] === 0x52 && b[i + 3] === 0x31;
  return magic(0) && magic(b.length - 4);
}

/**
 * The input as a hyparquet AsyncBuffer: an ArrayBuffer as it is, a view of one (bytes), a Blob/File
 * (read with Blob.slice, a range at a time), or an object that already is one ({ byteLength, slice }).
 */
export function asyncBufferOf(input) {
  if (input instanceof ArrayBuffer) return input;
  if (ArrayBuffer.isView(input)) {
    const { buffer, byteOffset, byteLength } = input;
    return { byteLength, slice: (start, end = byteLength) => buffer.slice(byteOffset + start, byteOffset + Math.min(end, byteLength)) };
  }
  if (typeof Blob === 'function' && input instanceof Blob) {
    return { byteLength: input.size, slice: (start, end) => input.slice(start, end).arrayBuffer() };
  }
  if (input && typeof input === 'object' && Number.isInteger(input.byteLength) && typeof input.slice === 'function') return input;
  throw new TypeError(`parquet: expected the file as an ArrayBuffer, Uint8Array, Blob or AsyncBuffer, got ${input === null ? 'null' : typeof input}`);
}

/** True when an AsyncBuffer (asyncBufferOf) holds a Parquet file: "PAR1" at both ends, read by two small ranges. */
export async function isParquetBuffer(file) {
  if (file.byteLength < 12) return false;
  const [head, tail] = await Promise.all([file.slice(0, 4), file.slice(file.byteLength - 4, file.byteLength)]);
  const bytes = new Uint8Array(12);
  bytes.set(new Uint8Array(head));
  bytes.set(new Uint8Array(tail), 8);
  return isParquet(bytes);
}
