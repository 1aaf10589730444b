/**
 * divergence-lab/compare: the dataset comparison of files too large to hold in memory, streamed in
 * chunks through the C++ core (the same engine as `compare()` of the main entry and the CLI).
 *
 * ```js
 * import { compareFiles } from 'divergence-lab/compare';
 * const controller = new AbortController();
 * const report = await compareFiles(referenceFile, currentFile, { binning: 'equal-width:20' }, {
 *   signal: controller.signal,
 *   onProgress: (p) => console.log(p.reference.bytes, p.reference.rows, p.current.bytes),
 * });
 * ```
 *
 * In browsers every input is read in its own module Web Worker (so the two files are read at the
 * same time and the page stays responsive), and the two workers then build the report together,
 * each comparing about half the columns (the result is the same report, byte for byte, as in one
 * piece); no `init()` is needed. Where no module worker can start
 * (a page opened from file://) the inputs are read in the page's thread instead, chunk by chunk. In Node (condition "node") the
 * files are streamed from disk into the core in the calling thread (it calls the Node `init()`
 * itself). Memory stays bounded: chunks of 4 MiB, and per side the accumulator's budget
 * (`memoryBudget`, default 64 MiB of stored numeric values; beyond it, the quantile sketch with its
 * stated error bound: the report lists those columns in `approximate_columns`).
 */
import type { CompareAllOptions, CompareReport } from '../index.js';

/**
 * One input: a File or Blob; bytes (ArrayBuffer, Uint8Array or any typed array); a URL (string or
 * URL object) fetched and streamed (relative URLs resolve against the page); in Node also a file
 * path (string, or a file: URL) read as a stream. Strings starting with http:// or https:// are URLs
 * in Node; any other string is a path there and a URL in browsers.
 */
export type CompareInput = Blob | ArrayBuffer | ArrayBufferView | URL | string;

/** Progress of one side: bytes read so far, the input's size (null until known: URLs without Content-Length), data rows so far, and whether the side is finished. */
export interface SideProgress {
  bytes: number;
  totalBytes: number | null;
  rows: number;
  done: boolean;
}

/** Both sides' progress; every count only grows from one call to the next. */
export interface CompareProgress {
  reference: SideProgress;
  current: SideProgress;
}

/** How compareFiles runs. */
export interface CompareControl {
  /** Called (at most every 50 ms per worker in browsers, after each chunk in Node) with both sides' progress. */
  onProgress?: (progress: CompareProgress) => void;
  /** Cancels: the workers are terminated (their memory freed), handles closed, and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * Browsers: workers per input, 1 (default) to 16. With more than 1, a File/Blob or bytes input of
   * 8 MiB or more is cut into that many line-aligned byte ranges read in parallel and merged
   * (the report is identical: the accumulators merge exactly). It assumes no line break inside a
   * quoted field at a cut; an error in a later range names it "reference (from byte N): line L",
   * L counted from that byte. Node: ignored (one thread).
   */
  workers?: number;
}

/**
 * Compares a reference file (P) with a current file (Q) column by column (CSV/TSV or JSON Lines),
 * reading both in chunks: the report of `compare()` in the main entry, byte for byte the same
 * statistics, on files of any size (a 1 GB file completes in bounded memory). Parquet files (a File/Blob, bytes or,
 * in Node, a path; recognised by "PAR1" at both ends) are read by byte ranges with hyparquet (Blob.slice; in
 * browsers inside the worker) and fed to the engine as CSV one row group at a time (`parquetCsvChunks`), so memory
 * is bounded by one row group; their progress counts bytes of the Parquet file. A Parquet file given by URL is not
 * recognised (URLs are streamed, not read by ranges): fetch it into a Blob first. Two histogram
 * summaries (docs/summaries.md): compare them with `compare()` of the main entry (they are small), as the CLI and
 * the page do.
 * @param reference the reference input (P; e.g. training data), see CompareInput.
 * @param current the current input (Q; e.g. production data).
 * @param options every option of the engine (CompareAllOptions of the main entry).
 * @param control onProgress, signal, workers (CompareControl).
 * @returns a promise of the report (schema "divergence-lab/compare-report@2", "inf" as Infinity).
 * Rejects with:
 * - TypeError naming the argument for an input of the wrong kind ("reference: expected a File/Blob, URL string,
 *   ArrayBuffer or Uint8Array, got number"), a bad control ("signal: expected an AbortSignal");
 * - RangeError for a bad option ("options: unknown option 'x'", "workers: expected an integer from 1 to 16, got 0");
 * - an Error named "FormatError" for a malformed file, with the side and line ("current: line 12: expected 7 fields, found 6");
 * - RangeError "reference: not a readable Parquet file (...)" for a Parquet file hyparquet cannot read;
 * - Error "reference: cannot read data.csv (ENOENT)" (Node), "URL: the server answered 404 Not Found";
 * - an AbortError (DOMException) when the signal aborts, also when it was aborted before the call;
 * - Error 'current file "big.csv": the worker reading it stopped (...)' when a worker dies (e.g. out of memory);
 *   every other worker is terminated and the page stays usable.
 */
