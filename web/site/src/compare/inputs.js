// Inputs of the comparison page beyond chosen and dropped files: Parquet recognised (compareFiles
// reads it in its worker by byte ranges, one row group at a time), two histogram summaries compared in this thread (small),
// JSON Lines chosen by file name, files given by URL (a form or ?reference=&current=, same origin
// only), and the options form (type overrides, missing tokens).
import { compare, init, isHistogramSummary } from '../../../src/index.js';
import { isParquet } from '../../../src/compare/parquet_source.js';

const JSONL = /\.(jsonl|ndjson)$/i;

const bytesOf = async (source) => (source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer()));

/** The first 4096 bytes and the last 4 of a File or bytes. */
async function peek(source) {
  if (source instanceof Uint8Array) return { head: source.subarray(0, 4096), tail: source.subarray(Math.max(0, source.length - 4)) };
  const size = source.size;
  const [head, tail] = await Promise.all([source.slice(0, 4096).arrayBuffer(), source.slice(Math.max(0, size - 4)).arrayBuffer()]);
  return { head: new Uint8Array(head), tail: new Uint8Array(tail) };
}

/**
 * What the comparison of a pair needs, decided from the files' contents:
 *   { kind: 'summaries', report }          two histogram summaries, compared here (they are small);
 *   { kind: 'waiting', has, wants }        one summary: the other side must be a summary too;
 *   { kind: 'files', reference, current }  sources for the streaming engine (CSV, TSV, JSON Lines, Parquet).
 * `options` are compare() options (for the summaries). Errors: those of compare().
 */
export async function prepareSources(pair, options) {
  const kinds = {};
  for (const side of ['reference', 'current']) {
    const { head, tail } = await peek(pair[side].source);
    const bytes = new Uint8Array(head.length + tail.length);
    bytes.set(head);
    bytes.set(tail, head.length);
    kinds[side] = head.length >= 4 && isParquet(bytes) ? 'parquet' : isHistogramSummary(head) ? 'summary' : 'data';
  }
  if ((kinds.reference === 'summary') !== (kinds.current === 'summary')) {
    return kinds.reference === 'summary' ? { kind: 'waiting', has: 'reference', wants: 'current' } : { kind: 'waiting', has: 'current', wants: 'reference' };
  }
  if (kinds.reference === 'summary') {
    const [ref, cur] = await Promise.all([bytesOf(pair.reference.source), bytesOf(pair.current.source), init()]);
    return { kind: 'summaries', report: compare(ref, cur, options) };
  }
  return { kind: 'files', reference: pair.reference.source, current: pair.current.source };
}

/** The engine's format option for two file names: 'jsonl' when both are .jsonl/.ndjson, else 'auto'. */
export function formatFor(referenceName, currentName) {
  return JSONL.test(referenceName) && JSONL.test(currentName) ? 'jsonl' : 'auto';
}

/**
 * Reads a file from a URL of this page's own origin (the page requests nothing elsewhere), as a File
 * named after the URL's last path segment.
 * Throws an Error whose message names the URL: "https://x/y.csv is not on this page's origin ...",
 * "… answered 404 Not Found".
 */
export async function fetchSameOrigin(text) {
  let url;
  try {
    url = new URL(text, location.href);
  } catch {
    throw new Error(`“${text}” is not a URL`);
  }
  if (url.origin !== location.origin) {
    throw new Error(`${url.href} is not on this page’s origin (${location.origin}); the page loads files from its own origin only, so that nothing is requested elsewhere — download the file and choose it instead`);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.href} answered ${response.status} ${response.statusText}`.trim());
  const name = decodeURIComponent(url.pathname.split('/').pop() || url.href);
  return new File([await response.arrayBuffer()], name);
}

/** ?reference=URL&current=URL of the page's address, or null when either is absent. */
export function urlParameters() {
  const params = new URLSearchParams(location.search);
  const reference = params.get('reference');
  const current = params.get('current');
  return reference && current ? { reference, current } : null;
}

const TYPES = new Set(['numeric', 'categorical', 'boolean']);

/**
 * The options form as compare() options. Types: "name=type" items separated by commas or line
 * breaks; missing tokens: comma-separated (empty text = the engine's defaults; an empty item
 * between commas is the empty field). Throws a RangeError naming the field and the item.
 */
export function readOptionsForm(typesText, missingText) {
  const options = {};
  const items = typesText.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (items.length) {
    options.types = {};
    for (const item of items) {
      const eq = item.lastIndexOf('=');
      const name = item.slice(0, eq).trim();
      const type = item.slice(eq + 1).trim().toLowerCase();
      if (eq <= 0 || !name) throw new RangeError(`Type overrides: “${item}” is not name=type (e.g. zip=categorical)`);
      if (!TYPES.has(type)) throw new RangeError(`Type overrides: “${type}” for column “${name}” is not a type (known: numeric, categorical, boolean)`);
      options.types[name] = type;
    }
  }
  if (missingText.trim() !== '') options.missing = missingText.split(',').map((s) => s.trim());
  return options;
}
