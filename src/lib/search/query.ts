/**
 * Search logic without the DOM: what the dialog, /search/ and the landing
 * highlighter (src/components/search/) compute from a query, shared and unit-tested.
 */
import { distance } from 'fastest-levenshtein';

/** Query parameter that carries search terms to the article (Pagefind's highlightParam). */
export const HIGHLIGHT_PARAM = 'highlight';

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Punctuation that wraps a word in running text: brackets, quotes, dashes and sentence marks.
 * "%", "#" and "@" are left alone: they belong to "30.2%", "C#" and "@handle".
 */
const EDGE_PUNCTUATION =
  /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Pd}.,;:!?…"'¡¿·*]+|[\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Pd}.,;:!?…"'¡¿·*]+$/gu;

/** A word without the punctuation around it: "“fast" → "fast", "FastAPI?" → "FastAPI", "30.2%," → "30.2%". */
export function trimWord(word: string): string {
  return word.replace(EDGE_PUNCTUATION, '');
}

/**
 * Splits highlighted text into the punctuation before it, the word, and the punctuation after,
 * so a highlight covers "FastAPI" and not "FastAPI?" (Pagefind marks whole space-separated tokens).
 */
export function splitMarked(text: string): [before: string, word: string, after: string] {
  const word = trimWord(text);
  if (word === '') return [text, '', ''];
  const start = text.indexOf(word);
  return [text.slice(0, start), word, text.slice(start + word.length)];
}

/**
 * The landing highlighter's pattern for the search words, longest first.
 * Word starts only, so "ai" marks "AI" and "AI-driven", not "maintain"; a match runs on
 * to the end of its word, so "fast" marks all of "FastAPI" as the search did, and stops at
 * punctuation, so "pydantic" marks "Pydantic" in "Pydantic's".
 */
