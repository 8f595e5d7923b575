/**
 * The offline service worker in Chromium, with the network really gone: the
 * browser is set offline (navigator.onLine false) and the server drops every
 * connection, so neither the page nor the worker can reach it.
 *
 * - the small site (every article and the whole index precached): a visited
 *   article reloads, search finds a word from an article never opened and opens
 *   it, an unsaved page gets /offline/ with the saved articles;
 * - a build with a 1 KB budget under BASE=/blog/ (a GitHub Pages project site):
 *   the worker's scope is the base, a visited article still reloads, and the same
 *   search says results are limited to saved articles;
 * - a deploy with changed content on the same origin: one reload shows the new
 *   text, and offline search finds the new word;
 * - SERVICE_WORKER=off: the next deploy's worker unregisters and empties its caches;
 * - no CSP violation anywhere (every page runs under its _headers policy).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';
import { OFFLINE_SEARCH_NOTE } from '../../src/lib/offline/names';

const ARTICLE = 'posts/fast-reliable-apis-with-fastapi/';
const ARTICLE_HEADING = 'Fast, Reliable APIs with FastAPI';
/** In the narratives article only; the tests never open that article before searching for it. */
const UNOPENED_WORD = 'DePIN';
const UNOPENED_ARTICLE = 'posts/top-crypto-narratives-2024/';
/** A word the second deploy adds to ARTICLE, found nowhere in the first. */
const NEW_WORD = 'zephyrquartz';
const NEW_SENTENCE = `Since this update, every deploy ships the ${NEW_WORD} checklist to readers.`;

/** A site served from a folder whose contents a test swaps, so two deploys share one origin. */
interface SwappableSite {
  server: StaticServer;
  deploy(dist: string): void;
  /** While down, the server drops every connection, as a dead network does. */
  down: boolean;
}

async function serveSwappable(name: string, dist: string, base = '/'): Promise<SwappableSite> {
  const root = join(TMP_ROOT, name);
  const deploy = (from: string) => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    cpSync(from, root, { recursive: true });
  };
  deploy(dist);
  const site = { down: false } as SwappableSite;
  site.deploy = deploy;
  site.server = await startStaticServer(root, {
    base,
    handle: (req) => {
      if (!site.down) return false;
      req.socket.destroy();
      return true;
    },
  });
  return site;
}

