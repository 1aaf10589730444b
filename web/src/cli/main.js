#!/usr/bin/env node
// divergence-lab command line: `divergence-lab compare REFERENCE CURRENT [options]` (see args.js).
// The same engine as the web page (the WASM core, read from disk); exit codes 0 done, 1 drift
// found with --fail-on-drift, 2 bad input or usage.
import { readFile, writeFile } from 'node:fs/promises';
import { compareJson, init } from '../node.js';
import { parseArgs, USAGE, UsageError } from './args.js';
import { toCsv, toHtml, toMarkdown } from '../report/formats.js';
import { reviveInfinities } from '../compare/compare.js';

async function run(argv) {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [referencePath, currentPath] = args.files;
  const read = async (path, side) => {
    try {
      return await readFile(path);
    } catch (error) {
      throw new UsageError(`${side}: cannot read ${path} (${error.code ?? error.message})`);
    }
  };
  const [reference, current] = await Promise.all([read(referencePath, 'reference'), read(currentPath, 'current')]);
  await init();
  const json = compareJson(reference, current, args.options);
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
