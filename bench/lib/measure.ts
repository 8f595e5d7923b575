/**
 * What the benchmark reads from a built dist/: sizes, the feed, one article's
 * gzip weight, the search index, and the bytes a first search fetches.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../../scripts/lib/static-server';
import { launchChromium, chromiumAvailable } from '../../scripts/lib/chromium';
import { builtArticleSlugs } from '../../src/lib/search/pagefind-index';
import { SW_FILE } from '../../src/lib/offline/worker-file';

export interface DirStats {
  bytes: number;
  files: number;
}

export function dirStats(dir: string): DirStats {
  let bytes = 0;
  let files = 0;
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  if (existsSync(dir)) visit(dir);
  return { bytes, files };
}

export interface ArticleWeight {
  page: string;
  htmlGzip: number;
  cssGzip: number;
  cssFiles: number;
}

/** Gzip size of one article page's HTML and of the stylesheets it links. */
export function articleWeight(dist: string): ArticleWeight | undefined {
  const slug = builtArticleSlugs(dist)[0];
  if (!slug) return undefined;
  const htmlFile = join(dist, 'posts', slug, 'index.html');
  const html = readFileSync(htmlFile);
  let cssGzip = 0;
  let cssFiles = 0;
  for (const match of html.toString('utf8').matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(match[0])?.[1];
    if (!href || /^[a-z]+:/i.test(href)) continue;
    const file = join(dist, href.replace(/^\/+/, ''));
    if (!existsSync(file)) continue;
    cssGzip += gzipSync(readFileSync(file), { level: 9 }).length;
    cssFiles++;
  }
  return { page: `/posts/${slug}/`, htmlGzip: gzipSync(html, { level: 9 }).length, cssGzip, cssFiles };
}

/**
 * Builds a Pagefind index over dist/ with Pagefind's Node API, for a build
 * that has no Pagefind integration: the benchmark then still measures the
 * search output, and says it did so standalone.
 */
