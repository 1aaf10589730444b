// The dataset comparison page: holds the two current files (reference P, current Q), compares them
// in WASM with compareCsv whenever one changes, and shows the report. A failed comparison leaves
// the previous result on screen and explains what went wrong, naming the file.
import { compareCsv, init } from '../../../src/index.js';
import { formatCount } from '../format.js';
import { DEFAULT_EXAMPLE, EXAMPLES, fetchExample } from './examples.js';
import { preventStrayDrops, readFile, setupDropZone } from './files.js';
import { renderReport } from './report-view.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const SIDE_LABEL = { reference: 'reference file, P', current: 'current file, Q' };
const OPTIONS = { bins: 20, epsilon: 1e-4 };

/** The files being compared: { name, bytes, example } per side; `shown` is the pair on screen. */
const files = { reference: null, current: null };
let shown = null;
let pendingExample = Promise.resolve();
let exampleToken = 0;

root.dataset.runs = '0';

const plural = (n, noun) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

function finishRun() {
  root.dataset.runs = String(Number(root.dataset.runs || '0') + 1);
  root.dataset.ready = 'true';
}

function showError(paragraphs) {
  const box = $('error');
  box.replaceChildren(
    ...paragraphs.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }),
  );
}

function clearError() {
  $('error').replaceChildren();
}

function stillShown() {
  return shown ? `The previous result (${shown.reference.name} vs ${shown.current.name}) is still shown.` : 'Nothing has been compared yet.';
}

function describePair(pair) {
  const { reference, current } = pair;
  if (reference.example && reference.example === current.example) return reference.example;
  return `${reference.name} vs ${current.name}`;
}

function showCitation(pair) {
  const ids = [...new Set([pair.reference.example, pair.current.example].filter(Boolean))];
  const citation = $('citation');
  if (ids.length === 0) {
    citation.textContent = 'Comparing your own files; no example data loaded.';
    return;
  }
  citation.textContent = ids
    .map((id) => {
      const sides = [pair.reference.example === id && 'reference', pair.current.example === id && 'current'].filter(Boolean).join(' and ');
      return `Example ${id} (${sides}; ${EXAMPLES[id].split}). Data: ${EXAMPLES[id].citation}`;
    })
    .join(' ');
}

function showReport(pair, report) {
  renderReport(report, describePair(pair));

  $('reference-name').textContent = pair.reference.name;
  $('current-name').textContent = pair.current.name;
  showCitation(pair);

  const failed = report.columns.filter((c) => c.error).length;
  const compared = report.columns.length - failed;
  const oneSide = report.only_in_reference.length + report.only_in_current.length;
  let status =
    `${describePair(pair)}: ${plural(report.reference.rows, 'reference row')}, ` +
    `${plural(report.current.rows, 'current row')}, ${plural(compared, 'column')} compared`;
  if (failed) status += `, ${failed} could not be compared`;
  if (oneSide) status += `, ${plural(oneSide, 'column')} in one file only`;
  $('status').textContent = `${status}.`;
}

/** Compares the current pair; on failure restores the last good pair and says why. */
function compareNow() {
  const pair = { reference: files.reference, current: files.current };
  if (!pair.reference || !pair.current) {
    const missing = pair.reference ? 'current' : 'reference';
    $('status').textContent = `Choose a ${SIDE_LABEL[missing]} to compare with.`;
    finishRun();
    return;
  }
  try {
    const report = compareCsv(pair.reference.bytes, pair.current.bytes, OPTIONS);
    showReport(pair, report);
    shown = pair;
    clearError();
  } catch (error) {
    reportCompareError(pair, error);
    if (shown) {
      files.reference = shown.reference;
      files.current = shown.current;
    }
  } finally {
    finishRun();
  }
}

function reportCompareError(pair, error) {
  const message = String(error?.message ?? error);
  const side = /^(reference|current):\s*/.exec(message);
  if (side) {
    const file = pair[side[1]];
    const detail = message.slice(side[0].length);
    showError([`Could not read “${file.name}” (${SIDE_LABEL[side[1]]}): ${detail}.`, stillShown()]);
    if (!file.example) $(`${side[1]}-file`).value = '';
  } else {
    showError([`Could not compare “${pair.reference.name}” (reference) with “${pair.current.name}” (current): ${message}.`, stillShown()]);
  }
}

async function loadExample(id) {
  const token = ++exampleToken;
  $('status').textContent = `Loading the example ${id}…`;
  let bytes;
  try {
    bytes = await fetchExample(id);
  } catch (error) {
    if (token !== exampleToken) return;
    showError([`Could not load the example: ${error.message}.`, stillShown()]);
    if (shown) $('status').textContent = `Still showing ${describePair(shown)}.`;
    finishRun();
    return;
  }
  if (token !== exampleToken) return;
  files.reference = { name: `${id}/reference.csv`, bytes: bytes.reference, example: id };
  files.current = { name: `${id}/current.csv`, bytes: bytes.current, example: id };
  $('reference-file').value = '';
  $('current-file').value = '';
  compareNow();
}

async function loadFile(side, file) {
  // A file chosen while an example is still downloading replaces that example's side when it lands.
  await pendingExample;
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (error) {
    showError([`Could not read “${file.name}” (${SIDE_LABEL[side]}): ${error?.message ?? error}.`, stillShown()]);
    finishRun();
    return;
  }
  files[side] = { name: file.name, bytes, example: null };
  compareNow();
}

async function main() {
  preventStrayDrops();
  const select = $('example');
  const requested = new URLSearchParams(location.search).get('example');
  if (requested && Object.hasOwn(EXAMPLES, requested)) select.value = requested;
  else select.value = DEFAULT_EXAMPLE;

  let ready = false;
  const whenReady = [];
  const run = (task) => (ready ? task() : whenReady.push(task));

  select.addEventListener('change', () => run(() => (pendingExample = loadExample(select.value))));
  setupDropZone($('reference-zone'), $('reference-file'), (file) => run(() => loadFile('reference', file)));
  setupDropZone($('current-zone'), $('current-file'), (file) => run(() => loadFile('current', file)));

  try {
    await init();
  } catch (error) {
    showError([`The WebAssembly core could not be loaded: ${error.message}.`]);
    $('status').textContent = 'Nothing can be compared without the WebAssembly core.';
    finishRun();
    return;
  }
  pendingExample = loadExample(select.value);
  ready = true;
  await pendingExample;
  for (const task of whenReady.splice(0)) await task();
}

main();
