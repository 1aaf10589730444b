// Parquet input through hyparquet (pure JS): a Parquet file becomes CSV text for the engine, one row
// group at a time, so that only one row group's values are held at once besides the output chunks.
//
// Field texts, chosen so that a Parquet file and the CSV it was made from give the same report:
//   null -> empty field (missing); boolean -> "true" / "false"; integers (INT32/INT64, BigInt) ->
//   decimal digits; FLOAT/DOUBLE -> shortest round-trip text, with ".0" on integral values (a float
//   column stays a float column: pandas labels 2.0, not 2); Date -> "YYYY-MM-DD HH:MM:SS[.fff]" (UTC,
//   as DuckDB writes timestamps); strings as they are; anything else (lists, structs, bytes) -> its
//   JSON text. Fields with a delimiter, quote, line break or a leading space are quoted (RFC 4180).
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';

const encoder = new TextEncoder();

/** True when the bytes are a Parquet file (magic "PAR1" at both ends). */
export function isParquet(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length < 12) return false;
  const magic = (i) => b[i] === 0x50 && b[i + 1] === 0x41 && b[i + 2] === 0x52 && b[i + 3] === 0x31;
  return magic(0) && magic(b.length - 4);
}

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

function arrayBufferOf(input) {
  if (input instanceof ArrayBuffer) return input;
  if (ArrayBuffer.isView(input)) return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength);
  throw new TypeError(`parquet: expected the file as an ArrayBuffer or Uint8Array, got ${input === null ? 'null' : typeof input}`);
}

/**
 * The Parquet file as CSV chunks (Uint8Array): the header, then one chunk per row group.
 * Errors: TypeError for a non-buffer argument; RangeError "parquet: ..." for a file hyparquet cannot read.
 */
export async function* parquetCsvChunks(input) {
  const file = arrayBufferOf(input);
  let metadata;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    throw new RangeError(`parquet: not a readable Parquet file (${error.message})`);
  }
  const fields = parquetSchema(metadata).children.map((c) => c.element);
  const names = fields.map((f) => f.name);
  const isFloat = fields.map((f) => f.type === 'DOUBLE' || f.type === 'FLOAT');
  yield encoder.encode(`${names.map(quoteField).join(',')}\n`);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows = [];
    try {
      await parquetRead({ file, metadata, rowStart, rowEnd, columns: names, onComplete: (r) => { rows = r; } });
    } catch (error) {
      throw new RangeError(`parquet: rows ${rowStart}..${rowEnd - 1} cannot be read (${error.message})`);
    }
    const lines = rows.map((row) => row.map((v, i) => fieldText(v, isFloat[i])).join(','));
    yield encoder.encode(lines.length ? `${lines.join('\n')}\n` : '');
    rowStart = rowEnd;
  }
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
