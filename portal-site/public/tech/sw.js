/* global self, caches */
// The technician app's service worker: keeps the app's icons and styles for a flaky network,
// and answers a page that cannot be loaded with a short offline page. Pages and positions are
// never cached: they hold the technician's session data.
const CACHE = 'enroute-tech-v1';
const KEPT = ['/tech/icon.svg', '/tech/icon-192.png', '/tech/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(KEPT)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

const OFFLINE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title></head>
<body style="font-family:system-ui,sans-serif;padding:1rem;color:#16202a">
<h1>No connection</h1><p>This phone is offline. Try again when it is back online.</p></body></html>`;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(
        () =>
          new Response(OFFLINE_PAGE, {
            status: 503,
            headers: { 'content-type': 'text/html; charset=utf-8' },
          }),
      ),
    );
    return;
  }
  if (KEPT.includes(url.pathname) || url.pathname.startsWith('/_astro/')) {
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