export function compareFiles(
  reference: CompareInput,
  current: CompareInput,
  options?: CompareAllOptions,
  control?: CompareControl,
): Promise<CompareReport>;

/**
 * Browsers: starts `count` idle workers now (default 2: one per file), so that the next compareFiles
 * starts reading at once with optimized code. Each loads the WebAssembly core (otherwise ~70 ms per
 * worker at the start of a run) and runs a small comparison of generated data (4,000 rows a side,
 * 100-200 ms of one core), because V8 optimizes WebAssembly functions only after they have run a
 * while: without it the first megabytes of a file parse up to 3 times slower (~80 ms more on a
 * 198 MB pair). A page calls it after each comparison, while the user looks at the report.
 * compareFiles takes idle workers first and starts others as needed; a used worker is never returned
 * to the pool. Calling it again tops the pool up to `count` or terminates the extra idle workers (0
 * ends them all). Each idle worker holds its own WebAssembly instance (16 MB of linear memory before
 * any data). Does nothing where module workers cannot start (a page opened from file://) and in Node
 * (no workers there).
 * Throws RangeError "count: expected an integer from 0 to 32, got X".
 */
export function prepareWorkers(count?: number): void;

// --- Parquet (hyparquet): web/src/compare/parquet.js ---------------------------------------------

/** True when the bytes are a Parquet file ("PAR1" at both ends). */
export function isParquet(bytes: Uint8Array | ArrayBuffer): boolean;

/**
 * A Parquet file (read with hyparquet) as CSV chunks: the header, then one Uint8Array per row group, so that one
 * row group is decoded at a time. Field texts keep a Parquet file and the CSV it came from giving the same report:
 * null -> empty (missing), booleans "true"/"false", integers as digits, FLOAT/DOUBLE as shortest round-trip text
 * with ".0" on integral values, dates as "YYYY-MM-DD HH:MM:SS[.fff]" (UTC), lists/structs as JSON text; RFC 4180
 * quoting. The file is read through hyparquet's AsyncBuffer: a Blob (Blob.slice) or an AsyncBuffer (e.g. hyparquet's
 * `asyncBufferFromFile`) is read by byte ranges (the footer, then each row group's column chunks).
 * Options: `onFileBytes(n)`, called before each chunk with how far into the file reading has come (bytes; the
 * file size at the end); `name` (default "parquet") starts error messages.
 * Throws TypeError for a non-buffer, RangeError "parquet: not a readable Parquet file (...)", RangeError
 * "parquet: Parquet rows 0..499 cannot be read (...)" for a row group hyparquet cannot decode.
 */
export function parquetCsvChunks(
  file: Uint8Array | ArrayBuffer | Blob | ParquetAsyncBuffer,
  options?: { onFileBytes?: (bytes: number) => void; name?: string },
): AsyncGenerator<Uint8Array>;

/** A file read by byte ranges, as hyparquet's AsyncBuffer: its size and `slice(start, end)` giving the bytes. */
export interface ParquetAsyncBuffer {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/** parquetCsvChunks joined into one CSV buffer, ready for compare(). Errors: those of parquetCsvChunks. */
export function parquetToCsv(file: Uint8Array | ArrayBuffer | Blob | ParquetAsyncBuffer): Promise<Uint8Array>;

/** Bytes ready for compare(): Parquet converted with parquetToCsv, anything else returned as given. */
export function toEngineInput<T extends Uint8Array | ArrayBuffer | string>(file: T): Promise<T | Uint8Array>;
