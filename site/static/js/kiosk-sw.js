/* Service worker of the border-gate kiosks (cms.displays), served at /displays/sw.js.
 * Network first, so a kiosk shows fresh content while the link is up; when a request
 * fails or hangs, the last copy kept in the cache answers, marked "X-Kiosk-Cache: hit". */
"use strict";

const CACHE = "kiosk-v1";
const TIMEOUT_MS = 8000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    const timer = setTimeout(function () {
      reject(new Error("timeout"));
    }, TIMEOUT_MS);
    promise.then(
      function (value) {
        clearTimeout(timer);
        resolve(value);
      },
      function (error) {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (!hit) {
    return Response.error();
  }
  const headers = new Headers(hit.headers);
  headers.set("X-Kiosk-Cache", "hit");
  return new Response(await hit.blob(), {
    status: hit.status,
    statusText: hit.statusText,
    headers: headers,
  });
}

async function networkFirst(request) {
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    return fromCache(request);
  }
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(networkFirst(request));
});
