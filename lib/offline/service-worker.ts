/// <reference lib="webworker" />
// The service worker (decision 025), bundled by @serwist/turbopack (app/serwist/[path]/route.ts).
// Network first for every page and API answer a person views: the cache is only read when the
// network fails, and a cached page then says it is offline and how old its statuses are.
import { ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from "serwist";
import { withOfflineBanner } from "./banner";
import { isKeepablePath, isKeepableResponse } from "./cache-rules";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const keepOnlyShareable: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (isKeepableResponse(response) ? response : null),
};

const markOffline: SerwistPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse || !(cachedResponse.headers.get("content-type") ?? "").includes("text/html")) return cachedResponse;
    const fetchedAt = new Date(cachedResponse.headers.get("date") ?? Date.now());
    const html = withOfflineBanner(await cachedResponse.text(), fetchedAt, new Date());
    const headers = new Headers(cachedResponse.headers);
    headers.delete("content-length");
    return new Response(html, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && isKeepablePath(url.pathname),
      handler: new NetworkFirst({
        cacheName: "chancery-viewed",
        plugins: [keepOnlyShareable, markOffline, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
  ],
});

serwist.addEventListeners();
