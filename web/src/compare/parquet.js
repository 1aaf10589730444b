// Parquet input through hyparquet (pure JS): a Parquet file becomes CSV text for the engine, one row
// group at a time. The file is read through hyparquet's AsyncBuffer (byteLength + slice(start, end)):
// a Blob or a file on disk is read by byte ranges (the footer, then each row group's column chunks),
// so that only one row group's bytes, values and CSV text are held at once.
//
// Field texts, chosen so that a Parquet file and the CSV it was made from give the same report:
//   null -> empty field (missing); boolean -> "true" / "false"; integers (INT32/INT64, BigInt) ->
//   decimal digits; FLOAT/DOUBLE -> shortest round-trip text, with ".0" on integral values (a float
//   column stays a float column: pandas labels 2.0, not 2); Date -> "YYYY-MM-DD HH:MM:SS[.fff]" (UTC,
//   as DuckDB writes timestamps); strings as they are; anything else (lists, structs, bytes) -> its
//   JSON text. Fields with a delimiter, quote, line break or a leading space are quoted (RFC 4180).
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { asyncBufferOf, isParquet } from './parquet_source.js';

export { asyncBufferOf, isParquet, isParquetBuffer } from './parquet_source.js';

const encoder = new TextEncoder();
/** Bytes read from the end of the file for the footer first (hyparquet reads more when the footer is larger). */
const FOOTER_GUESS = 1 << 16;

function quoteField(text) {
  return /[",\r\n]|^[ \t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

function dateText(d) {
  if (Number.isNaN(d.getTime())) return '';
  const ms = d.getUTCMilliseconds();
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

function fieldText(value, isFloat) {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': return value.toString();
    case 'number':
      if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'inf' : '-inf';
      return isFloat && Number.isInteger(value) && Math.abs(value) < 1e16 ? value.toFixed(1) : String(value);
    case 'string': return quoteField(value);
    default:
      if (value instanceof Date) return dateText(value);
      return quoteField(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
  }
}

/** The end of a row group in the file: after its last column chunk (byte offset). */
function groupEnd(group) {
  let end = 0;
  for (const column of group.columns) {
    const m = column.meta_data;
    if (!m) continue;
    const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
    end = Math.max(end, start + Number(m.total_compressed_size));
  }
  return end;
}

/**
 * The Parquet file as CSV chunks (Uint8Array): the header, then one chunk per row group.
 * `input`: anything asyncBufferOf takes. `onFileBytes(n)` (optional) is called before each chunk
 * is yielded with how far into the file the reading has come (bytes; the file size at the end).
 * `name` (default "parquet") starts error messages (compareFiles passes the side).
 * Errors: TypeError for a non-buffer argument; RangeError "parquet: ..." for a file hyparquet cannot read.
 */
export async function* parquetCsvChunks(input, { onFileBytes, name = 'parquet' } = {}) {
  const file = asyncBufferOf(input);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS });
  } catch (error) {
    throw new RangeError(`${name}: not a readable Parquet file (${error.message})`);
  }
  const fields = parquetSchema(metadata).children.map((c) => c.element);
  const names = fields.map((f) => f.name);
  const isFloat = fields.map((f) => f.type === 'DOUBLE' || f.type === 'FLOAT');
  let fileBytes = 0;
  onFileBytes?.(fileBytes);
  yield encoder.encode(`${names.map(quoteField).join(',')}\n`);
  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows = [];
    try {
      await parquetRead({ file, metadata, rowStart, rowEnd, columns: names, onComplete: (r) => { rows = r; } });
    } catch (error) {
      throw new RangeError(`${name}: Parquet rows ${rowStart}..${rowEnd - 1} cannot be read (${error.message})`);
    }
    const lines = rows.map((row) => row.map((v, i) => fieldText(v, isFloat[i])).join(','));
    rows = null;
    fileBytes = index === metadata.row_groups.length - 1 ? file.byteLength : Math.min(file.byteLength, Math.max(fileBytes, groupEnd(group)));
    onFileBytes?.(fileBytes);
    yield encoder.encode(lines.length ? `${lines.join('\n')}\n` : '');
    rowStart = rowEnd;
  }
  if (fileBytes < file.byteLength) onFileBytes?.(file.byteLength);
}

/** The whole Parquet file as CSV bytes (parquetCsvChunks joined). */
export async function parquetToCsv(input) {
  const chunks = [];
  let length = 0;
  for await (const chunk of parquetCsvChunks(input)) {
    chunks.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Bytes ready for compare(): Parquet files are converted to CSV, everything else (CSV, TSV, JSON
 * Lines, histogram summaries) is passed through.
 */
export async function toEngineInput(input) {
  const bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (bytes instanceof Uint8Array && isParquet(bytes)) return parquetToCsv(bytes);
  return input;
}
