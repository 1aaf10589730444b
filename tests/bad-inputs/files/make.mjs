// Writes the Parquet files of the bad-input catalogue with DuckDB (run: node tests/bad-inputs/files/make.mjs).
// flat.parquet: columns a (BIGINT) and b (VARCHAR), 3 rows; nested.parquet: the same plus tags (a LIST of BIGINT).
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = fileURLToPath(new URL('./', import.meta.url));
const connection = await (await DuckDBInstance.create(':memory:')).connect();
await connection.run(`COPY (SELECT * FROM (VALUES (1, [1, 2], 'x'), (2, [3], 'y'), (3, [], 'x')) t(a, tags, b))
  TO '${dir}nested.parquet' (FORMAT parquet)`);
await connection.run(`COPY (SELECT * FROM (VALUES (1, 'x'), (2, 'y'), (3, 'x')) t(a, b)) TO '${dir}flat.parquet' (FORMAT parquet)`);
