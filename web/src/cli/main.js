#!/usr/bin/env node
// divergence-lab command line: `divergence-lab compare REFERENCE CURRENT [options]` (see args.js).
// The same engine as the web page (the WASM core, read from disk; the files streamed in chunks); exit codes 0 done, 1 drift
// found with --fail-on-drift, 2 bad input or usage.
import { writeFile } from 'node:fs/promises';
import { compareFilesJson } from '../compare/files_node.js';
import { parseArgs, USAGE, UsageError } from './args.js';
import { toCsv, toHtml, toMarkdown } from '../report/formats.js';
import { compareJson, reviveInfinities } from '../compare/compare.js';
import { init } from '../node.js';
import { prepareInputs } from './inputs.js';

async function run(argv) {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [referencePath, currentPath] = args.files;
  // Parquet becomes CSV, summaries are read whole (small); other files go to the engine as paths.
  const input = await prepareInputs(referencePath, currentPath);
  const options = { format: input.format, ...args.options };
  let json;
  if (input.summaries) {
    await init();
    json = compareJson(input.reference, input.current, options);
  } else {
    // Both files streamed from disk in chunks (bounded memory: a 1 GB file completes).
    json = await compareFilesJson(input.reference, input.current, options).catch((error) => {
      if (/^(reference|current): cannot read /.test(error.message)) throw new UsageError(error.message);
      throw error;
    });
  }
  const report = reviveInfinities(JSON.parse(json));
  const output = { json: `${json}\n`, md: toMarkdown(report), csv: toCsv(report), html: toHtml(report) }[args.format];
  if (args.out) await writeFile(args.out, output);
  else process.stdout.write(output);
  return args.failOnDrift && report.verdict.drifted ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const known = error instanceof UsageError || error instanceof RangeError || error instanceof TypeError || error.name === 'FormatError';
    process.stderr.write(`divergence-lab: ${known ? error.message : error.stack}\n`);
    if (error instanceof UsageError) process.stderr.write('Run divergence-lab --help for the options.\n');
    process.exitCode = 2;
  },
);
