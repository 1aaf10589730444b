// Inputs of the comparison page beyond chosen and dropped files: Parquet converted to CSV
// (hyparquet), JSON Lines chosen by file name, files given by URL (a form or ?reference=&current=,
// same origin only), and the options form (type overrides, missing tokens).
import { toEngineInput } from '../../../src/index.js';

const JSONL = /\.(jsonl|ndjson)$/i;

/** Bytes for the engine: Parquet (by content) becomes CSV; everything else as it is. */
export async function engineInput(bytes) {
  return toEngineInput(bytes);
}

/** The engine's format option for two file names: 'jsonl' when both are .jsonl/.ndjson, else 'auto'. */
export function formatFor(referenceName, currentName) {
  return JSONL.test(referenceName) && JSONL.test(currentName) ? 'jsonl' : 'auto';
}

/**
 * Reads a file from a URL of this page's own origin (the page requests nothing elsewhere).
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
  return { name: url.pathname.split('/').pop() || url.href, bytes: new Uint8Array(await response.arrayBuffer()) };
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