describe.skipIf(!chromiumAvailable)('offline reading and search through the service worker', () => {
  let browser: Browser;
  const violations: string[] = [];
  const contexts: BrowserContext[] = [];
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  /** Each test builds the variant it needs: one build per test or hook keeps within the site project's deadline. */
  async function build(name: string, env: Record<string, string>): Promise<string> {
    const result = await buildSite(name, env);
    if (!result.ok) throw new Error(result.output);
    return result.distDir;
  }

  /** The second deploy: the same content with one sentence added to ARTICLE. */
  function changedContent(): string {
    // Posts name their images as ../../assets/…, so the copy keeps src/'s layout.
    const source = join(TMP_ROOT, 'offline-update-src');
    rmSync(source, { recursive: true, force: true });
    cpSync(join(ROOT, 'src/content/posts'), join(source, 'content', 'posts'), { recursive: true });
    cpSync(join(ROOT, 'src/assets'), join(source, 'assets'), { recursive: true });
    const post = join(source, 'content', 'posts', 'fast-reliable-apis-with-fastapi.mdx');
    writeFileSync(post, `${readFileSync(post, 'utf8').trimEnd()}\n\n${NEW_SENTENCE}\n`);
    return join(source, 'content');
  }

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    for (const server of servers) await server.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    return { context, page };
  }

  /**
   * Opens `url`, interacts (the worker registers at the first key, scroll or tap), and waits until
   * the worker is active, its precache complete, and it controls the page.
   */
  async function install(page: Page, url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'load' });
    await page.keyboard.press('Shift');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
    });
  }

  async function goOffline(context: BrowserContext, site: SwappableSite): Promise<void> {
    site.down = true;
    await context.setOffline(true);
  }

  async function searchInDialog(page: Page, term: string): Promise<string> {
    await page.keyboard.press('Control+k');
    await page.locator('[data-search-dialog] input').fill(term);
    await expect
      .poll(() => page.locator('[data-search-dialog] [data-search-status]').textContent(), { timeout: 15_000 })
      .not.toBe('');
    return (await page.locator('[data-search-dialog] [data-search-status]').textContent()) ?? '';
  }

  const heading = (page: Page) => page.locator('main h1').first().textContent();

  it('small site: a visited article reloads offline, search finds and opens an article never opened, an unsaved page gets /offline/', async () => {
    const site = await serveSwappable('offline-served-main', inject('mainDistDir'));
    servers.push(site.server);
    const { context, page } = await newPage();
    await install(page, site.server.url);
    await page.goto(site.server.url + ARTICLE);
    await goOffline(context, site);

    await page.reload();
    expect(await heading(page)).toBe(ARTICLE_HEADING);

    const status = await searchInDialog(page, UNOPENED_WORD);
    expect(status).toMatch(new RegExp(`^\\d+ results? for “${UNOPENED_WORD}”`));
    expect(status).not.toContain(OFFLINE_SEARCH_NOTE);
    const result = page.locator(`[data-search-dialog] a.search-result[href*="/${UNOPENED_ARTICLE}"]`);
    await result.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${UNOPENED_ARTICLE}`));
    expect(await page.locator('main').textContent()).toContain(UNOPENED_WORD);

    // A tag page: never visited, and not precached.
    await page.goto(`${site.server.url}tags/python/`);
    expect(await heading(page)).toBe('This page is not saved for offline reading');
    const saved = page.locator('[data-saved-list] a');
    await expect.poll(() => saved.count()).toBeGreaterThan(1);
    expect(await saved.allTextContents()).toContain(ARTICLE_HEADING);
  });

  it('past the budget, under BASE=/blog/: scoped to the base; a visited article reloads; offline search says results are limited to saved articles', async () => {
    // A GitHub Pages project site with a 1 KB budget: past it, so visited articles only.
    const tinyUnderBase = await build('offline-tiny-base', {
      SITE: 'https://example.github.io',
      BASE: '/blog/',
      OFFLINE_BUDGET_KB: '1',
    });
    const site = await serveSwappable('offline-served-tiny', tinyUnderBase, '/blog/');
    servers.push(site.server);
    expect(JSON.parse(readFileSync(join(tinyUnderBase, 'offline', 'coverage.json'), 'utf8'))).toEqual({
      coverage: 'visited',
    });
    const { context, page } = await newPage();
    // What Chromium can report on a page reloaded offline (crbug.com/678075): the note must not rely on it.
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true }));
    await install(page, site.server.url);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope)).toBe(
      site.server.url,
    );
    await page.goto(site.server.url + ARTICLE);
    await goOffline(context, site);

    await page.reload();
    expect(await heading(page)).toBe(ARTICLE_HEADING);
    expect(await searchInDialog(page, UNOPENED_WORD)).toContain(OFFLINE_SEARCH_NOTE);

    await page.goto(site.server.url + UNOPENED_ARTICLE);
    expect(await heading(page)).toBe('This page is not saved for offline reading');
    await expect.poll(() => page.locator('[data-saved-list] a').allTextContents()).toEqual([ARTICLE_HEADING]);
  });

  it('a new deploy: one reload shows its text, and offline search finds its new word', async () => {
    const changed = await build('offline-update', { CONTENT_DIR: changedContent() });
    const site = await serveSwappable('offline-served-update', inject('mainDistDir'));
    servers.push(site.server);
    const { context, page } = await newPage();
    await install(page, site.server.url + ARTICLE);
    expect(await page.locator('main').textContent()).not.toContain(NEW_WORD);

    site.deploy(changed);
    await page.reload();
    expect(await page.locator('main').textContent()).toContain(NEW_SENTENCE);

    // The browser checks for a new worker after the navigation; wait until the new one has taken over.
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      while (registration.installing || registration.waiting || registration.active?.state !== 'activated')
        await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await goOffline(context, site);
    await page.reload();
    expect(await page.locator('main').textContent()).toContain(NEW_SENTENCE);
    const status = await searchInDialog(page, NEW_WORD);
    expect(status).toMatch(new RegExp(`^1 result for “${NEW_WORD}”`));
  });

  it('SERVICE_WORKER=off: the next deploy ships a worker that unregisters itself and deletes its caches', async () => {
    const off = await build('offline-off', { SERVICE_WORKER: 'off' });
    expect(readdirSync(off)).toContain('sw.js');
    const site = await serveSwappable('offline-served-off', inject('mainDistDir'));
    servers.push(site.server);
    const { page } = await newPage();
    await install(page, site.server.url + ARTICLE);
    const ownCaches = () =>
      page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('site-offline-')));
    expect((await ownCaches()).length).toBeGreaterThan(0);

    site.deploy(off);
    await page.reload();
    expect(await page.locator('script[src*="ServiceWorkerRegistration"]').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), {
        timeout: 15_000,
      })
      .toBe(0);
    expect(await ownCaches()).toEqual([]);
  });

  it("installing at a first search downloads no file the page already has: the worker revalidates the browser's HTTP cache", async () => {
    // ETags and 304s, as a CDN answers: what the HTTP cache holds can be revalidated instead of sent again.
    const server = await startStaticServer(inject('mainDistDir'), { validators: true });
    servers.push(server);
    const { page } = await newPage();
    await page.goto(server.url + ARTICLE, { waitUntil: 'networkidle' });
    // Ctrl+K is the first interaction: it registers the worker while the dialog fetches Pagefind.
    await searchInDialog(page, UNOPENED_WORD);
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      while (registration.installing || registration.waiting || registration.active?.state !== 'activated')
        await new Promise((resolve) => setTimeout(resolve, 50));
    });

    const byWorker = server.requests.filter((r) => r.referer.endsWith('/sw.js'));
    const revalidated = byWorker.filter((r) => r.status === 304).map((r) => r.path);
    expect(revalidated).toEqual(
      expect.arrayContaining([`/${ARTICLE}`, '/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']),
    );
    // Pagefind asks for its entry file with a fresh `?ts=` each time, a URL no cache holds.
    const downloads = server.requests.filter((r) => r.status === 200 && r.path !== '/pagefind/pagefind-entry.json');
    const twice = downloads.map((r) => r.path).filter((path, i, all) => all.indexOf(path) !== i);
    expect(twice).toEqual([]);
    expect(downloads.some((r) => r.path.includes('pagefind-highlight'))).toBe(false);
  });

  it('no Content-Security-Policy violation in any of it', () => {
    expect(violations).toEqual([]);
  });
});
