/**
 * What the build precaches into the service worker (scripts/build.mjs, with
 * workbox-build's injectManifest): the shell always, every article and the
 * whole search index when they fit the budget.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { ARTICLE_GLOB, BUNDLE_DIR, WASM_FILE } from '../search/pagefind-index.ts';
import { SHARD_FOLDER_GLOB, SHARD_FOLDER_PATTERN, SHARD_MANIFEST } from '../search/shards.ts';
import { COVERAGE_FILE, OFFLINE_PAGE, type Coverage } from './names.ts';

/** Pagefind's folder and every shard folder in it, for a glob: one pattern matches a site with or without shards. */
const BUNDLES = `${BUNDLE_DIR}/{,${SHARD_FOLDER_GLOB}}`;

/**
 * The shell every reader gets, whatever the budget: styles and scripts (the
 * search dialog among them; the theme code is inline in every page), Pagefind's
 * engine, WASM and metadata (every shard's: src/lib/search/shards.ts), and the
 * pages that must open offline. Not Pagefind's
 * pagefind-highlight.js: result pages mark the query with the site's own
 * highlight.ts, so no page ever loads it.
 */
export const SHELL_GLOBS = [
  '_astro/*.{css,js}',
  `${BUNDLE_DIR}/pagefind.js`,
  `${BUNDLE_DIR}/${WASM_FILE}`,
  `${BUNDLE_DIR}/${SHARD_MANIFEST}`,
  `${BUNDLES}pagefind-entry.json`,
  `${BUNDLES}*.pf_meta`,
  'index.html',
  `${OFFLINE_PAGE}index.html`,
  'search/index.html',
  'favicon.svg',
  COVERAGE_FILE,
];
/** The shell's files that Pagefind writes: a site with no article published has no index, and none of them. */
const SEARCH_ENGINE_GLOBS: ReadonlySet<string> = new Set([
  `${BUNDLE_DIR}/pagefind.js`,
  `${BUNDLE_DIR}/${WASM_FILE}`,
  `${BUNDLES}pagefind-entry.json`,
  `${BUNDLES}*.pf_meta`,
]);

/**
 * Left out of the shell: code only one page runs (the chart article's island and
 * its loader). That page shows its build-time SVG without it, and the worker
 * keeps it once the page has loaded it (requestKind 'asset').
 */
export const SHELL_IGNORES = ['_astro/*{VoteChart,vote-chart}*'];

/** The whole search index: word chunks, result fragments and filter values. */
export const INDEX_GLOBS = [`${BUNDLES}{index,fragment,filter}/*`];
/** Every article page, as Pagefind indexes them. */
export const ARTICLE_GLOBS = [ARTICLE_GLOB];

/** Files whose names carry a content hash: their URL is their revision. */
export const HASHED_URL = new RegExp(
  `^(?:_astro/|${BUNDLE_DIR}/(?:${SHARD_FOLDER_PATTERN})?(?:index|fragment|filter)/)`,
);

export interface PrecachePlan {
  coverage: Coverage;
  globs: string[];
}

/**
 * Precache everything when shell, index and articles fit the budget together; else the shell alone.
 * With no article published (`searchIndex` false) there is no index and no article: the shell is all,
 * and it leaves out the Pagefind files the build did not write, rather than ask for files that are not there.
 */
export function planPrecache(
  bytes: { shell: number; index: number; articles: number },
  budgetBytes: number,
  { searchIndex = true }: { searchIndex?: boolean } = {},
): PrecachePlan {
  if (!searchIndex) return { coverage: 'all', globs: SHELL_GLOBS.filter((glob) => !SEARCH_ENGINE_GLOBS.has(glob)) };
  return bytes.shell + bytes.index + bytes.articles <= budgetBytes
    ? { coverage: 'all', globs: [...SHELL_GLOBS, ...INDEX_GLOBS, ...ARTICLE_GLOBS] }
    : { coverage: 'visited', globs: SHELL_GLOBS };
}

/**
 * The URL a page is requested at, for a file path in dist/ relative to the
 * worker ('posts/a/index.html' → 'posts/a/', 'index.html' → './'), so that the
 * worker finds a precached page under the address the reader navigates to.
 */
export function precacheUrl(file: string): string {
  if (file === 'index.html') return './';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}
