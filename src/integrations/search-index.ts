/**
 * Writes the Pagefind index for a built site: only article pages, into
 * `<outDir>/pagefind/`. Called from the Astro integration (src/integrations/pagefind.ts)
 * and, for `npm run build`, from scripts/build.mjs once `astro build` has exited,
 * so the indexer's memory does not add to Astro's at 10,000 posts.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { readdirSync } from 'node:fs';
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

/**
 * Memory the indexer needs, measured (docs/benchmarks.md): it holds every page,
 * twice, while it writes the index: 4.6 GB at 10,000 articles of 1,000–1,500 words.
 */
export const INDEXER_MB_PER_1000_PAGES = 470;

/**
 * Pagefind's Node API talks to a child process it does not watch: if the OS
 * kills that process (out of memory), the pending call never settles, Node's
 * event loop empties and the build would exit 0 with no search index. So until
 * indexing finishes, the exit code is 1 and an exit explains why.
 */
function failExitUntilDone(outDir: string): () => void {
  const previous = process.exitCode;
  const onExit = () => {
    const pages = articleCount(outDir);
    process.stderr.write(
      `\n✖ Pagefind: the indexer stopped before it finished, most likely killed by the operating system for lack of memory.\n` +
        `  Indexing ${pages.toLocaleString('en')} ${pages === 1 ? 'article' : 'articles'} needs about ${Math.ceil((pages / 1000) * INDEXER_MB_PER_1000_PAGES + 200).toLocaleString('en')} MB (docs/benchmarks.md); raise the runner's or container's memory limit.\n` +
        `  No search index was written; nothing should be deployed from this build.\n`,
    );
  };
  process.exitCode = 1;
  process.once('exit', onExit);
  return () => {
    process.off('exit', onExit);
    process.exitCode = previous;
  };
}

function articleCount(outDir: string): number {
  try {
    return readdirSync(join(outDir, 'posts'), { withFileTypes: true }).filter((d) => d.isDirectory() && /[a-z]/.test(d.name)).length;
  } catch {
    return 0;
  }
}

export async function buildSearchIndex(outDir: string): Promise<{ pageCount: number; ms: number }> {
  const started = performance.now();
  const done = failExitUntilDone(outDir);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: ARTICLE_GLOB });
    if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, BUNDLE_DIR) });
    if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
    return { pageCount: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    done();
    await pagefind.close();
  }
}

export function indexedMessage({ pageCount, ms }: { pageCount: number; ms: number }): string {
  return `Pagefind indexed ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} in ${ms} ms → ${BUNDLE_DIR}/`;
}
