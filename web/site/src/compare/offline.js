// Registers the comparison page's service worker (public/sw.js) and, once the page has compared its
// first pair, hands it the same-origin files the page loaded plus every example pair, so that the
// page works offline from then on. Sets html[data-offline] to "ready" (all stored), "partial" or
// "unavailable" (no service worker: file://, private modes, old browsers).
import { workerResources } from '../../../src/compare/files_browser.js';
import { EXAMPLES, exampleUrl } from './examples.js';

const root = document.documentElement;

function firstRun() {
  if (root.dataset.ready === 'true') return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (root.dataset.ready === 'true') {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  });
}

async function setUp() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) {
    root.dataset.offline = 'unavailable';
    return;
  }
  const registration = await navigator.serviceWorker.register(new URL('sw.js', document.baseURI));
  await firstRun();
  const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
  const page = new URL(location.pathname, location.href).href;
  // What the page loaded, and what the comparison's Web Workers loaded (their script, the .wasm).
  const loaded = [...performance.getEntriesByType('resource').map((e) => e.name), ...workerResources()];
  const examples = Object.keys(EXAMPLES).flatMap((id) => [exampleUrl(id, 'reference').href, exampleUrl(id, 'current').href]);
  const urls = [...new Set([page, ...loaded, ...examples])].filter((u) => new URL(u).origin === location.origin);
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
  worker.postMessage({ type: 'cache', urls }, [channel.port2]);
  const { stored, of } = await answer;
  root.dataset.offline = stored === of ? 'ready' : 'partial';
}

setUp().catch(() => {
  root.dataset.offline = 'unavailable';
});
