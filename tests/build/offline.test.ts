/**
 * The offline service worker as the default build writes it: what dist/sw.js
 * precaches on the small site, what registering it costs each page, and how
 * it is served. Chromium runs it in tests/browser/offline.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { gzipSize } from '../support/gzip';
import { elements, htmlFiles, isEmbedPage, listFiles } from '../support/dist';
import { builtArticleSlugs } from '../../src/lib/search/pagefind-index';
import { SW_FILE } from '../../src/lib/offline/worker-file';
import { KB } from '../budgets';

const dist = inject('mainDistDir');
/** The registration's share of the JavaScript before interaction (the limit). */
const REGISTRATION_BUDGET = 0.5 * KB;

interface ManifestEntry {
  url: string;
  revision: string | null;
}

/** The list workbox-build's injectManifest wrote into the worker, as JSON. */
function precacheList(worker: string): ManifestEntry[] {
  const list = /\[\{"revision":[\s\S]*?\}\]/.exec(worker);
  if (!list) throw new Error(`no precache list in ${SW_FILE}`);
  return JSON.parse(list[0]) as ManifestEntry[];
}

/** A manifest URL back to its file in dist/. */
const fileOf = (url: string) => (url === './' ? 'index.html' : url.endsWith('/') ? `${url}index.html` : url);

describe('the offline service worker in the default build', () => {
  const worker = readFileSync(join(dist, SW_FILE), 'utf8');
  const entries = precacheList(worker);
  const urls = entries.map((e) => e.url);

  it('precaches the shell, home, /offline/ and, on the small site, every article and the whole index', () => {
    const under = (folder: string) =>
      listFiles(join(dist, folder)).map((file) => `${folder}/${file.slice(join(dist, folder).length + 1)}`);
    const expected = [
      './',
      'offline/',
      'offline/coverage.json',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
      ...listFiles(join(dist, 'pagefind'), (p) => p.endsWith('.pf_meta')).map((p) => `pagefind/${p.split('/').pop()}`),
      ...listFiles(join(dist, '_astro'), (p) => /\.(css|js)$/.test(p) && !/VoteChart|vote-chart/.test(p)).map(
        (p) => `_astro/${p.split('/').pop()}`,
      ),
      ...builtArticleSlugs(dist).map((slug) => `posts/${slug}/`),
      ...under('pagefind/index'),
      ...under('pagefind/fragment'),
      ...under('pagefind/filter'),
    ];
    expect(urls).toEqual(expect.arrayContaining(expected));
    expect(new Set(urls).size).toBe(urls.length);
    // No listing pages, images or Pagefind's unused UIs.
    expect(
      urls.filter((u) => /^(tags|categories|authors)\/|^posts\/\d|\.(avif|webp|jpe?g|png)$|-ui\./.test(u)),
    ).toEqual([]);
    expect(JSON.parse(readFileSync(join(dist, 'offline/coverage.json'), 'utf8'))).toEqual({ coverage: 'all' });

    const bytes = urls.reduce((sum, url) => sum + readFileSync(join(dist, fileOf(url))).length, 0);
    expect(bytes).toBeLessThanOrEqual(5 * 1024 * KB);
    console.log(
      `${SW_FILE}: ${Buffer.byteLength(worker)} B (${gzipSize(worker)} B gzip); precaches ${urls.length} files, ${bytes} B`,
    );
  });

  it('revisions only what has a stable name: hashed files are their own revision', () => {
    for (const entry of entries) {
      const hashed = /^(_astro|pagefind\/(index|fragment|filter))\//.test(entry.url);
      expect(entry.revision === null, entry.url).toBe(hashed);
    }
  });

  it(`registers from every page with at most ${REGISTRATION_BUDGET} B gzip, from the site's own origin, scoped to the base`, () => {
    const sizes = new Set<number>();
    for (const file of htmlFiles(dist)) {
      // Named for the head script to load at the first interaction (LoadOnInteraction.astro), not loaded up front.
      const found = elements(readFileSync(file, 'utf8'));
      expect(
        found.filter((e) => e.name === 'script' && e.attributes.src?.includes('register-worker')),
        file,
      ).toEqual([]);
      const marks = found.filter((e) => e.attributes['data-enhance-src']?.includes('register-worker'));
      // An embed page lives in other sites' iframes: a worker registered there would serve (and cache for)
      // a third-party context the reader never chose, so it registers none.
      if (isEmbedPage(file)) {
        expect(marks, file).toEqual([]);
        continue;
      }
      expect(marks.length, file).toBe(1);
      const code = readFileSync(join(dist, marks[0]!.attributes['data-enhance-src']!.replace(/^\//, '')), 'utf8');
      expect(code).toContain(`serviceWorker.register(\`/${SW_FILE}\`,{scope:\`/\`}`);
      expect(code).not.toMatch(/\bimport\b/);
      sizes.add(gzipSize(code));
    }
    console.log(`registration script: ${[...sizes].join(', ')} B gzip`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(REGISTRATION_BUDGET);
  });

  it('serves the worker with Cache-Control: no-cache, and keeps /offline/ out of the sitemap and search engines', () => {
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers).toContain(`/${SW_FILE}\n  Cache-Control: no-cache\n`);
    expect(headers).toMatch(/worker-src 'self';/);
    const sitemaps = listFiles(dist, (p) => /sitemap-\d+\.xml$/.test(p)).map((p) => readFileSync(p, 'utf8'));
    expect(sitemaps.join('')).not.toContain('/offline/');
    expect(readFileSync(join(dist, 'offline/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');
  });
});
