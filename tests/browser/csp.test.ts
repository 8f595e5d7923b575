/**
 * The built site served with exactly the headers of its _headers file: the
 * strict CSP holds while the theme toggle, chart, search and newsletter all work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { serveNewsletterBuild } from '../support/newsletter-build';

describe.skipIf(!chromiumAvailable)('strict Content-Security-Policy from _headers', () => {
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  const site = serveInChromium(() => serveNewsletterBuild({ withHeaders: true }));
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
  });

  const collected = async () => [
    ...violations,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];

  it('pages are served with the CSP and the other security headers', async () => {
    const response = await page.goto(`${site.server.url}posts/top-crypto-narratives-2024/`, {
      waitUntil: 'networkidle',
    });
    const headers = response!.headers();
    // Exactly the origin, Pagefind's wasm and the inline scripts' hashes: no other script source.
    expect(headers['content-security-policy']).toMatch(
      /(^|; )script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*')+(;|$)/,
    );
    expect(headers['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['permissions-policy']).toBeTruthy();
    expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('hashed assets are immutable', async () => {
    const css = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')!.href);
    const response = await page.request.get(css);
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the theme toggle works', async () => {
    const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'unset');
    await page.locator('[data-theme-toggle]').click();
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).toMatch(/^(light|dark)$/);
    expect(after).not.toBe(before);
  });

  it('the chart island draws', async () => {
    await page.locator('figure').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('figure canvas', { timeout: 10_000 });
  });

  it('search finds results in the dialog (Pagefind WASM and worker under the CSP)', async () => {
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input') === true);
    await page.keyboard.type('DePIN');
    await page.waitForFunction(
      () => document.querySelectorAll('dialog[open] a[href*="/posts/"]').length > 0,
      undefined,
      { timeout: 10_000 },
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  });

  it('the newsletter form submits with fetch and shows success inline', async () => {
    await page.locator('form[data-newsletter] input[type=email]').fill('reader@example.com');
    await page.locator('form[data-newsletter] button[type=submit]').click();
    await page.waitForSelector('form[data-newsletter] .form-status[data-state="success"]');
  });

  it('no CSP violation happened along the way', async () => {
    expect(await collected()).toEqual([]);
  });
});
