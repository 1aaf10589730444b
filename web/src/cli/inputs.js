// Input files of the command line: Parquet converted to CSV (hyparquet, web/src/compare/parquet.js),
// the JSON Lines format chosen from the file names, everything else passed to the engine as is
// (the engine sniffs CSV/TSV/JSON Lines and recognises histogram summaries by content).
import { extname } from 'node:path';
import { isParquet, parquetToCsv } from '../compare/parquet.js';
import { UsageError } from './args.js';

const JSONL = new Set(['.jsonl', '.ndjson']);

/** The bytes for the engine: Parquet (by content) becomes CSV; a .parquet name without Parquet content is an error. */
export async function readInput(bytes, path, side) {
  if (isParquet(bytes)) return parquetToCsv(bytes);
  if (extname(path).toLowerCase() === '.parquet') {
    throw new UsageError(`${side}: ${path} is named .parquet but is not a Parquet file (no PAR1 magic at both ends)`);
  }
  return bytes;
}

/** "jsonl" when both files are named .jsonl/.ndjson, else "auto" (the engine decides by content). */
export function inputFormatOption(referencePath, currentPath) {
  const jsonl = (p) => JSONL.has(extname(p).toLowerCase());
  return jsonl(referencePath) && jsonl(currentPath) ? 'jsonl' : 'auto';
}
