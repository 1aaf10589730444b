// The dataset comparison page: holds the two current files (reference P, current Q), compares them
// whenever one changes, and shows the report. The files are read in chunks by compareFiles, each in
// its own Web Worker (runner.js), with a progress bar per file and a Cancel button (progress.js).
// A failed or cancelled comparison leaves the previous result on screen and explains what
// happened, naming the file.
import { formatCount } from '../format.js';
import { exampleButtons } from './example-buttons.js';
import { DEFAULT_EXAMPLE, EXAMPLES, fetchExample } from './examples.js';
import { preventStrayDrops, setupDropZone } from './files.js';
import { createProgress } from './progress.js';
import { renderReport } from './report-view.js';
import { PAGE_OPTIONS, cancelRun, runComparison } from './runner.js';
import { fetchSameOrigin, formatFor, prepareSources, readOptionsForm, urlParameters } from './inputs.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const SIDE_LABEL = { reference: 'reference file, P', current: 'current file, Q' };

/** The files being compared: { name, source, example } per side (source: a File); `shown` is the pair on screen. */
const files = { reference: null, current: null };
let shown = null;
let pendingExample = Promise.resolve();
let exampleToken = 0;
let progress = null;
let markExample = () => {};
let runToken = 0;
/** The options form's values (type overrides, missing tokens), as compare() options. */
let userOptions = {};

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
  markExample(pair.reference.example && pair.reference.example === pair.current.example ? pair.reference.example : null);

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

/** Compares the current pair; on failure or cancel restores the last good pair and says why. */
async function compareNow() {
  const pair = { reference: files.reference, current: files.current };
  if (!pair.reference || !pair.current) {
    const missing = pair.reference ? 'current' : 'reference';
    $('status').textContent = `Choose a ${SIDE_LABEL[missing]} to compare with.`;
    finishRun();
    return;
  }
  const token = ++runToken;
  const names = { reference: pair.reference.name, current: pair.current.name };
  progress.start(names);
  $('status').textContent = `Comparing ${describePair(pair)}…`;
  root.dataset.busy = 'true';
  try {
    const options = { format: formatFor(pair.reference.name, pair.current.name), ...userOptions };
    const prepared = await prepareSources(pair, { ...PAGE_OPTIONS, ...options });
    if (token !== runToken) return;
    if (prepared.kind === 'waiting') {
      // A summary is compared with a summary only: wait for the other side instead of failing.
      $('status').textContent = `The ${SIDE_LABEL[prepared.has]} is a histogram summary: choose a summary as the ${SIDE_LABEL[prepared.wants]} too.`;
      return;
    }
    const report = prepared.kind === 'summaries' ? prepared.report : await runComparison(prepared.reference, prepared.current, (p) => {
      if (token === runToken) progress.update(p, names);
    }, options);
    if (token !== runToken) return; // a newer comparison replaced this one
    showReport(pair, report);
    shown = pair;
    clearError();
  } catch (error) {
    if (token !== runToken) return; // replaced by a newer comparison, which reports for itself
    if (error?.name === 'AbortError') {
      showError([`Cancelled the comparison of ${describePair(pair)}.`, stillShown()]);
      if (shown) $('status').textContent = `Still showing ${describePair(shown)}.`;
    } else {
      reportCompareError(pair, error);
    }
    // A file that was not compared leaves its input, so that choosing it again starts a new run.
    for (const side of ['reference', 'current']) {
      if (pair[side] !== shown?.[side] && !pair[side].example) $(`${side}-file`).value = '';
    }
    if (shown) {
      files.reference = shown.reference;
      files.current = shown.current;
    }
  } finally {
    if (token === runToken) {
      progress.stop();
      delete root.dataset.busy;
    }
    finishRun(); // every change of file counts as a run, also one a newer change replaced
  }
}

function reportCompareError(pair, error) {
  const message = String(error?.message ?? error);
  const side = /^(reference|current):\s*/.exec(message);
  if (side) {
    const file = pair[side[1]];
    const detail = message.slice(side[0].length).replace(/\.$/, '');
    showError([`Could not read “${file.name}” (${SIDE_LABEL[side[1]]}): ${detail}.`, stillShown()]);
    if (!file.example) $(`${side[1]}-file`).value = '';
  } else {
    showError([`Could not compare “${pair.reference.name}” (reference) with “${pair.current.name}” (current): ${message.replace(/\.$/, '')}.`, stillShown()]);
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
  // As Files, so that messages from the workers name them.
  const file = (side) => new File([bytes[side]], `${id}/${side}.csv`, { type: 'text/csv' });
  files.reference = { name: `${id}/reference.csv`, source: file('reference'), example: id };
  files.current = { name: `${id}/current.csv`, source: file('current'), example: id };
  $('reference-file').value = '';
  $('current-file').value = '';
  await compareNow();
}

async function loadFile(side, file) {
  // A file chosen while an example is still downloading replaces that example's side when it lands.
  await pendingExample;
  // The File itself goes to the worker, which reads it in chunks: nothing is read on this thread.
  files[side] = { name: file.name, source: file, example: null };
  await compareNow();
}

/** Loads both files from URLs of this origin (the URL form or ?reference=&current=). */
async function loadUrls(referenceUrl, currentUrl) {
  exampleToken++;
  $('status').textContent = 'Loading the files…';
  try {
    const [reference, current] = await Promise.all([fetchSameOrigin(referenceUrl), fetchSameOrigin(currentUrl)]);
    files.reference = { name: reference.name, source: reference, example: null };
    files.current = { name: current.name, source: current, example: null };
  } catch (error) {
    showError([`Could not load the files: ${error.message}.`, stillShown()]);
    finishRun();
    return;
  }
  await compareNow();
}

async function applyOptions() {
  try {
    userOptions = readOptionsForm($('type-overrides').value, $('missing-tokens').value);
  } catch (error) {
    showError([`${error.message}.`, stillShown()]);
    finishRun();
    return;
  }
  await compareNow();
}

async function main() {
  preventStrayDrops();
  progress = createProgress($('status'), () => cancelRun());
  const select = $('example');
  const requested = new URLSearchParams(location.search).get('example');
  if (requested && Object.hasOwn(EXAMPLES, requested)) select.value = requested;
  else select.value = DEFAULT_EXAMPLE;

  let ready = false;
  const whenReady = [];
  const run = (task) => (ready ? task() : whenReady.push(task));

  select.addEventListener('change', () => run(() => (pendingExample = loadExample(select.value))));
  markExample = exampleButtons($('example-buttons'), (id) => {
    select.value = id;
    run(() => (pendingExample = loadExample(id)));
  });
  setupDropZone($('reference-zone'), $('reference-file'), (file) => run(() => loadFile('reference', file)));
  setupDropZone($('current-zone'), $('current-file'), (file) => run(() => loadFile('current', file)));
  $('url-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => (pendingExample = loadUrls($('reference-url').value, $('current-url').value)));
  });
  $('options-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => applyOptions());
  });

  const fromAddress = urlParameters();
  if (fromAddress) {
    $('input-options').open = true;
    $('reference-url').value = fromAddress.reference;
    $('current-url').value = fromAddress.current;
    pendingExample = loadUrls(fromAddress.reference, fromAddress.current);
  } else {
    pendingExample = loadExample(select.value);
  }
  ready = true;
  await pendingExample;
  for (const task of whenReady.splice(0)) await task();
}

main();
