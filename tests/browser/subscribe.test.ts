/**
 * /subscribe/ in Chromium, served with the site's _headers (so its strict CSP):
 * each copy button puts its feed's address on the clipboard and a polite live
 * region says "Copied"; without JavaScript the buttons stay hidden and the
 * addresses are plain links.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveInChromium } from '../support/served-site';
import { SITE } from '../../src/site.config';

describe.skipIf(!chromiumAvailable)('/subscribe/ copy buttons', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${site.server.url}subscribe/`, { waitUntil: 'networkidle' });
  });
  afterAll(() => context.close());

  it('shows one copy button per feed once its script has run', async () => {
    const buttons = page.locator('button[data-copy]');
    expect(await buttons.count()).toBe(6);
    for (const button of await buttons.all()) expect(await button.isVisible()).toBe(true);
  });

  it('copies the JSON Feed address of a category and announces "Copied"', async () => {
    const url = `${SITE.url}${SITE.base}categories/research/feed.json`;
    await page.getByRole('button', { name: 'Copy the JSON Feed address for Research' }).click();
    // Its name now starts "Copied", so it is found again by the address it copies.
    const button = page.locator(`button[data-copy="${url}"]`);
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await button.textContent()).toContain('Copied');
    const status = page.locator('[data-copy-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
  });

  it('a second copy is announced again and overwrites the clipboard', async () => {
    await page.getByRole('button', { name: 'Copy the RSS address for All posts' }).press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE.url}${SITE.base}rss.xml`);
    // Only the button that copied last says so.
    expect(await page.locator('button[data-state="copied"]').getAttribute('data-copy')).toBe(
      `${SITE.url}${SITE.base}rss.xml`,
    );
  });

  it('breaks no CSP rule', () => {
    expect(violations).toEqual([]);
  });

  it('without JavaScript, the addresses are links and no dead button shows', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noJs.newPage();
      await plain.goto(`${site.server.url}subscribe/`);
      expect(await plain.locator('button[data-copy]:visible').count()).toBe(0);
      expect(await plain.locator('a[href$="/feed.json"], a[href$="/rss.xml"]').count()).toBe(6);
    } finally {
      await noJs.close();
    }
  });
});
