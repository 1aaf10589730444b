// compareFiles in browsers (package entry "./compare"): each input read in its own module Web
// Worker (worker.js), so the two files are read at the same time and the page's thread only
// relays progress; optionally several workers per file over line-aligned byte ranges, merged
// through the serialized accumulator state. The report is then built by both files' workers at
// once, each comparing about half the columns (report_parts.js), so neither core waits idle.
// Cancel: the AbortSignal terminates every worker (their memory goes with them). Types and docs:
// compare.d.ts.
import { reviveInfinities } from './compare.js';
import { optionLines } from './options.js';
import { abortError } from './engine.js';
import { HEAD_BYTES, bytesView, describe, headOf, lineCuts } from './sources.js';
import { isParquetBuffer } from './parquet_source.js';
import { rangeBuffer } from './parquet_input.js';
import { progressTracker } from './progress.js';
import { checkControl, checkPoolSize } from './control.js';
import { compareInThread } from './in_thread.js';
import { mergeReports, shareColumns } from './report_parts.js';
import { init } from '../core/module.js';
import { chunks } from './sources.js';

/** Whether module workers can start here (not from file://, where Chromium refuses them). */
function workersAvailable() {
  return typeof Worker === 'function' && globalThis.location?.protocol !== 'file:';
}

/** URLs the workers loaded (their script, the core's .wasm), for pages that store files for offline use. */
const loadedByWorkers = new Set();

/** The URLs workers have loaded so far in this page (not part of the package's documented API). */
export function workerResources() {
  return [...loadedByWorkers];
}

/**
 * Workers started ahead by prepareWorkers: each has loaded the core, warmed it up and waits for its
 * first job. A comparison takes them before starting new ones; one that failed to load leaves the
 * pool.
 */
const warm = [];

function startWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'divergence-lab compare' });
}

/**
 * Starts workers now, so that the next compareFiles finds them with the core loaded and its hot
 * code optimized (they run warm_up.js first; otherwise a worker's start and the core's load take
 * ~70 ms and the first megabytes parse slowly, ~80 ms more on a 198 MB pair). Keeps `count` idle
 * workers (0 to 32; those beyond are terminated); each holds its own WebAssembly instance (16 MB)
 * until a comparison uses it or prepareWorkers(0) ends it. Does nothing where workers cannot start
 * (file://, no Worker).
 */
export function prepareWorkers(count = 2) {
  checkPoolSize(count);
  if (!workersAvailable()) return;
  while (warm.length > count) warm.pop().terminate();
  while (warm.length < count) {
    const worker = startWorker();
    worker.onerror = (event) => {
      event.preventDefault?.();
      const at = warm.indexOf(worker);
      if (at >= 0) warm.splice(at, 1);
      worker.terminate();
    };
    worker.postMessage({ type: 'warm' });
    warm.push(worker);
  }
}

/** Byte ranges are used for inputs at least this large (smaller ones gain nothing from workers). */
const MIN_RANGE_BYTES = 8 << 20;

function errorFrom(data) {
  if (data.name === 'RangeError') return new RangeError(data.message);
  if (data.name === 'TypeError') return new TypeError(data.message);
  const error = new Error(data.message);
  error.name = data.name === 'AbortError' || !data.name ? 'Error' : data.name;
  return error;
}

/**
 * The planned reads of one side: [{ start, end, head?, firstByte }] (one entry: the whole input;
 * always for a Parquet file, which its worker reads row group by row group).
 */
async function planRanges(input, info, workers) {
  if (workers < 2 || (info.kind !== 'blob' && info.kind !== 'bytes') || info.size < MIN_RANGE_BYTES || (await isParquetBuffer(rangeBuffer(input, info)))) {
    return [{ start: 0, end: info.size }];
  }
  const cuts = await lineCuts(input, info, workers);
  const head = cuts.length > 2 ? await headOf(input, info) : null;
  const ranges = [];
  for (let i = 0; i + 1 < cuts.length; i++) ranges.push({ start: cuts[i], end: cuts[i + 1], head: i > 0 ? head : undefined, firstByte: cuts[i] });
  return ranges;
}

/** What a worker is sent for one range (bytes: only the range, copied and transferred). */
function accumulateMessage(input, info, side, lines, range, keep) {
  const message = { type: 'accumulate', side, lines, keep, head: range.head, firstByte: range.firstByte };
  const transfer = [];
  if (info.kind === 'bytes') {
    const part = bytesView(input).slice(range.start, range.end);
    Object.assign(message, { input: part, start: 0, end: part.length });
    transfer.push(part.buffer);
  } else if (info.kind === 'url') {
    Object.assign(message, { input: new URL(input, globalThis.location?.href).href });
  } else {
    Object.assign(message, { input, start: range.start, end: range.end });
  }
  if (range.head) message.head = range.head.slice(0, HEAD_BYTES);
  return { message, transfer };
}

