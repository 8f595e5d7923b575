/**
 * Search logic without the DOM: what the dialog, /search/ and the landing
 * highlighter (src/components/search/) compute from a query, shared and unit-tested.
 */

/** Query parameter that carries search terms to the article (Pagefind's highlightParam). */
export const HIGHLIGHT_PARAM = 'highlight';

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The landing highlighter's pattern for the search words, longest first.
 * Word starts only, so "ai" marks "AI" and "AI-driven", not "maintain". Stems
 * ("pydantic" in "Pydantic's") still match because the rest of the word is free.
 */
export function highlightPattern(terms: string[]): RegExp | undefined {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
}

/** The dialog's status line. */
export function dialogStatus(total: number, term: string): string {
  return total === 0 ? `No results for “${term}”` : `${plural(total, 'result', 'results')} for “${term}”`;
}

/** What /search/ holds; its URL is this state (?q=, ?category=, ?author=, ?sort=). */
export interface PageQuery {
  q: string;
  /** Ids, as in the URL; the index filters by display names. */
  category: string;
  author: string;
  sort: '' | 'newest' | 'oldest';
}

const PAGE_PARAMS = ['q', 'category', 'author', 'sort'] as const;

/** The query string for a state (empty values left out), without the leading "?". */
export function pageQueryString(query: PageQuery): string {
  const params = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const value = query[key].trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

export interface PagefindSearchOptions {
  filters: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Pagefind options for the page's filters (by display name) and sort. */
export function pageSearchOptions(
  names: { category?: string | undefined; author?: string | undefined },
  sort: PageQuery['sort'],
): PagefindSearchOptions {
  const filters: Record<string, string> = {};
  if (names.category) filters.category = names.category;
  if (names.author) filters.author = names.author;
  const options: PagefindSearchOptions = { filters };
  if (sort === 'newest') options.sort = { date: 'desc' };
  if (sort === 'oldest') options.sort = { date: 'asc' };
  return options;
}

/** The page's status line: how many results, for what, in which filters. */
export function pageStatus(total: number, term: string, scopeNames: (string | undefined)[]): string {
  const scope = scopeNames.filter(Boolean).join(', ');
  const forTerm = term ? ` for “${term}”` : '';
  const inScope = scope ? ` in ${scope}` : '';
  if (total === 0) return `No results${forTerm}${inScope}. Try fewer words or another filter.`;
  return `${plural(total, term ? 'result' : 'article', term ? 'results' : 'articles')}${forTerm}${inScope}`;
}
