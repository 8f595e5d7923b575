/**
 * Browser side of search, shared by the dialog and /search/. It loads Pagefind's
 * JS API from the site itself (`<base>pagefind/pagefind.js`, written by
 * scripts/build.mjs) only when first asked, and renders results with
 * DOM APIs: no inline styles or handlers, so it runs under the strict CSP.
 *
 * Why not Pagefind's Component UI (1.5+, <pagefind-modal> etc.): it does run under
 * this CSP (checked in Chromium: modal and page search, no violation), but it costs
 * 40.3 KB gzip of JS and 7.0 KB of CSS (Pagefind 1.6), against 3.2 KB for the
 * dialog here, 3.3 KB for /search/ (each with the honest-search reading and its
 * edit distance, ~1.5 KB) and 0.9 KB for landing highlights. Loaded up
 * front it breaks every page's 1.5 KB JS-before-interaction budget; loaded on first
 * search it takes the first "DePIN" search from 98 KB to ~145 KB (budget 100 KB).
 */
import { formatDate } from '../../lib/posts/format';
import {
  HIGHLIGHT_PARAM,
  correctedQuery,
  foundAsTyped,
  matchedWords,
  queryWords,
  splitMarked,
  type PagefindSearchOptions,
  type QueryWord,
  type SearchReading,
} from '../../lib/search/query';
import {
  SHARD_FILTER,
  SHARD_MANIFEST,
  combineShardResults,
  parseShardManifest,
  shardFilterValue,
  withoutShardsMissingWords,
  type ShardManifest,
} from '../../lib/search/shards';

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's text; `locations` index its whitespace-separated words (Pagefind's result data). */
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
type SearchOptions = Partial<PagefindSearchOptions>;
interface PagefindApi {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindResponse | null>;
}
/** pagefind.js, Pagefind's JS API: each instance searches one bundle and those merged into it. */
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
export const BUNDLE_URL = `${BASE}pagefind/`;
export const SEARCH_PAGE = `${BASE}search/`;

export class SearchUnavailableError extends Error {}

export interface DevStatus {
  available: boolean;
  builtAt?: string;
  pageCount?: number;
}

/** In `astro dev` only: the dev server says whether a last build left an index. */
export async function devStatus(): Promise<DevStatus | undefined> {
  if (!import.meta.env.DEV) return undefined;
  try {
    const response = await fetch(`${BUNDLE_URL}dev-status.json`, { cache: 'no-store' });
    return response.ok ? ((await response.json()) as DevStatus) : { available: false };
  } catch {
    return { available: false };
  }
}

export const NO_DEV_INDEX = 'No search index yet: run npm run build once to enable search in dev.';

/** What every bundle's results are shaped with, the first bundle's and those merged into it alike. */
const RESULT_OPTIONS = {
  baseUrl: BASE,
  excerptLength: 22,
  excerptEllipsis: '…',
  // No highlightParam: Pagefind would write the words as it searches them ("302" for
  // "30.2%"), which the article's text does not contain. resultLink writes the reader's.
};

interface Searcher {
  /** None when no article is published: the build writes no index then, and every search finds nothing. */
  pagefind?: PagefindApi;
  shards: number;
}

let loading: Promise<Searcher> | undefined;

let manifest: Promise<ShardManifest> | undefined;
function loadManifest(): Promise<ShardManifest> {
  manifest ??= fetch(`${BUNDLE_URL}${SHARD_MANIFEST}`).then(async (response) => {
    if (!response.ok) throw new Error(`${SHARD_MANIFEST}: ${response.status}`);
    return parseShardManifest(await response.text());
  });
  manifest.catch(() => (manifest = undefined));
  return manifest;
}

/**
 * Pagefind with the index's first bundle and every other shard merged into it, all on one copy of
 * the engine and its WASM. Each shard's pages carry a synthetic filter naming their shard
 * (`mergeFilter`), so that one search can ask one shard (searchShards).
 */
