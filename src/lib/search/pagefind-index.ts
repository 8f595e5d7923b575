/**
 * What the search index covers and where Pagefind writes it. One source for the
 * build's index step (scripts/build.mjs), the dev server (src/integrations/pagefind.ts)
 * and /search/'s preloads.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { linkSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_MANIFEST, parseShardManifest } from './shards.ts';

/** Pagefind's default output folder inside the site; the flags below leave it as it is. */
export const BUNDLE_DIR = 'pagefind';
/** Every article is English; one language means one WASM file with a fixed name. */
export const INDEX_LANGUAGE = 'en';
export const WASM_FILE = `wasm.${INDEX_LANGUAGE}.pagefind`;

/**
 * Only article pages are indexed. Post ids always contain a letter (isPostId in
 * src/lib/routes/post-id.ts: the posts loader refuses any other file name, and
 * new-post any other title), which keeps the listing pages /posts/2/… out of
 * the indexer's way entirely.
 */
export const ARTICLE_GLOB = 'posts/*[a-z]*/index.html';

/** Arguments for Pagefind's CLI (`npx pagefind`) that index the built site in `site`. */
export function pagefindArgs(site: string): string[] {
  // --quiet keeps warnings and errors; the build prints its own one-line summary.
  return ['--site', site, '--glob', ARTICLE_GLOB, '--force-language', INDEX_LANGUAGE, '--quiet'];
}

/** Pages in an index, from the pagefind-entry.json Pagefind wrote. */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** Pages in the index in `bundleDir` (a site's Pagefind folder), over all its shards. */
export function readBundlePageCount(bundleDir: string): number {
  const { bundles } = parseShardManifest(readFileSync(join(bundleDir, SHARD_MANIFEST), 'utf8'));
  return bundles.reduce(
    (sum, bundle) => sum + indexedPageCount(readFileSync(join(bundleDir, bundle, 'pagefind-entry.json'), 'utf8')),
    0,
  );
}

/** Pages in the search index `npm run build` wrote into `site`, over all its shards. */
export function readIndexedPageCount(site: string): number {
  return readBundlePageCount(join(site, BUNDLE_DIR));
}

/**
 * Memory the indexer needs, measured (docs/benchmarks.md): it holds every page,
 * twice, while it writes the index: ~4.5 GB at 10,000 articles of 1,000–1,500 words.
 */
export const INDEXER_MB_PER_1000_PAGES = 460;

export function indexerNeedMb(pages: number): number {
  return Math.ceil((pages / 1000) * INDEXER_MB_PER_1000_PAGES + 200);
}

/** The article folders under <site>/posts that ARTICLE_GLOB indexes (listing pages are all digits), sorted. */
export function builtArticleSlugs(site: string): string[] {
  try {
    return readdirSync(join(site, 'posts'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && /[a-z]/.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Links the pages of the articles `ids` of `site` into `folder` (hard links, so no copy), at the same
 * paths: Pagefind's CLI run over `folder` indexes those articles only, under their URLs. For the
 * index's shards (scripts/build.mjs) and bench/search-shards.ts.
 */
export function linkArticlePages(site: string, ids: readonly string[], folder: string): void {
  for (const id of ids) {
    mkdirSync(join(folder, 'posts', id), { recursive: true });
    linkSync(articlePage(site, id), articlePage(folder, id));
  }
}

/** The page of the article `id` in `site`, one that ARTICLE_GLOB matches. */
export function articlePage(site: string, id: string): string {
  return join(site, 'posts', id, 'index.html');
}
