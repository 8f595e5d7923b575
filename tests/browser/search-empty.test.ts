/**
 * A site with no article published yet (a new site, or every post a draft): Pagefind
 * refuses to write an empty index, so the build writes none, says so, and the site's
 * search answers "no results" instead of failing (src/lib/search/shards.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { TMP_ROOT, buildSite, type BuildResult } from '../support/build-site';
import { serveInChromium } from '../support/served-site';

let build: BuildResult;

describe.skipIf(!chromiumAvailable)('search on a site with no article published', () => {
  const problems: string[] = [];

  const site = serveInChromium(async () => {
    // The other collections (authors, categories, surveys) fall back to the real ones.
    const content = join(TMP_ROOT, 'search-empty-content');
    mkdirSync(join(content, 'posts'), { recursive: true });
    build = await buildSite('search-empty', { CONTENT_DIR: content });
    expect(build.ok, build.output).toBe(true);
    return startStaticServer(build.distDir);
  });

  it('the build writes no index, a manifest that lists no bundle, and says why', () => {
    expect(build.output).toContain('[site-pagefind] no published articles, so no search index');
    expect(build.output).not.toMatch(/Pagefind failed|lack of memory|glob patterns? doesn't match/);
    const bundle = join(build.distDir, 'pagefind');
    expect(JSON.parse(readFileSync(join(bundle, 'shards.json'), 'utf8'))).toEqual({ bundles: [] });
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(false);
    // Nor does the offline worker ask for the engine, or /search/ preload it.
    expect(readFileSync(join(build.distDir, 'sw.js'), 'utf8')).not.toContain('pagefind/pagefind.js');
    expect(readFileSync(join(build.distDir, 'search', 'index.html'), 'utf8')).not.toContain('modulepreload');
  });

  /**
   * What went wrong on the pages, less the one 404 this site expects: the search code asks for the
   * engine and the manifest at once (a first search waits on both), so here its request for
   * pagefind.js finds nothing. Every 404 the server sent must be that one.
   */
  function unexpectedProblems(): string[] {
    const notFound = site.server.requests.filter((r) => r.status === 404).map((r) => r.path);
    expect(new Set(notFound)).toEqual(new Set(['/pagefind/pagefind.js']));
    return problems.filter((problem) => !problem.endsWith('status of 404 (Not Found)'));
  }

  async function open(path: string): Promise<Page> {
    const page = await site.browser.newPage();
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  it('/search/ answers a query with no results, not an error', async () => {
    const page = await open('search/?q=bitcoin');
    const status = page.locator('[data-search-form] [data-search-status]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^No results for “bitcoin”/);
    expect(await page.locator('[data-search-form] a.search-result').count()).toBe(0);
    await page.close();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('the dialog says no results, and loads no engine', async () => {
    const page = await open('');
    const before = site.server.requests.length;
    await page.keyboard.press('Control+k');
    await page.locator('[data-search-dialog] input').fill('bitcoin');
    await expect
      .poll(() => page.locator('[data-search-dialog] [data-search-status]').textContent(), { timeout: 15_000 })
      .toMatch(/^No results for “bitcoin”/);
    const fetched = site.server.requests.slice(before).map((r) => r.path);
    expect(fetched).toContain('/pagefind/shards.json');
    expect(fetched.filter((p) => p.endsWith('.pagefind'))).toEqual([]);
    await page.close();
    expect(unexpectedProblems()).toEqual([]);
  });
});
