/**
 * The search index in shards: when one Pagefind index would hold more articles
 * than SEARCH_SHARD_MAX_ARTICLES, the build indexes runs of articles one after
 * another, each into its own bundle, and the browser merges them with Pagefind's
 * `mergeIndex`. The indexer holds every page it indexes in memory (~460 MB per
 * 1,000 articles, docs/benchmarks.md), so a shard's size bounds the build's peak.
 *
 * Shards are runs of the site's own order, newest first: the first bundle is
 * Pagefind's folder itself, the others sit inside it (`shard-2/`, `shard-3/`, …).
 * So a date order across shards is the shards' order (src/components/search/pagefind-client.ts).
 *
 * Pure and browser-safe: the build, the dev server, the offline worker and the
 * search client all read it. Plain erasable TypeScript for scripts/build.mjs.
 */

/** Written by the build into Pagefind's folder: which bundles make up the index. */
export const SHARD_MANIFEST = 'shards.json';

/**
 * Written by `astro build` into Pagefind's folder (src/pages/pagefind/articles.json.ts):
 * the published articles' ids, newest first. The index step reads it, then replaces the folder.
 */
export const ARTICLE_LIST = 'articles.json';

/** What SHARD_MANIFEST holds. */
export interface ShardManifest {
  /**
   * Folders relative to Pagefind's, newest articles first; '' is Pagefind's folder itself. None
   * when no article is published: Pagefind cannot write an empty index, and every search finds nothing.
   */
  bundles: string[];
}

/** What ARTICLE_LIST holds. */
export interface ArticleList {
  /** Article ids, newest first, in the order the site lists them. */
  ids: string[];
}

/** A shard folder inside Pagefind's, as a pattern: `shard-2/`, … (the first shard is Pagefind's folder itself). */
export const SHARD_FOLDER_PATTERN = 'shard-[1-9]\\d*/';
/** The same, as a file glob (the offline worker's precache list). */
export const SHARD_FOLDER_GLOB = 'shard-*/';
const SHARD_FOLDER = new RegExp(`^${SHARD_FOLDER_PATTERN}$`);

/** Whether `name`, an entry of Pagefind's folder, is the folder of another shard (`shard-2`, …). */
export function isShardFolderName(name: string): boolean {
  return SHARD_FOLDER.test(`${name}/`);
}

/** The bundle folder of the shard at `index` (0 is the newest). */
export function shardFolder(index: number): string {
  return index === 0 ? '' : `shard-${index + 1}/`;
}

/**
 * Runs of `items` (newest first) of `max` each, counted from the oldest, so the newest run holds what
 * is left over; one run when they fit, none when there are no items. A new article then changes the newest run alone, and every older
 * run keeps its articles, so an incremental build indexes only the runs whose pages changed (shard-cache.ts).
 */
export function splitIntoShards<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a shard holds at least 1 article, got ${max}`);
  const shards: T[][] = [];
  for (let end = items.length; end > 0; end -= max) shards.unshift(items.slice(Math.max(0, end - max), end));
  return shards;
}

/** The manifest for `count` shards. */
export function shardManifest(count: number): ShardManifest {
  return { bundles: Array.from({ length: count }, (_, k) => shardFolder(k)) };
}

/**
 * What `mergeIndex` reads from a shard: its entry, metadata, word chunks, fragments and filters.
 * The engine, WASM and UI Pagefind also writes into each bundle are the first bundle's to serve.
 */
export function isMergedShardFile(name: string, isDirectory: boolean): boolean {
  return isDirectory
    ? ['index', 'fragment', 'filter'].includes(name)
    : name === 'pagefind-entry.json' || name.endsWith('.pf_meta');
}

/** Reads SHARD_MANIFEST; anything but a list of shard folders starting with Pagefind's own, or none, is refused. */
export function parseShardManifest(json: string): ShardManifest {
  const value: unknown = JSON.parse(json);
  const bundles = (value as { bundles?: unknown } | null)?.bundles;
  if (
    !Array.isArray(bundles) ||
    (bundles.length > 0 && bundles[0] !== '') ||
    !bundles.slice(1).every((b): b is string => typeof b === 'string' && SHARD_FOLDER.test(b))
  )
    throw new Error(`${SHARD_MANIFEST} is not a list of search index shards: ${json.slice(0, 200)}`);
  return { bundles: bundles as string[] };
}

/**
 * The synthetic filter (Pagefind's `mergeFilter`) the search client gives each shard's pages,
 * so that one search can ask one shard; the site's own filters are category, author and tags.
 */
export const SHARD_FILTER = 'shard';

export function shardFilterValue(index: number): string {
  return String(index + 1);
}

/**
 * One list of results per shard, newest shard first, as the reader asked for them: by date, the
 * shards' own order (oldest first: the last shard first); by relevance, by score, as Pagefind
 * orders a merged index (`b.score - a.score`, a stable sort, so ties keep the shards' order).
 */
export function combineShardResults<T extends { score: number }>(lists: T[][], dateOrder?: 'asc' | 'desc'): T[] {
  if (dateOrder) return (dateOrder === 'asc' ? [...lists].reverse() : lists).flat();
  return lists.flat().sort((a, b) => b.score - a.score);
}

/**
 * Empties the lists of shards where some query word finds nothing though it finds something in
 * another shard: no page there can hold every word. `found[w][k]`: word w finds pages in shard k.
 */
export function withoutShardsMissingWords<T>(lists: T[][], found: boolean[][]): T[][] {
  return lists.map((list, k) => (found.some((shards) => shards.some(Boolean) && !shards[k]) ? [] : list));
}
