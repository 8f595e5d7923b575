/**
 * Writes the Pagefind index for a built site: only article pages, into
 * `<outDir>/pagefind/`. Called from the Astro integration (src/integrations/pagefind.ts)
 * and, for `npm run build`, from scripts/build.mjs once `astro build` has exited,
 * so the indexer's memory does not add to Astro's at 10,000 posts.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Only article pages are indexed. Post ids always contain a letter (all-digit
 * slugs are refused by new-post), which keeps the listing pages /posts/2/…
 * out of the indexer's way entirely.
 */
const ARTICLE_GLOB = 'posts/*[a-z]*/index.html';
export const BUNDLE_DIR = 'pagefind';

/** Set by scripts/build.mjs for its `astro build` child: index after Astro exits instead. */
export const DEFER_ENV = 'SEARCH_INDEX_AFTER_BUILD';

export async function buildSearchIndex(outDir: string): Promise<{ pageCount: number; ms: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: ARTICLE_GLOB });
    if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, BUNDLE_DIR) });
    if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
    return { pageCount: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

export function indexedMessage({ pageCount, ms }: { pageCount: number; ms: number }): string {
  return `Pagefind indexed ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} in ${ms} ms → ${BUNDLE_DIR}/`;
}
