// The README's runnable examples: fenced blocks whose info string is `js runnable` or `html runnable`.
// In a js block, a line `expression; // 0.5 ...` or `const x = expression; // 0.5 ...` (a comment
// starting with a number) states a value: the example runner checks that the expression, rounded
// to the digits written, equals it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './consumer.js';

/** @returns [{ language, code, line }] in README order (line: where the block starts, 1-based). */
export function runnableBlocks(markdown = readFileSync(join(repo, 'README.md'), 'utf8')) {
  const blocks = [];
  const fence = /^```(\w+) runnable\n([\s\S]*?)^```$/gm;
  for (let match; (match = fence.exec(markdown)); ) {
    blocks.push({ language: match[1], code: match[2], line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

const stated = /^(\s*)(?:(const|let)\s+(\w+)\s*=\s*)?(.+?);?\s*\/\/\s*(-?\d[\d.]*(?:e[-+]?\d+)?)\b(.*)$/;

/**
 * Turns a js block into a module that runs it and prints one JSON line: [{ line, stated, actual, digits }].
 * @returns { source, checks } where checks is the number of stated values.
 */
export function instrument(code, firstLine) {
  let checks = 0;
  const lines = code.split('\n').map((text, i) => {
    const match = stated.exec(text);
    if (!match || /^\s*(import|await init)/.test(text)) return text;
    const [, indent, keyword, name, expression, value] = match;
    checks += 1;
    const at = firstLine + 1 + i;
    const check = (subject) => `__checks.push({ line: ${at}, stated: ${JSON.stringify(value)}, actual: ${subject} });`;
    return keyword ? `${indent}${keyword} ${name} = ${expression}; ${check(name)}` : `${indent}${check(`(${expression})`)}`;
  });
  const source = `const __checks = [];\n${lines.join('\n')}\nconsole.log(JSON.stringify(__checks));\n`;
  return { source, checks };
}

/** Whether `actual` written with as many significant digits as `stated` reads as the stated number. */
export function agrees(actual, stated) {
  if (typeof actual !== 'number') return false;
  const digits = stated.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').length || 1;
  return Number(actual.toPrecision(Math.min(digits, 17))) === Number(stated);
}
