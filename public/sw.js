// Kinerja's service worker: the app works offline after the first visit.
// The build (.ci/postbuild.mjs) fills in VERSION and ASSETS. Each version precaches all of its files
// in its own cache before it takes over, and it only takes over when the page asks (after the user
// chose to reload), so a visitor never runs half an old and half a new version.
//
// Precaching goes straight to the server, never through the browser's HTTP cache: a site that sends no
// Cache-Control lets the browser keep a month-old index.html "fresh" for days, and a worker that cached
// it would run the previous version (then a blank page once its files are gone). The install succeeds
// only if the index.html it cached is its own version; otherwise (the site is half uploaded, or a newer
// version is already there) it tries a few times, then fails, and the browser tries again at its next
// update check (the next visit): a worker never activates a mixed app.
const VERSION = '__KINERJA_VERSION__';
const ASSETS = __KINERJA_ASSETS__;
const APP_CACHE = `kinerja-app-${VERSION}`;
const DATA_CACHE = 'kinerja-data';

const isData = (url) => url.pathname.includes('/data/') && url.pathname.endsWith('.json');
// The public view's static pages (publik.html, publik-pk-<id>.html, …): written with the data, so kept like
// it, each when it is opened (a whole country's pages are never fetched ahead).
const isStaticPage = (url) => /\/publik[A-Za-z0-9._-]*\.html$/.test(url.pathname);

const ATTEMPTS = 3;
const fromServer = (asset) => new Request(asset, { cache: 'reload' });

async function precache() {
  const app = await caches.open(APP_CACHE);
  await app.addAll(ASSETS.filter((a) => !a.startsWith('data/')).map(fromServer));
  const page = await app.match('./');
  const html = page ? await page.text() : '';
  if (!html.includes(`<meta name="kinerja-version" content="${VERSION}">`)) {
    throw new Error(`the site's index.html is not version ${VERSION}`);
  }
  const data = await caches.open(DATA_CACHE);
  await data.addAll(ASSETS.filter((a) => a.startsWith('data/')).map(fromServer));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await precache();
        return;
      } catch (e) {
        // Nothing of a failed attempt is kept (this cache is this version's alone).
        await caches.delete(APP_CACHE);
        if (attempt >= ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
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
  // The rescue message (rescue.js) asks the server itself whether the site answers.
  if (url.searchParams.has('kinerja-check')) return;
  if (isData(url) || isStaticPage(url)) {
    // Published data and its pages: the newest when online, the last copy when not. A page never opened
    // online is the app offline (it shows the same page from the data it keeps).
    event.respondWith((async () => {
      const cache = await caches.open(DATA_CACHE);
      try {
        const response = await fetch(request, { cache: 'no-cache' });
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (e) {
        const cached = await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        const app = isStaticPage(url) && (await (await caches.open(APP_CACHE)).match(new URL('./', self.registration.scope).href));
        if (app) return app;
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
