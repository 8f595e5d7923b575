/**
 * Search in Chromium over the real build, served with its _headers (strict
 * CSP): the ⌘K dialog, landing highlights, /search/ with filters and sorting,
 * drafts staying out, and every request staying on the site's origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';

const NARRATIVES = '/posts/top-crypto-narratives-2024/';
const RESEARCH = [
  '/posts/building-high-performance-apis-with-fastapi/',
  '/posts/building-high-performance-apis-with-fastapi-async-patterns/',
  '/posts/fast-reliable-apis-with-fastapi/',
];
const ARTICLE = 'posts/fast-reliable-apis-with-fastapi/';
/** Unique words in src/content/posts: one in a draft, one in a post dated 2099. */
const DRAFT_WORD = 'quillfeather';
const SCHEDULED_WORD = 'larkspurvine';

describe.skipIf(!chromiumAvailable)('search in Chromium', () => {
  let context: BrowserContext | undefined;
  const foreign: string[] = [];
  const problems: string[] = [];
  let offline = false;

  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== site.server.origin)
        foreign.push(request.url());
    });
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !(offline && message.text().includes('ERR_INTERNET_DISCONNECTED')))
        problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  const resultUrls = (page: Page, scope: string) =>
    page
      .locator(`${scope} a.search-result`)
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  async function dialogSearch(page: Page, term: string): Promise<string[]> {
    const input = page.locator('[data-search-dialog] input');
    await input.fill(term);
    await expect
      .poll(() => page.locator('[data-search-status]').first().textContent(), { timeout: 15_000 })
      .toContain(`“${term}”`);
    return resultUrls(page, '[data-search-dialog]');
  }

  async function pageStatus(page: Page): Promise<string> {
    await page.waitForFunction(
      () => {
        const form = document.querySelector('[data-search-form]');
        const status = form?.querySelector('[data-search-status]')?.textContent ?? '';
        return status !== '' && !form?.hasAttribute('aria-busy');
      },
      undefined,
      { timeout: 15_000 },
    );
    return (await page.locator('[data-search-form] [data-search-status]').textContent()) ?? '';
  }

  it('an article ships no search code before interaction: no dialog module, no Pagefind request', async () => {
    const before = site.server.requests.length;
    await open(ARTICLE);
    const paths = site.server.requests.slice(before).map((r) => r.path);
    expect(paths.some((p) => p.includes('/pagefind/'))).toBe(false);
    expect(paths.some((p) => /\/_astro\/(dialog|highlight)-/.test(p))).toBe(false);
  });

  it('⌘K opens the dialog; "DePIN" ranks the narratives article first; clicking lands on it highlighted and scrolled', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Meta+k');
    await page.waitForSelector('[data-search-dialog][open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    const urls = await dialogSearch(page, 'DePIN');
    expect(urls[0]).toBe(NARRATIVES);
    const first = page.locator('[data-search-dialog] a.search-result').first();
    expect(await first.locator('mark').first().textContent()).toMatch(/depin/i);
    expect(await first.textContent()).toMatch(/Crypto Basics · March 12, 2024/i);
    await first.click();
    await page.waitForURL(
      (url) => url.pathname === NARRATIVES && url.searchParams.get('highlight')?.toLowerCase() === 'depin',
    );
    const mark = page.locator('[data-pagefind-body] mark.search-highlight').first();
    await mark.waitFor({ timeout: 10_000 });
    expect((await mark.textContent())?.toLowerCase()).toBe('depin');
    expect(await page.locator('[data-pagefind-body] mark.search-highlight').count()).toBeGreaterThan(3);
    // Scrolled to the first match: it sits inside the viewport.
    await expect
      .poll(() =>
        mark.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    // Nothing outside the article body is marked.
    expect(await page.locator('header mark, .end-matter mark, .read-next mark').count()).toBe(0);
  });

  it('Ctrl+K and "/" open it too, but "/" typed into a field stays in the field', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-search-dialog][open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-search-dialog]:not([open])', { state: 'attached' });
    await page.keyboard.press('/');
    await page.waitForSelector('[data-search-dialog][open]');
    await page.keyboard.press('Escape');
    // Any text field: the newsletter box has one only when an endpoint is configured.
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'probe-field';
      document.querySelector('main')!.prepend(field);
    });
    const field = page.locator('#probe-field');
    await field.focus();
    await page.keyboard.type('a/b');
    expect(await field.inputValue()).toBe('a/b');
    expect(await page.locator('[data-search-dialog][open]').count()).toBe(0);
  });

  it('Escape closes the dialog and returns focus to the header button; Tab stays inside; arrows move through results', async () => {
    const page = await open(ARTICLE);
    const button = page.locator('header [data-search-open]');
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog');
    await button.click();
    await page.waitForSelector('[data-search-dialog][open]');
    const urls = await dialogSearch(page, 'FastAPI');
    expect(urls.length).toBeGreaterThan(1);

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          inDialog: !!el?.closest('[data-search-dialog]'),
          id: el?.id ?? '',
          href: el instanceof HTMLAnchorElement ? new URL(el.href).pathname : '',
        };
      });
    await page.keyboard.press('ArrowDown');
    expect((await focused()).href).toBe(urls[0]);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).href).toBe(urls[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focused()).id).toBe('search-dialog-input');

    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect((await focused()).inDialog).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).inDialog).toBe(true);
    }

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-search-dialog]:not([open])', { state: 'attached' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);

    // Opened by shortcut, it also hands focus back to the button.
    await page.locator('main h1').click();
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-search-dialog][open]');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('"30.2%" finds the narratives article through its chart table', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    const urls = await dialogSearch(page, '30.2%');
    expect(urls[0]).toBe(NARRATIVES);
    // The table holds the figure; the dialog shows the best-matching passage.
    expect(await page.locator(`${'[data-search-dialog]'} a.search-result mark`).first().textContent()).toMatch(/30\.2/);
  });

  it('"FastAPI" returns all three research posts', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    const urls = await dialogSearch(page, 'FastAPI');
    expect([...urls].sort()).toEqual([...RESEARCH].sort());
  });

  it('/search/?q=pydantic shows results on load, announced in a live region', async () => {
    const page = await open('search/?q=pydantic');
    const status = await pageStatus(page);
    expect(status).toMatch(/^\d+ results? for “pydantic”/);
    expect(await page.locator('[data-search-form] [data-search-status]').getAttribute('role')).toBe('status');
    expect(await page.inputValue('#search-page-input')).toBe('pydantic');
    const urls = await resultUrls(page, '[data-search-form]');
    expect(urls).toContain('/posts/fast-reliable-apis-with-fastapi/');
    expect(Number(status.match(/^\d+/)![0])).toBe(urls.length);
    // Each result: title, category and date, and an excerpt with the term marked.
    const first = page.locator('[data-search-form] a.search-result').first();
    expect(await first.locator('.search-result__title').textContent()).toBeTruthy();
    expect(await first.locator('.search-result__meta').textContent()).toMatch(/^Research · \w+ \d{1,2}, \d{4}$/);
    expect((await first.locator('.search-result__excerpt mark').first().textContent())?.toLowerCase()).toContain(
      'pydantic',
    );
  });

  it('/search/ fetches the Pagefind JS and WASM once each, starting with the HTML rather than after the index entry', async () => {
    const before = site.server.requests.length;
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const preloadWarnings: string[] = [];
    page.on('console', (message) => {
      if (/preload/i.test(message.text())) preloadWarnings.push(message.text());
    });
    await page.goto(site.server.url + 'search/?q=pydantic', { waitUntil: 'networkidle' });
    expect(await pageStatus(page)).toMatch(/^\d+ results? for “pydantic”/);
    const paths = site.server.requests.slice(before).map((r) => r.path.split('?')[0]!);
    expect(paths.filter((p) => p.endsWith('/pagefind/pagefind.js'))).toHaveLength(1);
    expect(paths.filter((p) => p.endsWith('/pagefind/wasm.en.pagefind'))).toHaveLength(1);
    // Without the preload Pagefind asks for the WASM only after it has read pagefind-entry.json.
    expect(paths.findIndex((p) => p.endsWith('/wasm.en.pagefind'))).toBeLessThan(
      paths.findIndex((p) => p.endsWith('/pagefind-entry.json')),
    );
    expect(preloadWarnings).toEqual([]);
  });

  it('a category filter narrows the results and is kept in the URL', async () => {
    const page = await open('search/?q=AI');
    await pageStatus(page);
    const all = await resultUrls(page, '[data-search-form]');
    expect(all).toContain(NARRATIVES);
    expect(all.some((u) => RESEARCH.includes(u))).toBe(true);

    await page.selectOption('#search-category', 'crypto-basics');
    await expect.poll(() => resultUrls(page, '[data-search-form]')).toEqual([NARRATIVES]);
    expect(await pageStatus(page)).toBe('1 result for “AI” in Crypto Basics');
    expect(new URL(page.url()).searchParams.get('category')).toBe('crypto-basics');

    // The shared link restores the same search.
    const shared = await open(`search/?q=AI&category=research`);
    await pageStatus(shared);
    const research = await resultUrls(shared, '[data-search-form]');
    expect(research.length).toBeGreaterThan(0);
    expect(research.length).toBeLessThan(all.length);
    expect(research.every((u) => RESEARCH.includes(u))).toBe(true);
    expect(await shared.inputValue('#search-category')).toBe('research');
  });

  it('filters by author and sorts by date', async () => {
    const page = await open('search/?q=FastAPI&sort=newest');
    await pageStatus(page);
    expect(await resultUrls(page, '[data-search-form]')).toEqual([
      '/posts/fast-reliable-apis-with-fastapi/', // 2025-02-25
      '/posts/building-high-performance-apis-with-fastapi-async-patterns/', // 2025-02-04
      '/posts/building-high-performance-apis-with-fastapi/', // 2025-01-14
    ]);
    await page.selectOption('#search-sort', 'oldest');
    await expect
      .poll(() => resultUrls(page, '[data-search-form]'))
      .toEqual([
        '/posts/building-high-performance-apis-with-fastapi/',
        '/posts/building-high-performance-apis-with-fastapi-async-patterns/',
        '/posts/fast-reliable-apis-with-fastapi/',
      ]);
    await page.selectOption('#search-author', 'token-metrics-team');
    await expect.poll(() => resultUrls(page, '[data-search-form]')).toHaveLength(3);
    expect(new URL(page.url()).search).toBe('?q=FastAPI&author=token-metrics-team&sort=oldest');
  });

  it('typing on /search/ updates the results and the shareable URL', async () => {
    const page = await open('search/');
    await page.locator('#search-page-input').fill('DePIN');
    await expect.poll(() => resultUrls(page, '[data-search-form]'), { timeout: 15_000 }).toEqual([NARRATIVES]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('DePIN');
  });

  it('words that only appear in a draft or a scheduled post find nothing', async () => {
    for (const word of [DRAFT_WORD, SCHEDULED_WORD]) {
      const page = await open(`search/?q=${word}`);
      expect(await pageStatus(page)).toMatch(new RegExp(`^No results for “${word}”`));
      expect(await page.locator('[data-search-form] a.search-result').count()).toBe(0);
      await page.locator('main h1').click();
      await page.keyboard.press('Control+k');
      // On /search/ the shortcut focuses the page's own field.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    }
  });

  it('says when no word matches as typed: "asdfghjk" shows nothing rather than every post with "as" marked', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-search-dialog][open]');
    expect(await dialogSearch(page, 'asdfghjk')).toEqual([]);
    expect(await page.locator('[data-search-dialog] [data-search-status]').textContent()).toBe(
      'No exact matches for “asdfghjk”. Check the spelling or try other words.',
    );
    // Pagefind alone answers with every post: it shortened the word until "as" matched.
    // (A string, so the test runner leaves the browser's import() alone.)
    const fallback = await page.evaluate<number>(
      `import('/pagefind/pagefind.js').then((pagefind) => pagefind.search('asdfghjk')).then((r) => r.results.length)`,
    );
    expect(fallback).toBe(4);

    const onPage = await open('search/?q=asdfghjk');
    expect(await pageStatus(onPage)).toBe('No exact matches for “asdfghjk”. Check the spelling or try other words.');
    expect(await onPage.locator('[data-search-form] a.search-result').count()).toBe(0);
  });

  it('a mistyped word is corrected and says so: "fastapu" shows the results for "FastAPI", highlighted as such', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-search-dialog][open]');
    const urls = await dialogSearch(page, 'fastapu');
    expect([...urls].sort()).toEqual([...RESEARCH].sort());
    expect(await page.locator('[data-search-dialog] [data-search-status]').textContent()).toBe(
      'No exact matches for “fastapu”. Showing 3 results for “FastAPI”.',
    );
    // The article highlights what the results were found for.
    const href = await page.locator('[data-search-dialog] a.search-result').first().getAttribute('href');
    expect(new URL(href!, site.server.origin).searchParams.getAll('highlight')).toEqual(['FastAPI']);

    const onPage = await open('search/?q=fastapu&category=research');
    expect(await pageStatus(onPage)).toBe(
      'No exact matches for “fastapu”. Showing 3 results for “FastAPI” in Research.',
    );
    expect(new URL(onPage.url()).searchParams.get('q')).toBe('fastapu');
  });

  it('words found as typed, completed or through their stem are not "corrected"', async () => {
    const page = await open('search/');
    const input = page.locator('#search-page-input');
    for (const [term, status] of [
      // Completed by Pagefind as the reader types.
      ['fastap', /^3 results for “fastap”$/],
      // "running" is in no article; Pagefind finds its stem, "run".
      ['running', /^\d+ results? for “running”$/],
      // In the text only inside "AI-driven", "validation-driven"…: found by Pagefind's exact search.
      ['driven', /^\d+ results? for “driven”$/],
      ['Pydantic’s', /^\d+ results? for “Pydantic’s”$/],
    ] as const) {
      await input.fill(term);
      await expect.poll(() => pageStatus(page), { timeout: 15_000 }).toMatch(status);
    }
    // One good word and one hopeless one: the hopeless one is named and left out.
    await input.fill('pydantic asdfghjk');
    await expect
      .poll(() => pageStatus(page), { timeout: 15_000 })
      .toMatch(/^No exact matches for “asdfghjk”\. Showing \d+ results? for “pydantic”\.$/);
  });

  it('marks cover words, not the punctuation around them, in excerpts and on the article', async () => {
    const page = await open('search/?q=FastAPI');
    await pageStatus(page);
    const marks = await page.locator('[data-search-form] .search-result__excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(3);
    for (const mark of marks) expect(mark).toMatch(/^[\p{L}\p{N}][^\s]*[\p{L}\p{N}%]$/u);
    // Pagefind marks "FastAPI?" as one token; the question mark stays outside the highlight.
    const excerpts = await page.locator('[data-search-form] .search-result__excerpt').allInnerTexts();
    expect(excerpts.join(' ')).toContain('FastAPI?');

    const article = await open(`${ARTICLE}?highlight=fast`);
    const landing = article.locator('[data-pagefind-body] mark.search-highlight');
    await landing.first().waitFor();
    const words = await landing.allTextContents();
    // "fast" marks the whole word it starts, and no punctuation.
    expect(words).toContain('FastAPI');
    for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('the index holds the words a reader sees: no text joined across blocks (chart caption, table, source)', async () => {
    const page = await open(NARRATIVES.slice(1));
    // What each indexed article shows, laid out: innerText breaks lines at blocks and cells.
    const seen = new Map<string, Set<string>>();
    const tokens = (text: string) =>
      text
        .split(/\s+/)
        .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '').toLowerCase())
        .filter(Boolean);
    const indexed = await page.evaluate<{ url: string; content: string }[]>(
      `import('/pagefind/pagefind.js')
        .then((pagefind) => pagefind.search(null))
        .then((all) => Promise.all(all.results.map((r) => r.data())))`,
    );
    expect(indexed.length).toBe(4);
    for (const { url } of indexed) {
      await page.goto(new URL(url, site.server.origin).href);
      const text = await page.evaluate(() => {
        const body = document.querySelector<HTMLElement>('[data-pagefind-body]')!;
        for (const details of body.querySelectorAll('details')) details.open = true;
        for (const ignored of body.querySelectorAll<HTMLElement>('[data-pagefind-ignore]')) ignored.remove();
        return body.innerText;
      });
      seen.set(url, new Set(tokens(text)));
    }
    const joined = indexed.flatMap(({ url, content }) =>
      tokens(content)
        .filter((word) => !seen.get(url)!.has(word))
        .map((word) => `${url}: ${word}`),
    );
    expect(joined).toEqual([]);
    const narratives = indexed.find((p) => p.url === NARRATIVES)!.content;
    expect(narratives).toContain('18.8% Which crypto narrative');
    expect(narratives).not.toMatch(/BarsDoughnut|Show “Not listed”/);
  });

  it('without JavaScript, the button is a link and /search/ says search needs JavaScript and lists the categories', async () => {
    const page = await open(ARTICLE, { javaScriptEnabled: false });
    const href = await page.locator('header [data-search-open]').getAttribute('href');
    expect(href).toBe('/search/');
    await page.locator('header [data-search-open]').click();
    await page.waitForURL(/\/search\/$/);
    expect(await page.locator('main').innerText()).toContain('Search needs JavaScript');
    expect(await page.locator('.search-app').isVisible()).toBe(false);
    const categories = await page
      .locator('.search-browse a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(categories).toEqual(expect.arrayContaining(['/categories/crypto-basics/', '/categories/research/']));
  });

  it('keeps working once loaded when the network drops', async () => {
    const page = await open('search/?q=FastAPI');
    await pageStatus(page);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    offline = true;
    await context!.setOffline(true);
    await page.locator('#search-page-input').fill('pydantic');
    await expect.poll(() => pageStatus(page), { timeout: 15_000 }).toMatch(/^\d+ results? for “pydantic”/);
    expect(await page.locator('[data-search-form] a.search-result').count()).toBeGreaterThan(0);
    await context!.setOffline(false);
    offline = false;
    // Whatever else the browser tried while offline, search needed nothing more from the network.
    expect(failed.filter((p) => p.includes('/pagefind/') || p.includes('/_astro/'))).toEqual([]);
    if (failed.length > 0) console.log('offline, failed requests outside search:', failed);
  });

  it('made no request to another origin and logged no errors (CSP included)', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
