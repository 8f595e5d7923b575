/**
 * Where the search index is built. After `astro build` has written the pages,
 * Pagefind's Node API indexes the article pages in the output folder and writes
 * `<outDir>/pagefind/`. Drafts and future posts are never built in production
 * (src/lib/publishing.ts), so indexing the built pages needs no filter of its own.
 *
 * Articles mark what is indexed: `data-pagefind-body` (content), `-meta`
 * (title, description, date, image, category), `-filter` (category, author,
 * tags) and `-sort` (date); see src/layouts/ArticleLayout.astro.
 *
 * In `astro dev` there is no fresh index, so the dev server serves the one from
 * the last build, plus `pagefind/dev-status.json` telling the page when that was.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Only article pages are indexed. Post ids always contain a letter (all-digit
 * slugs are refused by new-post), which keeps the listing pages /posts/2/…
 * out of the indexer's way entirely.
 */
const ARTICLE_GLOB = 'posts/*[a-z]*/index.html';
const BUNDLE_DIR = 'pagefind';
/** Served by the dev middleware only; never written to dist. */
export const DEV_STATUS_FILE = 'dev-status.json';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface DevStatus {
  available: boolean;
  /** ISO time the index was written, i.e. when the last `npm run build` finished indexing. */
  builtAt?: string;
  pageCount?: number;
}

async function buildIndex(outDir: string): Promise<{ pageCount: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: ARTICLE_GLOB });
    if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, BUNDLE_DIR) });
    if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
    return { pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let outDir = fileURLToPath(new URL('../../dist/', import.meta.url));
  let base = '/';
  return {
    name: 'site-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },

      'astro:server:setup': ({ server }) => {
        const bundleDir = () => join(outDir, BUNDLE_DIR);
        const prefixes = [...new Set([`${base}${BUNDLE_DIR}/`, `/${BUNDLE_DIR}/`])];
        server.middlewares.use((req, res, next) => {
          const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
          const prefix = prefixes.find((p) => pathname.startsWith(p));
          if (!prefix) return next();
          const rel = pathname.slice(prefix.length);
          res.setHeader('cache-control', 'no-store');
          if (rel === DEV_STATUS_FILE) {
            const entry = join(bundleDir(), 'pagefind-entry.json');
            const status: DevStatus = { available: false };
            if (existsSync(entry)) {
              status.available = true;
              status.builtAt = statSync(entry).mtime.toISOString();
              try {
                const parsed = JSON.parse(readFileSync(entry, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
                status.pageCount = Object.values(parsed.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
              } catch {
                // The count is a nicety; the date is what the page shows.
              }
            }
            res.setHeader('content-type', CONTENT_TYPES['.json']!);
            res.end(JSON.stringify(status));
            return;
          }
          const file = normalize(join(bundleDir(), rel));
          if (!file.startsWith(bundleDir() + sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('Not found. Run `npm run build` once to create the search index for dev.');
            return;
          }
          res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },

      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const target = fileURLToPath(dir);
        let pageCount: number;
        try {
          ({ pageCount } = await buildIndex(target));
        } catch (error) {
          // Throwing fails `astro build`: a site without its search index must not ship.
          throw new Error(`Pagefind: ${(error as Error).message}`, { cause: error });
        }
        const ms = Math.round(performance.now() - started);
        logger.info(`Pagefind indexed ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} in ${ms} ms → ${BUNDLE_DIR}/`);
      },
    },
  };
}
