/**
 * Hostile content in a real browser: no injected script runs on any page, and
 * search shows the hostile strings as text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../support/build-site';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';

describe.skipIf(!chromiumAvailable)('hostile content in Chromium', () => {
  let page: Page;
  const dialogs: string[] = [];

  const site = serveInChromium(async () => {
    const result = await buildSite('hostile-browser', { CONTENT_DIR: 'tests/fixtures/hostile' });
    expect(result.ok, result.output).toBe(true);
    return startStaticServer(result.distDir);
  });
  beforeAll(async () => {
    page = await site.browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it.each([
    '',
    'posts/',
    'posts/script-breakout/',
    'posts/emoji-rtl/',
    'posts/very-long-title/',
    'tags/fish-and-chips/',
    'categories/research/',
  ])('no script runs on /%s', async (path) => {
    const response = await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    // A moved page would 404 and run nothing, passing for the wrong reason.
    expect(response?.status()).toBe(200);
    expect(dialogs).toEqual([]);
  });

  it('search results show hostile titles as text, with nothing executed', async () => {
    await page.goto(`${site.server.url}search/?q=hostilemarker`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelectorAll('main a[href*="/posts/"]').length >= 3, undefined, {
      timeout: 15_000,
    });
    const titles = await page.locator('main a[href*="/posts/"]').allTextContents();
    expect(titles.join('\n')).toContain('</script><script>alert(1)</script>');
    expect(titles.join('\n')).toContain('مرحبا بالعالم');
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
