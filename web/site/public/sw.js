// Service worker of the comparison page: after the first visit the page works with the network off.
// The page (src/compare/offline.js) sends the list of same-origin files it loaded (page, scripts,
// styles, WebAssembly, example pairs) and this worker stores them. Requests for this origin go to
// the network first (so a new build is picked up at once) and fall back to the stored copy when the
// network fails; every good response refreshes the store. Nothing from other origins is touched.
const CACHE = 'divergence-lab-compare-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const { type, urls } = event.data ?? {};
  if (type !== 'cache' || !Array.isArray(urls)) return;
  const own = urls.filter((u) => new URL(u, self.location.href).origin === self.location.origin);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.allSettled(own.map((u) => cache.add(new Request(u, { cache: 'reload' })))))
      .then((results) => event.ports[0]?.postMessage({ stored: results.filter((r) => r.status === 'fulfilled').length, of: own.length })),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => {
        // ignoreVary: module scripts carry an Origin header that the stored copy (Vary: Origin) was fetched without.
        const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
        if (cached) return cached;
        throw new TypeError(`offline and ${request.url} was not stored`);
      }),
  );
});
