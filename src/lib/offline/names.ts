/**
 * Offline support's names and rules that the browser side needs too: the
 * worker (src/offline/service-worker.ts), the /offline/ page and the search
 * UI's note read them, and so does the build step (./precache-plan.ts).
 * Nothing here touches Node, so it bundles for the browser.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { SHARD_FOLDER_PATTERN, SHARD_MANIFEST } from '../search/shards.ts';

/** The page an offline navigation to an unsaved page gets. */
export const OFFLINE_PAGE = 'offline/';
/** What the build decided to precache, read by the search UI when the reader is offline. */
export const COVERAGE_FILE = `${OFFLINE_PAGE}coverage.json`;

/**
 * `all`: every article and the whole search index are precached, so offline
 * search covers every post and opens any result. `visited`: only what the
 * reader opened or searched for is kept.
 */
export type Coverage = 'all' | 'visited';

export interface OfflineSettings {
  enabled: boolean;
  /** Most bytes the worker may precache; past it, it keeps visited articles only. */
  budgetBytes: number;
}

export function offlineSettings(env: { SERVICE_WORKER: boolean; OFFLINE_BUDGET_KB: number }): OfflineSettings {
  return { enabled: env.SERVICE_WORKER, budgetBytes: env.OFFLINE_BUDGET_KB * 1024 };
}

/** Cache names carry the worker's scope: project sites on one origin (GitHub Pages) share one Cache API. */
export const CACHE_PREFIX = 'site-offline';
export function runtimeCacheNames(scope: string): Record<'pages' | 'search' | 'assets' | 'media' | 'feeds', string> {
  const name = (kind: string) => `${CACHE_PREFIX}-${kind}-${scope}`;
  return {
    pages: name('pages'),
    search: name('search'),
    assets: name('assets'),
    media: name('media'),
    feeds: name('feeds'),
  };
}
/** Every cache this site's worker owns (Workbox's precache included, which it names with the same prefix and scope). */
export function isOwnCache(name: string, scope: string): boolean {
  return name.startsWith(`${CACHE_PREFIX}-`) && name.endsWith(`-${scope}`);
}

/**
 * Pagefind's folder in the site (BUNDLE_DIR in src/lib/search/pagefind-index.ts,
 * which reads the disk and so cannot be bundled for the browser; a test keeps the two equal).
 */
export const SEARCH_BUNDLE_DIR = 'pagefind';

const IN_SHARD = new RegExp(`^${SHARD_FOLDER_PATTERN}`);

/** Requests the worker treats apart from pages; `path` is relative to the scope. */
export type RequestKind = 'search-entry' | 'search-chunk' | 'feed' | 'asset' | 'media' | 'other';
export function requestKind(path: string): RequestKind {
  if (path.startsWith(`${SEARCH_BUNDLE_DIR}/`)) {
    // Inside Pagefind's folder: its own files, or a shard's (src/lib/search/shards.ts).
    const inBundle = path.slice(SEARCH_BUNDLE_DIR.length + 1).replace(IN_SHARD, '');
    if (inBundle === 'pagefind-entry.json' || path === `${SEARCH_BUNDLE_DIR}/${SHARD_MANIFEST}`) return 'search-entry';
    if (/^(?:index|fragment|filter)\/[^/]+$/.test(inBundle)) return 'search-chunk';
  }
  if (/(?:^|\/)(?:rss\.xml|feed\.json)$/.test(path)) return 'feed';
  if (/^_astro\/[^/]+\.(?:js|css)$/.test(path)) return 'asset';
  if (/^_astro\/[^/]+\.(?:avif|webp|png|jpe?g|gif|svg)$/.test(path)) return 'media';
  return 'other';
}

/** An article's path relative to the scope ('posts/<id>/', ids always hold a letter), or undefined. */
export function articlePath(path: string): string | undefined {
  return /^posts\/[^/]*[a-z][^/]*\/$/.test(path) ? path : undefined;
}

/**
 * The saved articles among cached request URLs, as paths relative to `scope`,
 * once each, sorted. Precache keys carry a `__WB_REVISION__` query; page keys none.
 */
export function savedArticlePaths(urls: readonly string[], scope: string): string[] {
  const paths = new Set<string>();
  for (const raw of urls) {
    const url = URL.parse(raw);
    const address = url && url.origin + url.pathname;
    if (!address?.startsWith(scope)) continue;
    const path = articlePath(address.slice(scope.length));
    if (path) paths.add(path);
  }
  return [...paths].sort();
}

/** What the search UI says to an offline reader when only visited articles are kept. */
export const OFFLINE_SEARCH_NOTE = 'You are offline: results are limited to saved articles.';