export async function compareFiles(reference, current, options = {}, control = {}) {
  const { onProgress, signal, workers } = checkControl(control);
  const lines = optionLines(options);
  const infos = { reference: describe(reference, 'reference'), current: describe(current, 'current') };
  const inputs = { reference, current };
  if (signal?.aborted) throw abortError(signal);
  if (!workersAvailable()) {
    // No worker (a page opened from disk): the same engine in this thread, chunk by chunk.
    const json = await compareInThread({ inputs, infos, lines, onProgress, signal, ready: () => init(), chunks, rangeBuffer });
    return reviveInfinities(JSON.parse(json));
  }

  const plans = {
    reference: await planRanges(reference, infos.reference, workers),
    current: await planRanges(current, infos.current, workers),
  };
  if (signal?.aborted) throw abortError(signal);
  const progress = progressTracker(onProgress, { reference: infos.reference.size, current: infos.current.size });
  const pool = [];
  let settle;
  const finished = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const stop = (error) => {
    for (const w of pool) w.terminate();
    pool.length = 0;
    settle.reject(error);
  };
  const onAbort = () => stop(abortError(signal));
  signal?.addEventListener('abort', onAbort, { once: true });

  // One worker per range. Each side's first range keeps its accumulator (the keepers); once every
  // range is read, the keepers gather their side's other ranges, share the columns out, swap
  // partial states and build one part of the report each.
  const states = { reference: [], current: [] };
  const rows = { reference: [], current: [] };
  const keepers = {};
  const columns = {};
  const parts = {};
  const other = { reference: 'current', current: 'reference' };
  let plan = null;
  let pending = 0;
  const spawn = (side, index, range) => {
    const worker = warm.shift() ?? startWorker();
    pool.push(worker);
    const keep = index === 0;
    if (keep) keepers[side] = worker;
    const fileName = infos[side].name;
    worker.onerror = (event) => {
      event.preventDefault?.();
      const why = event.message || 'it ran out of memory or failed to load';
      stop(new Error(`${side} file "${fileName}": the worker reading it stopped (${why}). The page is still usable; try again, or a smaller file.`));
    };
    worker.onmessageerror = () => stop(new Error(`${side} file "${fileName}": a message from its worker could not be read`));
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') progress.update(side, index, data.bytes, data.rows);
      else if (data.type === 'size') progress.size(side, data.total);
      else if (data.type === 'error') stop(errorFrom(data));
      else if (data.type === 'done') {
        for (const url of data.resources ?? []) loadedByWorkers.add(url);
        rows[side][index] = data.rows;
        if (data.state) states[side][index] = data.state;
        if (!keep) {
          worker.terminate(); // its state is here now: free its memory at once
          pool.splice(pool.indexOf(worker), 1);
        }
        progress.update(side, index, data.bytes, data.rows);
        if (rows[side].filter((r) => r !== undefined).length === plans[side].length) progress.finish(side);
        if (--pending === 0) {
          for (const s of ['reference', 'current']) {
            const rest = states[s].slice(1);
            keepers[s].postMessage({ type: 'gather', lines, states: rest }, rest.map((state) => state.buffer));
          }
        }
      } else if (data.type === 'columns') {
        columns[side] = data.columns;
        if (columns.reference && columns.current) {
          plan = shareColumns(columns.reference, columns.current);
          // Each keeper sends the columns the other compares.
          for (const s of ['reference', 'current']) keepers[s].postMessage({ type: 'share', names: plan[other[s]] });
        }
      } else if (data.type === 'shared') {
        // The other keeper can start its part as soon as this side's state is there.
        const to = other[side];
        keepers[to].postMessage({ type: 'compare', lines, side: to, state: data.state, names: plan[to] }, [data.state.buffer]);
      } else if (data.type === 'report') {
        parts[side] = JSON.parse(data.json);
        if (parts.reference && parts.current) {
          try {
            settle.resolve(mergeReports([parts.reference, parts.current], plan.order));
          } catch (error) {
            stop(error);
          }
        }
      }
    };
    const { message, transfer } = accumulateMessage(inputs[side], infos[side], side, lines, range, keep);
    worker.postMessage(message, transfer);
  };
  try {
    for (const side of ['reference', 'current']) {
      plans[side].forEach((range, index) => {
        pending++;
        spawn(side, index, range);
      });
    }
    return reviveInfinities(await finished);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const w of pool) w.terminate();
    pool.length = 0;
  }
}