export async function standalonePagefind(dist: string): Promise<{ ms: number; pages: number }> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    return { ms: performance.now() - started, pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export interface SearchProbe {
  query: string;
  results: number;
  /** Fragments loaded: the first page of results a UI shows. */
  fragments: number;
  bytes: number;
  /** What a CDN with gzip would send: .js/.json gzipped; .pf_* and the WASM are stored compressed already. */
  wireBytes: number;
  requests: { path: string; bytes: number }[];
  /**
   * What the offline worker fetched while it installed (its script, then its precache), when the
   * first search's key press registered one. Its /pagefind/ requests are in `bytes` as well.
   */
  workerInstall?: WorkerInstall | null;
  method: string;
}

export interface WorkerInstall {
  bytes: number;
  files: number;
  /** Bytes of those fetches under /pagefind/. */
  pagefindBytes: number;
  /** Fetches the server answered 304: the browser's HTTP cache already held the file. */
  revalidated: number;
}

/**
 * What a CDN with gzip sends for these requests to the static server over `dist`: JS and JSON gzipped,
 * everything else (Pagefind's index, fragments and WASM are stored compressed) as served.
 */
export function wireBytes(dist: string, requests: readonly { path: string; bytes: number }[]): number {
  return requests.reduce((sum, r) => {
    const file = join(dist, r.path.replace(/^\/+/, ''));
    return (
      sum +
      // A 304 sends no body, and gzip never makes one bigger than what was sent.
      (/\.(js|json)$/.test(r.path) && existsSync(file)
        ? Math.min(r.bytes, gzipSync(readFileSync(file), { level: 6 }).length)
        : r.bytes)
    );
  }, 0);
}

/**
 * A reader's first search, in Chromium, through the site's own search dialog:
 * open an article, press Ctrl+K, paste the query, wait for the results. The
 * dialog decides what Pagefind fetches (its options, e.g. no worker, and how
 * many result fragments it shows), so this counts what the site really costs,
 * not Pagefind's defaults. Sums the bytes the server sent for /pagefind/ files,
 * the offline worker's among them: the key press registers it, and the probe
 * counts once it has installed, so a worker that downloads the engine again
 * shows here, whatever the timing. Its whole install is reported beside.
 */
export async function probeFirstSearch(dist: string, query: string): Promise<SearchProbe | undefined> {
  const slug = builtArticleSlugs(dist)[0];
  const article = slug && `posts/${slug}/`;
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js')) || !article) return undefined;
  if (!chromiumAvailable) return undefined;
  // Cache headers from _headers and validators (ETag, 304), as a CDN serves them: the worker's
  // install then costs what it costs a reader, who has just filled the HTTP cache.
  const server = await startStaticServer(dist, { withHeaders: true, validators: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + article, { waitUntil: 'networkidle' });
    const start = server.requests.length;
    await page.keyboard.press('Control+k');
    // fill() sets the whole query at once, as a paste does: one search, no per-keystroke prefixes.
    await page.locator('[data-search-dialog] input').fill(query);
    const status = page.locator('[data-search-dialog] [data-search-status]');
    await status.filter({ hasText: `“${query}”` }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const workerRegistered = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker?.getRegistration();
      if (!registration) return false;
      await navigator.serviceWorker.ready;
      while (registration.installing || registration.waiting || registration.active?.state !== 'activated')
        await new Promise((resolve) => setTimeout(resolve, 50));
      return true;
    });
    const found = Number(/^\d+/.exec((await status.textContent()) ?? '')?.[0] ?? 0);
    const afterLoad = server.requests.slice(start);
    // The worker's own fetches name its script as their referrer; fetches it makes for the page keep the page's.
    const byWorker = afterLoad.filter((r) => r.path.endsWith(`/${SW_FILE}`) || r.referer.endsWith(`/${SW_FILE}`));
    const workerInstall: WorkerInstall | null = workerRegistered
      ? {
          bytes: byWorker.reduce((sum, r) => sum + r.bytes, 0),
          files: byWorker.length,
          pagefindBytes: byWorker.filter((r) => r.path.includes('/pagefind/')).reduce((sum, r) => sum + r.bytes, 0),
          revalidated: byWorker.filter((r) => r.status === 304).length,
        }
      : null;
    const requests = afterLoad.filter((r) => r.path.includes('/pagefind/')).map(({ path, bytes }) => ({ path, bytes }));
    return {
      query,
      results: found,
      fragments: requests.filter((r) => r.path.endsWith('.pf_fragment')).length,
      bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
      wireBytes: wireBytes(dist, requests),
      requests,
      workerInstall,
      method:
        "Chromium, the site's search dialog on an article (Ctrl+K, query pasted), static server request log (_headers cache rules, ETag and 304 as a CDN; no HTTP compression; Pagefind files are pre-compressed); counted once the offline worker the key press registered has installed",
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RouteSizes {
  [kind: string]: { files: number; maxBytes: number };
}

/**
 * Largest output file per kind of route. Everything but paginated listings
 * (one page per SITE.pageSize posts) and sitemap files must stay flat as the
 * post count grows; comparing sizes across runs shows it.
 */
export function routeSizes(dist: string): RouteSizes {
  const kinds: RouteSizes = {};
  const add = (kind: string, bytes: number) => {
    const k = (kinds[kind] ??= { files: 0, maxBytes: 0 });
    k.files++;
    k.maxBytes = Math.max(k.maxBytes, bytes);
  };
  const visit = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (path === 'pagefind' || path === '_astro') continue;
        visit(full, path);
        continue;
      }
      const kind = classify(path);
      if (kind) add(kind, statSync(full).size);
    }
  };
  if (existsSync(dist)) visit(dist, '');
  return kinds;
}

function classify(path: string): string | undefined {
  if (/^sitemap-\d+\.xml$/.test(path)) return 'sitemap part';
  if (path === 'sitemap-index.xml') return 'sitemap index';
  if (path.endsWith('rss.xml')) return 'RSS feed';
  if (!path.endsWith('.html')) return undefined;
  if (path === 'index.html') return 'home page';
  if (/^posts\/\d+\/index\.html$/.test(path) || path === 'posts/index.html') return 'listing: all posts (page)';
  if (/^posts\/[^/]+\/index\.html$/.test(path)) return 'article';
  if (/^(tags|categories|authors)\//.test(path)) return `listing: ${path.split('/')[0]} (page)`;
  return `other page: ${path.replace(/\/index\.html$/, '/')}`;
}
