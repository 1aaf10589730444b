// Histogram summaries made with DuckDB by the SQL of docs/summaries.md (read from that file, so the
// documented text is the tested text). Used by summary_duckdb.test.js and scripts/make-summaries.mjs.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const DOC = new URL('../../docs/summaries.md', import.meta.url);
const SCHEMA = 'divergence-lab/histogram-summary@1';

/** The SQL block after `<!-- summary-sql:NAME -->` in docs/summaries.md. */
export function documentedSql(name) {
  const text = readFileSync(DOC, 'utf8');
  const match = new RegExp(`<!-- summary-sql:${name} -->\\s*\`\`\`sql\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!match) throw new Error(`docs/summaries.md has no block summary-sql:${name}`);
  return match[1];
}

function fill(sql, values) {
  return sql.replace(/\{(\w+)\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`no value for {${key}}`);
    return String(values[key]);
  });
}

const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** numpy.linspace(lo, hi, bins + 1), as docs/summaries.md states the edges. */
export function linspace(lo, hi, bins) {
  const step = (hi - lo) / bins;
  const edges = [];
  for (let i = 0; i < bins; i++) edges.push(lo + i * step);
  edges.push(hi);
  return edges;
}

async function rows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjects();
}

/**
 * Loads `path` (CSV) into table `name` the way the engine reads it: every field as text with the
 * space after a delimiter dropped, the engine's missing tokens as NULL, numeric columns as DOUBLE
 * and boolean columns as lower-case text. `types` maps column name -> "numeric" | "categorical" |
 * "boolean" (from the engine's report); `missing` lists the missing tokens.
 */
export async function loadCsv(connection, name, path, types, missing) {
  const describe = await rows(connection, `DESCRIBE SELECT * FROM read_csv(${literal(path)}, all_varchar = true, header = true)`);
  const tokens = missing.map(literal).join(', ');
  const selects = describe.map(({ column_name: raw }) => {
    const column = raw.replace(/^ +/, '');
    const text = `CASE WHEN ltrim(${quote(raw)}, ' ') IN (${tokens}) THEN NULL ELSE ltrim(${quote(raw)}, ' ') END`;
    const type = types[column];
    const value = type === 'numeric' ? `CAST(${text} AS DOUBLE)` : type === 'boolean' ? `lower(${text})` : text;
    return `${value} AS ${quote(column)}`;
  });
  await connection.run(`CREATE OR REPLACE TABLE ${name} AS SELECT ${selects.join(', ')}
    FROM read_csv(${literal(path)}, all_varchar = true, header = true, nullstr = '\\x01never\\x01')`);
}

/**
 * The summaries of tables `reference` and `current` for the given columns ({ name: type }), by the
 * documented SQL with equal-width bins over the reference's min..max. Columns whose reference
 * min equals its max are left out (the docs say to summarise them otherwise).
 */
export async function summarize(connection, columns, bins) {
  const out = { reference: [], current: [] };
  for (const [name, type] of Object.entries(columns)) {
    const column = quote(name);
    if (type === 'numeric') {
      const [{ lo, hi }] = await rows(connection, fill(documentedSql('numeric-bounds'), { column, reference: 'reference' }));
      if (lo === null || lo === hi) continue;
      const edges = linspace(lo, hi, bins);
      for (const side of ['reference', 'current']) {
        const sql = fill(documentedSql('numeric-counts'), { column, reference: 'reference', table: side, bins });
        const counts = new Array(bins).fill(0);
        const entry = { name, type, edges, counts, below: 0, above: 0, missing: 0 };
        for (const { bin, n } of await rows(connection, sql)) {
          if (bin === null) entry.missing = Number(n);
          else if (bin === -1) entry.below = Number(n);
          else if (bin === bins) entry.above = Number(n);
          else counts[bin] = Number(n);
        }
        out[side].push(entry);
      }
    } else {
      for (const side of ['reference', 'current']) {
        const sql = fill(documentedSql('categorical-counts'), { column, table: side });
        const entry = { name, type, categories: [], counts: [], missing: 0 };
        for (const { category, n } of await rows(connection, sql)) {
          if (category === null) entry.missing = Number(n);
          else {
            entry.categories.push(String(category));
            entry.counts.push(Number(n));
          }
        }
        out[side].push(entry);
      }
    }
  }
  const wrap = (list) => ({ schema: SCHEMA, source: `duckdb, equal-width:${bins} over the reference min..max`, columns: list });
  return { reference: wrap(out.reference), current: wrap(out.current) };
}

/** A DuckDB connection (in memory). */
export async function connect() {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}
