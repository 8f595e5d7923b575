/**
 * The offline service worker. scripts/build.mjs bundles this file with esbuild
 * and lets workbox-build's injectManifest write the precache list into
 * `self.__WB_MANIFEST`, as dist/sw.js (src/lib/offline/precache-plan.ts says
 * what goes in).
 *
 * Why no stale article after a deploy: pages are network-first. While online a
 * reader always gets the page the server has now, whichever worker answers;
 * the caches only answer when the network does not. The precache is
 * revision-aware (a changed page or index file has a new revision), and a new
 * worker takes over at once (skipWaiting + clientsClaim), so the copies it
 * serves offline are the new deploy's.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { addPlugins, addRoute, cleanupOutdatedCaches, matchPrecache, precache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { PrecacheEntry } from 'workbox-precaching';
import type { WorkboxPlugin } from 'workbox-core/types';
import { CACHE_PREFIX, OFFLINE_PAGE, requestKind, runtimeCacheNames } from '../lib/offline/names';

interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: () => void): void;
}
const worker = self as unknown as WorkerScope;
const scope = worker.registration.scope;
const cacheNames = runtimeCacheNames(scope);

setCacheNameDetails({ prefix: CACHE_PREFIX });
worker.addEventListener('install', () => void worker.skipWaiting());
clientsClaim();

/** A page's cache key has no query: `?highlight=` landings and plain visits are one saved page. */
const withoutQuery: WorkboxPlugin = {
  cacheKeyWillBeUsed: ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    return Promise.resolve(url.href);
  },
};

const precached = (address: string) => {
  const url = new URL(address);
  url.search = '';
  return matchPrecache(url.href);
};

/**
 * When the network fails, this deploy's precached copy comes first (revision-aware,
 * so never older than a copy saved on an earlier visit), then the saved copy;
 * for a page the reader never opened, /offline/ with the list of saved ones.
 */
function offlineFallback(fallbackToOfflinePage: boolean): WorkboxPlugin {
  return {
    cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
      (await precached(request.url)) ?? cachedResponse ?? null,
    handlerDidError: async () =>
      fallbackToOfflinePage ? await matchPrecache(new URL(OFFLINE_PAGE, scope).href) : undefined,
  };
}

// Registered before the precache's own route, so that pages and the index's
// entry file are network-first even when precached.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({ cacheName: cacheNames.pages, plugins: [withoutQuery, offlineFallback(true)] }),
);
// By path: Pagefind asks for its entry file with a fresh `?ts=` each time.
const kindOf = (url: URL) => {
  const address = url.origin + url.pathname;
  return address.startsWith(scope) ? requestKind(address.slice(scope.length)) : 'other';
};
registerRoute(
  ({ url }) => kindOf(url) === 'search-entry',
  new NetworkFirst({ cacheName: cacheNames.search, plugins: [withoutQuery, offlineFallback(false)] }),
);
registerRoute(({ url }) => kindOf(url) === 'feed', new NetworkFirst({ cacheName: cacheNames.feeds }));

/**
 * Workbox installs an entry that has a revision with a 'reload' fetch, which skips the HTTP cache, and
 * the worker registers at the reader's first key press, often Ctrl+K: the Pagefind engine, WASM and
 * metadata the page has just fetched for that first search would cross the network a second time.
 * 'no-cache' has the browser revalidate what its HTTP cache holds: a 304 when the file is the one the
 * page has, the new file when a deploy changed it, so the precache is no staler than with 'reload'.
 */
const revalidateInsteadOfReload: WorkboxPlugin = {
  requestWillFetch: ({ request }) =>
    Promise.resolve(request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request),
};
addPlugins([revalidateInsteadOfReload]);
// Spelled out as `self.__WB_MANIFEST`, the text injectManifest replaces with the list.
precache((self as unknown as { __WB_MANIFEST: (PrecacheEntry | string)[] }).__WB_MANIFEST);
cleanupOutdatedCaches();
addRoute();

// Hashed names never change content, so what a search fetched once serves every later search offline,
// and a page's own code (the chart island) loaded once serves that page offline.
registerRoute(({ url }) => kindOf(url) === 'search-chunk', new CacheFirst({ cacheName: cacheNames.search }));
registerRoute(({ url }) => kindOf(url) === 'asset', new CacheFirst({ cacheName: cacheNames.assets }));
// An article's images, as the browser picked them from its srcset; bounded, as a reader may open many articles.
registerRoute(
  ({ url }) => kindOf(url) === 'media',
  new CacheFirst({
    cacheName: cacheNames.media,
    // Workbox's ExpirationPlugin declares its callbacks optional, which its own WorkboxPlugin type
    // rejects under exactOptionalPropertyTypes; the object is what the strategy expects.
    plugins: [new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }) as WorkboxPlugin],
  }),
);
