/**
 * The home page's featured chart card in Chromium: the light render on a light
 * page and the dark render on a dark one, whether the OS or the theme toggle
 * decides, and no second card fetched when they agree.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';

describe.skipIf(!chromiumAvailable)('featured chart card follows the theme', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));

  const visibleCard = () =>
    [...document.querySelectorAll<HTMLImageElement>('.featured__media img')]
      .filter((img) => img.getBoundingClientRect().width > 0)
      .map((img) => ({ src: img.currentSrc, complete: img.complete, naturalWidth: img.naturalWidth }));

  it.each([
    { os: 'light', stored: null, dark: false, fetches: 1 },
    { os: 'dark', stored: null, dark: true, fetches: 1 },
    { os: 'light', stored: 'light', dark: false, fetches: 1 },
    { os: 'dark', stored: 'dark', dark: true, fetches: 1 },
    // The toggle contradicts the OS: the swapped twin shows; the hidden eager image may still have been fetched.
    { os: 'light', stored: 'dark', dark: true, fetches: 2 },
    { os: 'dark', stored: 'light', dark: false, fetches: 2 },
  ] as const)('OS $os, toggle $stored: the dark render is shown: $dark', async ({ os, stored, dark, fetches }) => {
    let context: BrowserContext | undefined;
    try {
      context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: os });
      if (stored) await context.addInitScript((theme) => localStorage.setItem('theme', theme), stored);
      const page = await context.newPage();
      const before = site.server.requests.length;
      await page.goto(site.server.url, { waitUntil: 'networkidle' });
      // A busy machine can still be decoding at networkidle: wait for the shown image to be drawn.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLImageElement>('.featured__media img')].some(
            (img) => img.getBoundingClientRect().width > 0 && img.complete && img.naturalWidth > 0,
          ),
        undefined,
        { timeout: 15_000 },
      );
      const shown = await page.evaluate(visibleCard);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.src.includes('/og/dark/'), shown[0]!.src).toBe(dark);
      expect(shown[0]!.complete && shown[0]!.naturalWidth > 0).toBe(true);
      const cards = site.server.requests.slice(before).filter((r) => r.path.includes('/og/'));
      expect(cards.length, cards.map((r) => r.path).join(', ')).toBeLessThanOrEqual(fetches);
    } finally {
      await context?.close();
    }
  });

  it('the theme toggle swaps the card without a reload', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url, { waitUntil: 'networkidle' });
      expect((await page.evaluate(visibleCard))[0]!.src).not.toContain('/og/dark/');
      await page.locator('[data-theme-toggle]').first().click();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLImageElement>('.featured__media img')].some(
            (img) => img.getBoundingClientRect().width > 0 && img.currentSrc.includes('/og/dark/') && img.complete,
          ),
        undefined,
        { timeout: 10_000 },
      );
      const shown = await page.evaluate(visibleCard);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.src).toContain('/og/dark/');
    } finally {
      await context.close();
    }
  });
});
