// Command-line arguments of `divergence-lab compare` (see USAGE).

export const USAGE = `Usage: divergence-lab compare REFERENCE CURRENT [options]

Compares a reference file (P, e.g. training data) with a current file (Q, e.g. production data),
column by column, with the same engine as the web page. CSV/TSV (delimiter sniffed), JSON Lines
(.jsonl/.ndjson or content starting with '{'), Parquet (.parquet, read with hyparquet) or two
histogram summaries (JSON, schema divergence-lab/histogram-summary@1; docs/summaries.md).

Options:
  --format json|md|csv|html   output (default json: the report, schema divergence-lab/compare-report@2)
  --out FILE                  write to FILE instead of standard output
  --binning SPEC              equal-width:N (default equal-width:20), reference-quantile:N, auto, sturges,
                              doane, fd, edges:a,b,c
  --smoothing SPEC            epsilon:X (default epsilon:0.0001), pseudocount:X, none
  --preset NAME               default (Evidently-style tests), psi, custom
  --missing TOKENS            comma-separated missing-value tokens (default: empty, NA, N/A, NaN, null, ? ...)
  --types NAME:TYPE,...       override inferred types (numeric, categorical, boolean)
  --type NAME=TYPE            one override (repeatable): --type zip=categorical --type flag=boolean
  --drift-share X             share of drifted columns that makes the dataset drifted (default 0.5)
  --fail-on-drift             exit 1 when the dataset verdict is "drifted"
  --help                      this text

Exit codes: 0 done, 1 drift found with --fail-on-drift, 2 bad input or usage (message on stderr).`;

/** A usage error: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

// --flag -> compare() option name
const VALUE_OPTIONS = {
  '--binning': 'binning',
  '--smoothing': 'smoothing',
  '--preset': 'preset',
  '--missing': 'missing',
  '--types': 'types',
  '--drift-share': 'driftShare',
};
const FORMATS = new Set(['json', 'md', 'csv', 'html']);

/** Parses argv (without node and the script). Throws UsageError. */
export function parseArgs(argv) {
  const args = { help: false, format: 'json', out: null, failOnDrift: false, options: {}, files: [] };
  const rest = [...argv];
  if (rest.includes('--help') || rest.includes('-h')) return { ...args, help: true };
  const command = rest.shift();
  if (command !== 'compare') throw new UsageError(command === undefined ? 'missing command: compare' : `unknown command '${command}' (known: compare)`);
  while (rest.length > 0) {
    const arg = rest.shift();
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest.shift();
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    if (flag === '--format') {
      args.format = value();
      if (!FORMATS.has(args.format)) throw new UsageError(`--format: unknown '${args.format}' (known: json, md, csv, html)`);
    } else if (flag === '--out') {
      args.out = value();
    } else if (flag === '--type') {
      const v = value();
      const eq = v.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--type: expected NAME=TYPE (e.g. zip=categorical), got '${v}'`);
      const item = `${v.slice(0, eq)}:${v.slice(eq + 1)}`;
      args.options.types = args.options.types ? `${args.options.types},${item}` : item;
    } else if (flag === '--fail-on-drift') {
      args.failOnDrift = true;
    } else if (flag in VALUE_OPTIONS) {
      args.options[VALUE_OPTIONS[flag]] = value();
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      args.files.push(arg);
    }
  }
  if (args.files.length !== 2) throw new UsageError(`expected two files (REFERENCE CURRENT), got ${args.files.length}`);
  return args;
}
