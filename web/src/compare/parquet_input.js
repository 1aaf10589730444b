// compareFiles' Parquet inputs: a Blob/File, bytes or (in Node) a file on disk holding a Parquet file
// (found by its "PAR1" magic at both ends) is read by byte ranges through hyparquet's AsyncBuffer and
// fed to the streaming engine as CSV text, one row group at a time (parquet.js): the memory it takes
// is bounded by one row group, not by the file. Progress counts bytes of the Parquet file. The reader
// (parquet.js, with hyparquet) is imported only when an input is Parquet.
import { asyncBufferOf, isParquetBuffer } from './parquet_source.js';
import { bytesView } from './sources.js';

/** A hyparquet AsyncBuffer over a Blob (Blob.slice) or bytes (views), or null for inputs read as streams (URLs). */
export function rangeBuffer(input, info) {
  if (info.kind === 'blob') return asyncBufferOf(input);
  if (info.kind === 'bytes') return asyncBufferOf(bytesView(input));
  return null;
}

/**
 * For a Parquet input (`buffer` from rangeBuffer, or null): { chunks, position }, the CSV chunks
 * for accumulate() and position() = bytes of the Parquet file read so far. null for anything else.
 * `side` ("reference" / "current") starts its error messages.
 */
export async function parquetInput(buffer, side) {
  if (!buffer || !(await isParquetBuffer(buffer))) return null;
  const { parquetCsvChunks } = await import('./parquet.js');
  let position = 0;
  return {
    chunks: parquetCsvChunks(buffer, { name: side, onFileBytes: (n) => { position = n; } }),
    position: () => position,
  };
}
