/**
 * Where the search index is built. After `astro build` has written the pages,
 * Pagefind (src/integrations/search-index.ts) indexes the article pages in the output folder and writes
 * `<outDir>/pagefind/`. Drafts and future posts are never built in production
 * (src/lib/posts/publishing.ts), so indexing the built pages needs no filter of its own.
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
import { BUNDLE_DIR, DEFER_ENV, buildSearchIndex, indexedMessage } from './search-index';

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
        if (process.env[DEFER_ENV] === '1') {
          logger.info('search index: written by scripts/build.mjs once astro build has exited');
          return;
        }
        try {
          logger.info(indexedMessage(await buildSearchIndex(fileURLToPath(dir))));
        } catch (error) {
          // Throwing fails `astro build`: a site without its search index must not ship.
          throw new Error(`Pagefind: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
