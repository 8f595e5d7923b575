/**
 * Navigation for long reads in Chromium, on the flagship article: the list
 * beside the text marks the section being read as the reader scrolls; phones
 * get it folded in a <details>; the link beside each heading is reached with
 * Tab and leads to its section; and without JavaScript every part of it still
 * works as plain links.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveInChromium } from '../support/served-site';

const ARTICLE = 'posts/top-crypto-narratives-2024/';
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The entries marked aria-current in the visible list, by link text. */
const currentEntries = (page: Page) =>
  page.$$eval('.toc a[aria-current]', (links) =>
    links.filter((link) => link.checkVisibility()).map((link) => link.textContent?.trim()),
  );

/** Scrolls so `id`'s heading sits just above the reading line, at once (no smooth scrolling in a test). */
async function readSection(page: Page, id: string): Promise<void> {
  await page.evaluate((target) => {
    const heading = document.getElementById(target)!;
    window.scrollTo({ top: heading.getBoundingClientRect().top + window.scrollY - 100, behavior: 'instant' });
  }, id);
}

describe.skipIf(!chromiumAvailable)('navigation for long reads', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  const open = async (viewport: { width: number; height: number }, options: { javaScriptEnabled?: boolean } = {}) => {
    context = await site.browser.newContext({ viewport, reducedMotion: 'reduce', ...options });
    const page = await context.newPage();
    await page.goto(site.server.url + ARTICLE, { waitUntil: 'networkidle' });
    return page;
  };

  it('wide screens: the list stays beside the text and marks the section being read as the reader scrolls', async () => {
    const page = await open(WIDE);
    const aside = page.locator('nav.toc--aside');
    await expect.poll(() => aside.isVisible()).toBe(true);
    expect(await page.locator('details.toc--inline').isVisible()).toBe(false);
    // Above the first section nothing is marked.
    expect(await currentEntries(page)).toEqual([]);

    await readSection(page, 'why-narratives-matter');
    await expect.poll(() => currentEntries(page)).toEqual(['Why narratives matter']);
    await readSection(page, 'real-world-assets-rwa');
    await expect.poll(() => currentEntries(page)).toEqual(['Real World Assets (RWA)']);
    // Back up: the mark follows.
    await readSection(page, 'gaming-gamefi');
    await expect.poll(() => currentEntries(page)).toEqual(['Gaming (GameFi)']);

    // Sticky: the list is on screen deep into the article, beside the text column and clear of it.
    const [list, prose, figure] = await Promise.all([
      aside.boundingBox(),
      page.locator('.prose').boundingBox(),
      page.locator('figure.vote-chart').boundingBox(),
    ]);
    expect(list!.y).toBeGreaterThanOrEqual(0);
    expect(list!.y + list!.height).toBeLessThanOrEqual(WIDE.height);
    expect(list!.x).toBeGreaterThanOrEqual(prose!.x + prose!.width);
    expect(list!.x).toBeGreaterThanOrEqual(figure!.x + figure!.width);
    expect(list!.x + list!.width).toBeLessThanOrEqual(WIDE.width);
  });

  it('wide screens: the list ends with the body, before the end matter', async () => {
    const page = await open(WIDE);
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
    const list = await page.locator('nav.toc--aside').boundingBox();
    const prose = await page.locator('.prose').boundingBox();
    expect(list!.y + list!.height).toBeLessThanOrEqual(prose!.y + prose!.height + 1);
  });

  it('phones: the list is folded in a <details> above the body, and its links lead to their sections', async () => {
    const page = await open(PHONE);
    const details = page.locator('details.toc--inline');
    expect(await page.locator('nav.toc--aside').isVisible()).toBe(false);
    expect(await details.isVisible()).toBe(true);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const summary = await details.locator('summary').boundingBox();
    const body = await page.locator('.prose').boundingBox();
    expect(summary!.y).toBeLessThan(body!.y);

    await details.locator('summary').click();
    await details.getByRole('link', { name: 'Modularity' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#modularity');
    const heading = await page.locator('#modularity').boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(PHONE.height / 3);
    await expect.poll(() => currentEntries(page)).toEqual(['Modularity']);
    // No sideways scrolling with the list open.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
  });

  it('the link beside a heading is reached with Tab, shows focus, and leads to its section', async () => {
    const page = await open(WIDE);
    // Start from the last link of the list beside the text; the body's first heading link is soon after.
    await page.locator('nav.toc--aside .back-to-top a').focus();
    let label = '';
    for (let i = 0; i < 10 && !label.startsWith('Link to section'); i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(label).toBe('Link to section: What are crypto narratives?');
    const anchor = page.locator(':focus');
    expect(await anchor.isVisible()).toBe(true);
    expect(await anchor.evaluate((a) => getComputedStyle(a, '::before').content)).toBe('"#"');
    expect(await anchor.evaluate((a) => getComputedStyle(a).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#what-are-crypto-narratives');
  });

  it('smooth scrolling only for readers who have not asked for reduced motion', async () => {
    const reduced = await open(WIDE);
    expect(await reduced.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await context!.close();
    context = await site.browser.newContext({ viewport: WIDE, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    await page.goto(site.server.url + ARTICLE);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });

  it.each([
    ['wide', WIDE],
    ['phone', PHONE],
  ] as const)('without JavaScript (%s), every part works as plain links', async (_, viewport) => {
    const page = await open(viewport, { javaScriptEnabled: false });
    const list = page.locator(viewport === PHONE ? 'details.toc--inline' : 'nav.toc--aside');
    if (viewport === PHONE) await list.locator('summary').click();
    await list.getByRole('link', { name: 'Data Availability' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#data-availability');
    expect((await page.locator('#data-availability').boundingBox())!.y).toBeLessThan(viewport.height / 3);
    // Nothing marks a section without the script.
    expect(await page.locator('.toc a[aria-current]').count()).toBe(0);

    await page.getByRole('link', { name: 'Link to section: Conclusion' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#conclusion');

    await page.locator('.back-to-top a').filter({ visible: true }).first().click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});
