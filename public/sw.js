// Kinerja's service worker: the app works offline after the first visit.
// The build (.ci/postbuild.mjs) fills in VERSION and ASSETS. Each version precaches all of its files
// in its own cache before it takes over, and it only takes over when the page asks (after the user
// chose to reload), so a visitor never runs half an old and half a new version.
const VERSION = '__KINERJA_VERSION__';
const ASSETS = __KINERJA_ASSETS__;
const APP_CACHE = `kinerja-app-${VERSION}`;
const DATA_CACHE = 'kinerja-data';

const isData = (url) => url.pathname.includes('/data/') && url.pathname.endsWith('.json');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const app = await caches.open(APP_CACHE);
    await app.addAll(ASSETS.filter((a) => !a.startsWith('data/')));
    const data = await caches.open(DATA_CACHE);
    await data.addAll(ASSETS.filter((a) => a.startsWith('data/')));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('kinerja-app-') && key !== APP_CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (isData(url)) {
    // Published data: the newest when online, the last copy when not.
    event.respondWith((async () => {
      const cache = await caches.open(DATA_CACHE);
      try {
        const response = await fetch(request, { cache: 'no-cache' });
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (e) {
        const cached = await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        throw e;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(APP_CACHE);
    const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
    const cached = (await cache.match(key, { ignoreSearch: true })) || (await cache.match(request, { ignoreSearch: true }));
    return cached || fetch(request);
  })());
});