export function loadPagefind(): Promise<Searcher> {
  loading ??= (async () => {
    if (import.meta.env.DEV) {
      const status = await devStatus();
      if (!status?.available) throw new SearchUnavailableError(NO_DEV_INDEX);
    }
    // Both at once, as the first search waits on them; the manifest decides whether the engine is needed.
    const [engine, listed] = await Promise.allSettled([
      import(/* @vite-ignore */ `${BUNDLE_URL}pagefind.js`) as Promise<PagefindModule>,
      loadManifest(),
    ]);
    if (listed.status === 'rejected') throw listed.reason;
    const { bundles } = listed.value;
    if (bundles.length === 0) return { shards: 0 };
    if (engine.status === 'rejected') throw engine.reason;
    const module = engine.value;
    const tag = (k: number) => (bundles.length > 1 ? { mergeFilter: { [SHARD_FILTER]: shardFilterValue(k) } } : {});
    const pagefind = module.createInstance({
      basePath: BUNDLE_URL,
      ...RESULT_OPTIONS,
      ...tag(0),
      // Search runs on the main thread: the worker would cost a second copy of
      // Pagefind's JS, and an index of a few thousand articles searches in milliseconds.
      noWorker: true,
    });
    await pagefind.init();
    for (const [k, bundle] of bundles.entries())
      if (k > 0) await pagefind.mergeIndex(`${BUNDLE_URL}${bundle}`, { ...RESULT_OPTIONS, ...tag(k) });
    return { pagefind, shards: bundles.length };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * One result list per shard, newest shard first. Pagefind 1.6 merges every shard's results into one
 * list ordered by score alone, and a date-sorted search scores by rank within each shard: merged,
 * "newest first" interleaves the shards. Asked one shard at a time, each list keeps its order.
 */
async function searchShards(
  { pagefind, shards }: Searcher,
  term: string | null,
  options: SearchOptions,
): Promise<PagefindResult[][]> {
  const lists: PagefindResult[][] = [];
  if (!pagefind) return lists;
  for (let k = 0; k < shards; k++) {
    const filters = shards > 1 ? { ...options.filters, [SHARD_FILTER]: shardFilterValue(k) } : options.filters;
    lists.push((await pagefind.search(term, { ...options, ...(filters && { filters }) }))?.results ?? []);
  }
  return lists;
}

/**
 * Runs one search over every shard. Each shard has its own vocabulary, and Pagefind leaves a query
 * word out where no page of the shard holds it: "fastapi narratives" would find FastAPI posts in a
 * shard without "narratives", where one index finds no page with both. So with two words or more,
 * a shard counts only when each word alone finds something there, or nowhere at all (a typo, which
 * search() corrects as on one index).
 */
async function runSearch(searcher: Searcher, term: string | null, options: SearchOptions): Promise<PagefindResult[]> {
  let lists = await searchShards(searcher, term, options);
  const words = term === null ? [] : queryWords(term);
  if (searcher.shards > 1 && words.length > 1) {
    const found = [];
    for (const word of words) found.push((await searchShards(searcher, word.key, {})).map((r) => r.length > 0));
    lists = withoutShardsMissingWords(lists, found);
  }
  return combineShardResults(lists, options.sort?.date);
}

export interface Hits {
  total: number;
  results: PagefindResult[];
  /** What the results answer: the query as typed, or a corrected query when words were not found. */
  reading: SearchReading;
}

/** Results whose matched words are read to tell a completed word from a fallback. */
const SAMPLE = 5;

/**
 * Searches for `term` and says what the results answer. When a query word matches no indexed
 * word as typed (Pagefind then quietly searches a shortened form, see src/lib/search/query.ts),
 * it searches again with the mistyped word replaced by the closest matched word, or left out.
 */
export async function search(term: string, options: SearchOptions = {}): Promise<Hits> {
  const searcher = await loadPagefind();
  const run = (query: string | null) => runSearch(searcher, query, options);
  const words = queryWords(term);
  const results = await run(term.trim() === '' ? null : term);
  const asTyped: SearchReading = { missing: [], shown: words.map((w) => w.text) };
  if (words.length === 0 || results.length === 0) return { total: results.length, results, reading: asTyped };

  const matched: QueryWord[] = [];
  let unexplained = words;
  for (const result of results.slice(0, SAMPLE)) {
    const data = await result.data();
    matched.push(...matchedWords(data.content, data.locations));
    unexplained = unexplained.filter((word) => !foundAsTyped(word, matched));
    if (unexplained.length === 0) return { total: results.length, results, reading: asTyped };
  }
  // Matched only in metadata (a title, a date): no words to judge by, so no claim either way.
  if (matched.length === 0) return { total: results.length, results, reading: asTyped };
  // Pagefind's exact search stems as its index does: "running" is found through "run".
  const exact = await Promise.all(
    unexplained.map(async (word) => (await runSearch(searcher, `"${word.key}"`, {})).length > 0),
  );
  const missing = new Set(unexplained.filter((_, i) => !exact[i]).map((w) => w.key));
  if (missing.size === 0) return { total: results.length, results, reading: asTyped };

  const reading = correctedQuery(words, missing, matched);
  const corrected = reading.shown.length === 0 ? [] : await run(reading.shown.join(' '));
  return { total: corrected.length, results: corrected, reading };
}

/**
 * Pagefind's excerpt is escaped text with <mark> around matches. Rebuild it from
 * text nodes and fresh <mark> elements so nothing else from the string survives.
 */
export function appendExcerpt(parent: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node instanceof Element && node.localName === 'mark') {
      // Pagefind marks whole space-separated tokens; the mark covers the word, not "?" or "“".
      const [before, word, after] = splitMarked(node.textContent ?? '');
      const mark = document.createElement('mark');
      mark.textContent = word;
      parent.append(before, ...(word ? [mark] : []), after);
    } else {
      parent.append(node.textContent ?? '');
    }
  }
}

function span(className: string, text?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** One result as a link to the article with the searched words to highlight there. */
export function resultLink(data: ResultData, words: string[]): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'search-result';
  const url = new URL(data.url, location.href);
  for (const word of words) url.searchParams.append(HIGHLIGHT_PARAM, word);
  link.href = url.href;
  link.append(span('search-result__title', data.meta.title ?? data.url));
  // Two posts can share a title; the deck (article header, data-pagefind-meta) tells them apart.
  if (data.meta.deck) link.append(span('search-result__deck', data.meta.deck));
  const facts: string[] = [];
  if (data.meta.category) facts.push(data.meta.category);
  if (data.meta.date) {
    const date = new Date(data.meta.date);
    if (!Number.isNaN(date.getTime())) facts.push(formatDate(date));
  }
  if (facts.length > 0) link.append(span('search-result__meta', facts.join(' · ')));
  const excerpt = span('search-result__excerpt');
  appendExcerpt(excerpt, data.excerpt);
  link.append(excerpt);
  return link;
}

/** A result as a list item, for the dialog's and the page's result lists. */
export function resultItem(data: ResultData, words: string[]): HTMLLIElement {
  const item = document.createElement('li');
  item.append(resultLink(data, words));
  return item;
}