export function highlightPattern(terms: string[]): RegExp | undefined {
  const words = [...new Set(terms.map((t) => trimWord(t.trim())).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

// ------------------------------------------------------------------ honest search
//
// Pagefind (1.x) never answers "no match" while any indexed word is a prefix of a query word:
// it completes a word ("fast" → "fastapi"), and when nothing starts with the word it falls
// back to the longest indexed word the query starts with ("asdfghjk" → "as", "fastapu" →
// "fast"). Its results say which words matched only by position: each result's `locations`
// index into its `content` split on whitespace (Pagefind's documented result data). So a
// query word was found as typed when a matched word starts with it, or when Pagefind's own
// exact ("quoted") search finds it, which stems as the index does ("running" finds "run").
// The words are compared in the form Pagefind searches (see indexForm); stems are left to
// Pagefind's exact search, as this code has no stemmer. A suggestion for a mistyped word comes
// from the words Pagefind matched, which share the longest indexed prefix of what was typed:
// "fastapu" gets "FastAPI", but a typo in the first letters gets no suggestion, only the notice.

/** Punctuation Pagefind's search() drops from a query before it looks a word up. */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]/gu;

/** A word as Pagefind searches for it: lower case, no punctuation, no diacritics ("Pydantic’s" → "pydantics"). */
export function indexForm(word: string): string {
  return word.replace(QUERY_PUNCTUATION, '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

export interface QueryWord {
  /** As the reader typed it, without the punctuation around it. */
  text: string;
  key: string;
}

/** The words of a query, once each, in order. */
export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const typed of query.split(/\s+/)) {
    const key = indexForm(typed);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    words.push({ text: trimWord(typed) || typed, key });
  }
  return words;
}

/** The words a result matched, read from its content at its locations. */
export function matchedWords(content: string, locations: number[]): QueryWord[] {
  const tokens = content.split(/[\r\n\s]+/g);
  const words: QueryWord[] = [];
  for (const location of locations) {
    const token = tokens[location];
    if (token === undefined) continue;
    const key = indexForm(token);
    if (key !== '') words.push({ text: trimWord(token), key });
  }
  return words;
}

/** Whether some matched word is the query word or completes it ("fast" in "FastAPI"). */
export function foundAsTyped(word: QueryWord, matched: QueryWord[]): boolean {
  return matched.some((m) => m.key.startsWith(word.key));
}

/** Typos a suggestion may differ by: none for short words, then one, two from six letters on. */
function allowedEdits(length: number): number {
  return length < 3 ? 0 : length < 6 ? 1 : 2;
}

/**
 * The matched word a mistyped query word most likely meant ("fastapu" → "FastAPI"), written
 * as the articles write it most often; undefined when none is within a couple of typos, as
 * when Pagefind shortened "asdfghjk" to "as".
 */
export function closestWord(word: QueryWord, matched: QueryWord[]): string | undefined {
  const limit = allowedEdits(word.key.length);
  const byKey = new Map<string, Map<string, number>>();
  for (const m of matched) {
    const spellings = byKey.get(m.key) ?? new Map<string, number>();
    spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
    byKey.set(m.key, spellings);
  }
  let best: { key: string; edits: number; count: number } | undefined;
  for (const [key, spellings] of byKey) {
    const edits = distance(word.key, key);
    if (edits === 0 || edits > limit) continue;
    const count = [...spellings.values()].reduce((a, b) => a + b, 0);
    if (!best || edits < best.edits || (edits === best.edits && count > best.count)) best = { key, edits, count };
  }
  if (!best) return undefined;
  const spellings = [...byKey.get(best.key)!].sort((a, b) => b[1] - a[1]);
  return spellings[0]![0];
}

/** What the results on screen answer. */
export interface SearchReading {
  /** Query words no indexed word matches as typed, as typed. */
  missing: string[];
  /** The words searched for the results shown: the query, or the query with mistyped words
   *  replaced by their closest match and hopeless ones left out. Empty: nothing shown. */
  shown: string[];
}

/** The query to search instead when some words were not found as typed. */
export function correctedQuery(words: QueryWord[], missingKeys: Set<string>, matched: QueryWord[]): SearchReading {
  const missing: string[] = [];
  const shown = new Map<string, string>();
  for (const word of words) {
    if (!missingKeys.has(word.key)) {
      shown.set(word.key, word.text);
      continue;
    }
    missing.push(word.text);
    const closest = closestWord(word, matched);
    // "FastAPI fastapu" searches "FastAPI" once.
    if (closest && !shown.has(indexForm(closest))) shown.set(indexForm(closest), closest);
  }
  return { missing, shown: [...shown.values()] };
}

const quoted = (words: string[]) => words.map((w) => `“${w}”`).join(' or ');

/** "No exact matches for …" and what is shown instead; undefined when every word was found. */
function correctionStatus(total: number, reading: SearchReading | undefined, scope: string): string | undefined {
  if (!reading || reading.missing.length === 0) return undefined;
  const none = `No exact matches for ${quoted(reading.missing)}.`;
  if (reading.shown.length === 0 || total === 0) return `${none} Check the spelling or try other words.`;
  return `${none} Showing ${plural(total, 'result', 'results')} for “${reading.shown.join(' ')}”${scope}.`;
}

/** The dialog's status line. */
export function dialogStatus(total: number, term: string, reading?: SearchReading): string {
  const corrected = correctionStatus(total, reading, '');
  if (corrected) return corrected;
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
export function pageStatus(
  total: number,
  term: string,
  scopeNames: (string | undefined)[],
  reading?: SearchReading,
): string {
  const scope = scopeNames.filter(Boolean).join(', ');
  const forTerm = term ? ` for “${term}”` : '';
  const inScope = scope ? ` in ${scope}` : '';
  const corrected = correctionStatus(total, reading, inScope);
  if (corrected) return corrected;
  if (total === 0) return `No results${forTerm}${inScope}. Try fewer words or another filter.`;
  return `${plural(total, term ? 'result' : 'article', term ? 'results' : 'articles')}${forTerm}${inScope}`;
}
