// Input files of the command line before the streaming engine sees them: two histogram summaries
// (docs/summaries.md) read whole (they are small) for compare(); JSON Lines chosen by the file
// names; everything else, Parquet included, left as a path for compareFiles to stream (a Parquet
// file is read by byte ranges, one row group at a time: web/src/compare/parquet_input.js).
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isHistogramSummary } from '../compare/summary.js';
import { UsageError } from './args.js';

const JSONL = new Set(['.jsonl', '.ndjson']);
const HEAD = 4096;

/** The first 4096 bytes and the last 4 of a file, or null when it cannot be read (compareFiles then says why). */
async function peek(path) {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(4, size));
    await handle.read(tail, 0, tail.length, Math.max(0, size - 4));
    return { head, tail };
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

const parquetMagic = (b) => b.length >= 4 && b.toString('latin1', 0, 4) === 'PAR1';

/**
 * What to hand the engine for each side: { reference, current, summaries, format }. reference and
 * current are paths, or the summaries' bytes when summaries is true.
 * Errors: UsageError for a .parquet name without Parquet content; an Error named FormatError when
 * only one side is a histogram summary.
 */
export async function prepareInputs(referencePath, currentPath) {
  const paths = { reference: referencePath, current: currentPath };
  const kinds = {};
  for (const side of ['reference', 'current']) {
    const p = await peek(paths[side]);
    if (p && parquetMagic(p.head) && parquetMagic(p.tail)) kinds[side] = 'parquet';
    else if (p && isHistogramSummary(p.head)) kinds[side] = 'summary';
    else if (extname(paths[side]).toLowerCase() === '.parquet' && p) {
      throw new UsageError(`${side}: ${paths[side]} is named .parquet but is not a Parquet file (no PAR1 magic at both ends)`);
    } else kinds[side] = 'data';
  }
  if ((kinds.reference === 'summary') !== (kinds.current === 'summary')) {
    const [has, lacks] = kinds.reference === 'summary' ? ['reference', 'current'] : ['current', 'reference'];
    const error = new Error(`${lacks}: not a histogram summary, but the ${has} is one; compare a summary with a summary (docs/summaries.md shows how to make one)`);
    error.name = 'FormatError';
    throw error;
  }
  const out = { summaries: kinds.reference === 'summary', format: inputFormatOption(referencePath, currentPath) };
  for (const side of ['reference', 'current']) {
    if (kinds[side] === 'summary') out[side] = await readFile(paths[side]);
    else out[side] = paths[side];
  }
  return out;
}

/** "jsonl" when both files are named .jsonl/.ndjson, else "auto" (the engine decides by content). */
export function inputFormatOption(referencePath, currentPath) {
  const jsonl = (p) => JSONL.has(extname(p).toLowerCase());
  return jsonl(referencePath) && jsonl(currentPath) ? 'jsonl' : 'auto';
}
