// Finds code that compiles strings at run time: eval(...), new Function(...), a bare Function(...)
// call, setTimeout/setInterval with a string literal. Member calls (x.eval, WebAssembly.Function)
// and longer names (createNamedFunction) do not count. Returns the hits with some context.
const PATTERNS = [
  /(?<![\w$.])eval\s*\(/g,
  /(?<![\w$.])new\s+Function\s*\(/g,
  /(?<![\w$.]|new\s+)Function\s*\(/g,
  /(?<![\w$.])set(?:Timeout|Interval)\s*\(\s*['"`]/g,
];

export function stringCompiling(source) {
  const hits = [];
  for (const pattern of PATTERNS) {
    for (const m of source.matchAll(pattern)) hits.push(source.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, ' '));
  }
  return hits;
}
