/**
 * The search index in shards (src/lib/search/shards.ts), end to end: the site's
 * own content built with SEARCH_SHARD_MAX_ARTICLES=2, so its four articles make
 * two shards of two, then searched in Chromium through the site's dialog and
 * /search/, against the same searches on the default build's single index.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { buildSite, type BuildResult } from '../support/build-site';
import { serveInChromium } from '../support/served-site';

/** The site's articles, newest first (their dates are in tests/browser/search.test.ts). */
const NEWEST_FIRST = [
  '/posts/fast-reliable-apis-with-fastapi/',
  '/posts/building-high-performance-apis-with-fastapi-async-patterns/',
  '/posts/building-high-performance-apis-with-fastapi/',
  '/posts/top-crypto-narratives-2024/',
];

let build: BuildResult;

describe.skipIf(!chromiumAvailable)('search over a sharded index', () => {
  let single: StaticServer;
  const problems: string[] = [];

  const site = serveInChromium(async () => {
    build = await buildSite('search-shards', { SEARCH_SHARD_MAX_ARTICLES: '2' });
    expect(build.ok, build.output).toBe(true);
    return startStaticServer(build.distDir);
  });
  beforeAll(async () => {
    single = await startStaticServer(inject('mainDistDir'));
  });
  afterAll(async () => {
    await single.close();
  });

  const bundleDir = () => join(build.distDir, 'pagefind');

  it('the build indexes two shards of two, newest first, and says so', () => {
    expect(build.output).toMatch(/Pagefind indexed 4 pages \(2 shards: 2, 2\) in \d+ ms/);
    expect(JSON.parse(readFileSync(join(bundleDir(), 'shards.json'), 'utf8'))).toEqual({ bundles: ['', 'shard-2/'] });
    const pageCount = (bundle: string) =>
      (
        JSON.parse(readFileSync(join(bundleDir(), bundle, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        }
      ).languages.en!.page_count;
    expect([pageCount(''), pageCount('shard-2')]).toEqual([2, 2]);
    // The article list astro build wrote for this step is gone, and so are the scratch folders.
    expect(existsSync(join(bundleDir(), 'articles.json'))).toBe(false);
    expect(readdirSync(join(build.distDir, '..')).filter((name) => name.includes('search-shard'))).toEqual([]);
  });

  it('a merged shard keeps only what mergeIndex reads: no second engine, WASM or UI', () => {
    expect(readdirSync(join(bundleDir(), 'shard-2')).sort()).toEqual(
      expect.arrayContaining(['filter', 'fragment', 'index', 'pagefind-entry.json']),
    );
    expect(readdirSync(join(bundleDir(), 'shard-2')).filter((name) => /\.(js|css|pagefind)$/.test(name))).toEqual([]);
    expect(readdirSync(join(bundleDir(), 'shard-2')).filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('the offline worker precaches every shard: entries, metadata, chunks and fragments', () => {
    const worker = readFileSync(join(build.distDir, 'sw.js'), 'utf8');
    expect(worker).toContain('"pagefind/shards.json"');
    expect(worker).toContain('"pagefind/shard-2/pagefind-entry.json"');
    expect(worker).toMatch(/"pagefind\/shard-2\/pagefind\.en_[0-9a-f]+\.pf_meta"/);
    for (const folder of ['index', 'fragment', 'filter'])
      expect(worker).toMatch(new RegExp(`"pagefind/shard-2/${folder}/[^"]+"`));
  });

  async function open(server: StaticServer, path: string): Promise<Page> {
    const page = await site.browser.newPage();
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  /** /search/ at `query`: its status line and result paths, in order. */
  async function searchPage(server: StaticServer, query: string): Promise<{ status: string; urls: string[] }> {
    const page = await open(server, `search/?${query}`);
    try {
      await page.waitForFunction(
        () => {
          const form = document.querySelector('[data-search-form]');
          return (
            (form?.querySelector('[data-search-status]')?.textContent ?? '') !== '' && !form?.hasAttribute('aria-busy')
          );
        },
        undefined,
        { timeout: 15_000 },
      );
      return {
        status: (await page.locator('[data-search-form] [data-search-status]').textContent()) ?? '',
        urls: await page
          .locator('[data-search-form] a.search-result')
          .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
      };
    } finally {
      await page.close();
    }
  }

  it('newest and oldest first run across shards in date order, as on one index', async () => {
    for (const [query, expected] of [
      ['author=token-metrics-team&sort=newest', NEWEST_FIRST],
      ['author=token-metrics-team&sort=oldest', [...NEWEST_FIRST].reverse()],
      ['q=FastAPI&sort=newest', NEWEST_FIRST.slice(0, 3)],
      ['q=FastAPI&sort=oldest', NEWEST_FIRST.slice(0, 3).reverse()],
    ] as const) {
      const sharded = await searchPage(site.server, query);
      expect(sharded.urls, query).toEqual(expected);
      expect(sharded).toEqual(await searchPage(single, query));
    }
  });

  it('by relevance, a search finds the same articles in every shard as one index does', async () => {
    // Words in one shard only; in both; one shard's word beside the other's (one index finds no page
    // with both, and neither may the shards); a typo, corrected from the words the shards matched.
    for (const [query, found] of [
      ['q=DePIN', 1],
      ['q=FastAPI', 3],
      ['q=APIs&category=research', 3],
      ['q=fastapi%20narratives', 0],
      ['q=fastapu', 3],
    ] as const) {
      const sharded = await searchPage(site.server, query);
      const one = await searchPage(single, query);
      expect(sharded.status, query).toBe(one.status);
      expect([...sharded.urls].sort(), query).toEqual([...one.urls].sort());
      expect(sharded.urls, query).toHaveLength(found);
    }
  });

  it('the dialog searches every shard, with one engine and one WASM', async () => {
    const page = await open(site.server, 'posts/fast-reliable-apis-with-fastapi/');
    // The page's own requests: opening the dialog also registers the offline worker, whose install fetches
    // pagefind.js again from the worker (its precache list is checked above), whenever it gets to it.
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.keyboard.press('Control+k');
    await page.locator('[data-search-dialog] input').fill('FastAPI');
    await expect.poll(() => page.locator('[data-search-dialog] a.search-result').count(), { timeout: 15_000 }).toBe(3);
    expect(fetched.filter((p) => p.endsWith('/pagefind.js'))).toEqual(['/pagefind/pagefind.js']);
    expect(fetched.filter((p) => p.endsWith('.pagefind'))).toEqual(['/pagefind/wasm.en.pagefind']);
    expect(fetched.some((p) => p.startsWith('/pagefind/shard-2/index/'))).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
