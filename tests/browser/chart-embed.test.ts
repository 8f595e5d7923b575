/**
 * The embed page (issue 15, part 6), served with the headers of the built _headers file:
 * another origin frames /embed/<survey>/ and sees the chart drawn, while an article
 * refuses to be framed. The suggested <iframe> height holds the page without a scrollbar,
 * and the Embed control copies the snippet and says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveInChromium } from '../support/served-site';
import { embedFrameHeight } from '../../src/lib/chart/embed';

const SURVEY = 'moon-awards-2024-narratives';
const EMBED = `embed/${SURVEY}/`;
const ARTICLE = 'posts/top-crypto-narratives-2024/';
const ROWS = 9;

describe.skipIf(!chromiumAvailable)('vote chart embed page', () => {
  const dist = inject('mainDistDir');
  const site = serveInChromium(() => startStaticServer(dist));
  let other: Server;
  let otherOrigin = '';

  beforeAll(async () => {
    // A second origin (another port) hosting a page that frames the embed and the article.
    other = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><title>host</title><iframe id="f" src="${src}" width="600" height="${embedFrameHeight(ROWS)}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  it('the embed page is noindex, out of the sitemap and the search index, and links back to the article', () => {
    const html = readFileSync(join(dist, EMBED, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toMatch(new RegExp(`<a href="[^"]*/${ARTICLE}" target="_blank"[^>]*>Token Metrics Research</a>`));
    expect(html).toMatch(/<details class="vote-chart__data"[^>]*>\s*<summary[^>]*>Show the data table<\/summary>/);
    expect(html).toContain('Source: Token Metrics Moon Awards community survey');
    const sitemaps = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemaps).not.toContain('/embed/');
    expect(sitemaps).toContain(`/${ARTICLE}`);
  });

  it('another origin frames the embed page and the chart is drawn; an article refuses to be framed', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const embedResponse = await page.request.get(site.server.url + EMBED);
    expect(embedResponse.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(embedResponse.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(embedResponse.headers()['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(embedResponse.headers()['x-frame-options']).toBeUndefined();
    const articleResponse = await page.request.get(site.server.url + ARTICLE);
    expect(articleResponse.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(articleResponse.headers()['x-frame-options']).toBe('DENY');

    await page.goto(`${otherOrigin}/?src=${encodeURIComponent(site.server.url + EMBED)}`);
    const embed = page.frameLocator('#f');
    await embed.locator('vote-chart[data-ready] canvas').waitFor({ timeout: 15_000 });
    expect(await embed.locator('.vote-chart__takeaway').textContent()).toContain('DePIN leads');

    await page.goto(`${otherOrigin}/?src=${encodeURIComponent(site.server.url + ARTICLE)}`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame with its error page: none of the article is there.
    expect(
      await framed
        ?.locator('article, figure')
        .count()
        .catch(() => 0),
    ).toBe(0);
    await context.close();
  });

  it(`the suggested height (${embedFrameHeight(ROWS)} px) holds the embed page at 390 to 1280 px`, async () => {
    for (const width of [390, 600, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 400 } });
      const page = await context.newPage();
      await page.goto(site.server.url + EMBED, { waitUntil: 'networkidle' });
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`embed page at ${width}px: ${height}px tall; suggested ${embedFrameHeight(ROWS)}px`);
      expect(height, `${width}px`).toBeLessThanOrEqual(embedFrameHeight(ROWS));
      // Not much taller than needed either: at most 40% empty at the widest.
      expect(height, `${width}px`).toBeGreaterThanOrEqual(embedFrameHeight(ROWS) * 0.6);
      await context.close();
    }
  });

  it('the Embed control copies the snippet and announces it', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const page = await context.newPage();
    await page.goto(site.server.url + ARTICLE);
    await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
    await page.locator('.vote-chart__embed summary').click();
    const snippet = await page.locator('textarea[data-embed-code]').inputValue();
    expect(snippet).toMatch(new RegExp(`^<iframe src="[^"]+/${EMBED}" title="[^"]+" width="100%" height="\\d+"`));
    await page.locator('button[data-copy-embed]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-live]').textContent()).toBe('Embed code copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await context.close();
  });
});
