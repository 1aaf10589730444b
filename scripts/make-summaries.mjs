#!/usr/bin/env node
// Writes the histogram summaries of every pair in ../shared/data/pairs, made with DuckDB by the SQL
// of docs/summaries.md (tests/js/summary_sql.js), as the fuzz seeds of tests/fuzz/fuzz_summary.cpp:
// one file per pair holding "reference summary \xff current summary" (pairs over 100 kB left out).
// Usage: node scripts/make-summaries.mjs [OUT_DIR] (default tests/fuzz/seeds/fuzz_summary)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as dl from '../web/src/node.js';
import { connect, loadCsv, summarize } from '../tests/js/summary_sql.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = process.argv[2] ?? join(root, 'tests/fuzz/seeds/fuzz_summary');
const pairs = join(root, '../shared/data/pairs');
const MISSING = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '#N/A', 'n/a', '-NaN', '-nan', '<NA>'];

await dl.init();
const connection = await connect();
mkdirSync(out, { recursive: true });
for (const pair of readdirSync(pairs).sort()) {
  const ref = join(pairs, pair, 'reference.csv');
  const cur = join(pairs, pair, 'current.csv');
  const report = dl.compare(readFileSync(ref), readFileSync(cur));
  const types = Object.fromEntries(report.columns.filter((c) => !c.error).map((c) => [c.name, c.type]));
  await loadCsv(connection, 'reference', ref, types, MISSING);
  await loadCsv(connection, 'current', cur, types, MISSING);
  const s = await summarize(connection, types, 20);
  const seed = Buffer.concat([Buffer.from(JSON.stringify(s.reference)), Buffer.from([0xff]), Buffer.from(JSON.stringify(s.current))]);
  // Large seeds (taxis: thousands of distinct timestamps as categories) slow every fuzz run down.
  if (seed.length > 100000) {
    console.log(`${pair}: ${seed.length} bytes, left out (over 100 kB)`);
    continue;
  }
  writeFileSync(join(out, pair), seed);
  console.log(`${pair}: ${s.reference.columns.length} columns, ${seed.length} bytes`);
}
