/**
 * Search in `astro dev`. The index itself is written by `npm run build` once
 * `astro build` has exited (scripts/build.mjs runs Pagefind's CLI over the article
 * pages in the output folder, into `<outDir>/pagefind/`, in shards past
 * SEARCH_SHARD_MAX_ARTICLES: src/lib/search/shards.ts). Drafts and future posts
 * are never built in production (src/lib/posts/publishing.ts), so indexing the built
 * pages needs no filter of its own.
 *
 * Articles mark what is indexed: `data-pagefind-body` (content), `-meta`
 * (title, description, date, image, category), `-filter` (category, author,
 * tags) and `-sort` (date); see src/layouts/ArticleLayout.astro.
 *
 * In `astro dev` there is no fresh index, so the dev server serves the one from
 * the last build, plus `pagefind/dev-status.json` telling the page when that was.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';
import { BUNDLE_DIR, readBundlePageCount } from '../lib/search/pagefind-index';
import { SHARD_MANIFEST } from '../lib/search/shards';

/** Served by the dev server only; never written to dist. */
export const DEV_STATUS_FILE = 'dev-status.json';

export interface DevStatus {
  available: boolean;
  /** ISO time the index was written, i.e. when the last `npm run build` finished indexing. */
  builtAt?: string;
  pageCount?: number;
}

function devStatus(bundleDir: string): DevStatus {
  const manifest = join(bundleDir, SHARD_MANIFEST);
  if (!existsSync(manifest)) return { available: false };
  const status: DevStatus = { available: true, builtAt: statSync(manifest).mtime.toISOString() };
  try {
    status.pageCount = readBundlePageCount(bundleDir);
  } catch {
    // The count is a nicety; the date is what the page shows.
  }
  return status;
}

export default function pagefindIntegration(): AstroIntegration {
  let bundleDir = fileURLToPath(new URL(`../../dist/${BUNDLE_DIR}/`, import.meta.url));
  let base = '/';
  return {
    name: 'site-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        bundleDir = fileURLToPath(new URL(`${BUNDLE_DIR}/`, config.outDir));
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },

      'astro:server:setup': ({ server }) => {
        // dev: looks files up on every request, so an index built after the server started is found.
        const files = sirv(bundleDir, {
          dev: true,
          extensions: [],
          onNoMatch: (_req, res) => {
            res.statusCode = 404;
            res.end('Not found. Run `npm run build` once to create the search index for dev.');
          },
        });
        for (const prefix of new Set([`${base}${BUNDLE_DIR}`, `/${BUNDLE_DIR}`])) {
          // Connect strips the prefix: req.url is the path inside the bundle.
          server.middlewares.use(prefix, (req, res, next) => {
            if (new URL(req.url ?? '/', 'http://dev').pathname !== `/${DEV_STATUS_FILE}`) return files(req, res, next);
            res.setHeader('cache-control', 'no-store');
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.end(JSON.stringify(devStatus(bundleDir)));
          });
        }
      },

      'astro:build:done': ({ logger }) => {
        // So that a bare `astro build`, which has no index, is not mistaken for a deployable site.
        logger.info('search index: written by `npm run build` once astro build has exited');
      },
    },
  };
}
