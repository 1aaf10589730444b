// A small comparison run by a worker started ahead (prepareWorkers, worker.js) before it is given a
// file: WebAssembly code starts in V8's baseline tier and a function is recompiled optimized only
// after it has run for a while (and a call already running keeps its tier), so without this the
// first megabytes of every file are parsed up to 3 times slower (measured in Chromium: 13-30 ms
// per 2 MiB chunk at first, 7-9 ms later; the 198 MB benchmark pair took ~80 ms longer). Two
// generated CSV sides of 4,000 rows each (enough for the radix sort, from 2,048 values) go through
// what a comparison does: chunks fed, finished (sorted), the state serialized and restored, and a
// report part built, with the column kinds files have (integers, fixed and varying decimals,
// exponents, negatives, missing values, categories, booleans). It takes 100-200 ms of one core.
import { accumulate, columnWeights, reportPartJson, restoreMerged, serialize } from './engine.js';
import { optionLines } from './options.js';

const ROWS = 4_000;

/** A generated CSV side (the seed picks its values), as chunks of 64 KiB. */
function side(seed) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = ['age,income,score,ratio,count,temperature,balance,city,plan,active'];
  for (let i = 0; i < ROWS; i++) {
    const r = random();
    lines.push(
      [
        18 + Math.floor(r * 70),
        (30000 + 40000 * random()).toFixed(4),
        (100 * random()).toFixed(random() < 0.5 ? 2 : 6),
        random().toFixed(9),
        i % 97 === 0 ? 'NA' : Math.floor(random() * 500),
        (15 + 20 * (random() - 0.5)).toFixed(5),
        ((random() - 0.5) * 2e4).toExponential(8),
        `city-${Math.floor(random() * 60)}`,
        ['free', 'pro', 'team'][i % 3],
        random() < 0.3 ? 'true' : 'false',
      ].join(','),
    );
  }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const chunks = [];
  for (let at = 0; at < bytes.length; at += 1 << 16) chunks.push(bytes.subarray(at, at + (1 << 16)));
  return chunks;
}

/** Runs the warm-up comparison on `module` (the worker's core); every handle is closed. */
export async function warmUp(module) {
  const lines = optionLines({ binning: 'equal-width:20', smoothing: 'epsilon:0.0001' });
  const open = [];
  try {
    open.push(await accumulate(module, { side: 'reference', lines, chunks: side(1) }));
    open.push(await accumulate(module, { side: 'current', lines, chunks: side(2) }));
    const state = serialize(module, open[1]);
    module.streamClose(open.pop());
    open.push(restoreMerged(module, lines, [state]));
    const names = columnWeights(module, open[0]).map(([name]) => name);
    const [ref, cur] = open.splice(0, 2);
    reportPartJson(module, ref, cur, lines, names); // closes both
  } finally {
    for (const handle of open) module.streamClose(handle);
  }
}
