/**
 * Browser side of search, shared by the dialog and /search/. It loads Pagefind's
 * JS API from the site itself (`<base>pagefind/pagefind.js`, written by
 * scripts/build.mjs) only when first asked, and renders results with
 * DOM APIs: no inline styles or handlers, so it runs under the strict CSP.
 *
 * Why not Pagefind's Component UI (1.5+, <pagefind-modal> etc.): it does run under
 * this CSP (checked in Chromium: modal and page search, no violation), but it costs
 * 40.3 KB gzip of JS and 7.0 KB of CSS (Pagefind 1.6), against 1.7 KB for the
 * dialog here, 1.8 KB for /search/ and 0.8 KB for landing highlights. Loaded up
 * front it breaks every page's 1.5 KB JS-before-interaction budget; loaded on first
 * search it takes the first "DePIN" search from 98 KB to ~145 KB (budget 100 KB).
 */
import { formatDate } from '../../lib/posts/format';
import { HIGHLIGHT_PARAM, type PagefindSearchOptions } from '../../lib/search/query';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
type SearchOptions = Partial<PagefindSearchOptions>;
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindResponse | null>;
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

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    if (import.meta.env.DEV) {
      const status = await devStatus();
      if (!status?.available) throw new SearchUnavailableError(NO_DEV_INDEX);
    }
    const pagefind = (await import(/* @vite-ignore */ `${BUNDLE_URL}pagefind.js`)) as PagefindApi;
    await pagefind.options({
      baseUrl: BASE,
      excerptLength: 22,
      excerptEllipsis: '…',
      highlightParam: HIGHLIGHT_PARAM,
      // Search runs on the main thread: the worker would cost a second copy of
      // Pagefind's JS, and one small index searches in a few milliseconds.
      noWorker: true,
    });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export interface Hits {
  total: number;
  results: PagefindResult[];
}

export async function search(term: string, options: SearchOptions = {}): Promise<Hits> {
  const pagefind = await loadPagefind();
  const response = await pagefind.search(term.trim() === '' ? null : term, options);
  const results = response?.results ?? [];
  return { total: results.length, results };
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
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      parent.append(mark);
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

/** One result as a link: title, category · date, excerpt with the matched terms marked. */
export function resultLink(data: ResultData): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'search-result';
  link.href = data.url;
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
export function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.append(resultLink(data));
  return item;
}
