/**
 * A keyboard-only walk through an article: skip link, navigation, theme toggle,
 * search dialog, chart and newsletter form. Every control is reachable with
 * Tab and usable from the keyboard, and focus is always visible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { serveNewsletterBuild } from '../support/newsletter-build';

interface Focused {
  tag: string;
  text: string;
  visible: boolean;
}

/** What has focus, and whether it shows a focus indicator (outline or box-shadow). */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', visible: false };
    // The indicator may sit on the element or on a container styled with :focus-within (post cards).
    let visible = false;
    for (let node: Element | null = el, depth = 0; node && depth < 4 && !visible; node = node.parentElement, depth++) {
      const style = getComputedStyle(node);
      visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    }
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      visible,
    };
  });
}

async function tabUntil(page: Page, predicate: (f: Focused) => boolean, max = 40): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visible, `focus indicator on <${f.tag}> "${f.text}"`).toBe(true);
    if (predicate(f)) return f;
  }
  throw new Error('never reached the expected control with Tab');
}

describe.skipIf(!chromiumAvailable)('keyboard-only walk-through', () => {
  let context: BrowserContext;
  let page: Page;

  const site = serveInChromium(serveNewsletterBuild);
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${site.server.url}posts/top-crypto-narratives-2024/`, { waitUntil: 'networkidle' });
  });

  it('the first Tab reaches a visible skip link that moves focus to the content', async () => {
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip).toMatchObject({ tag: 'a', text: 'Skip to content', visible: true });
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('the navigation links are reachable, in order, with visible focus', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    await page.keyboard.press('Tab'); // the skip link again
    const labels: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.visible).toBe(true);
      labels.push(f.text);
    }
    expect(labels).toEqual(['Token Metrics Research', 'All posts', 'Crypto Basics', 'Research']);
  });

  it('the search button opens the dialog from the keyboard; arrows move through results; Escape returns focus', async () => {
    await tabUntil(page, (f) => f.text.startsWith('Search'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input') === true);
    await page.keyboard.type('fastapi');
    await page.waitForFunction(() => document.querySelectorAll('dialog[open] a[href*="/posts/"]').length >= 3);
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(
      () =>
        document.activeElement?.closest('dialog') !== null &&
        (document.activeElement?.getAttribute('aria-selected') === 'true' ||
          document.activeElement?.tagName === 'A' ||
          document.querySelector('dialog [aria-selected="true"]') !== null),
    );
    expect(active).toBe(true);
    // The dialog hands focus back in its 'close' event, a task after Escape; a Tab sent before it runs
    // lands on the toggle and is then pulled back to Search. Wait for the event, not the attribute.
    await page.evaluate(() => {
      const dialog = document.querySelector('dialog[open]')!;
      (window as unknown as { searchClosed: Promise<void> }).searchClosed = new Promise((resolve) =>
        dialog.addEventListener('close', () => resolve(), { once: true }),
      );
    });
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { searchClosed: Promise<void> }).searchClosed);
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect((await focused(page)).text).toMatch(/^Search/);
  });

  it('the theme toggle is the next stop and switches theme with Enter and Space', async () => {
    const toggle = await tabUntil(page, (f) => f.tag === 'button' && /theme/i.test(f.text), 3);
    expect(toggle.visible).toBe(true);
    const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'unset');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'unset');
    await page.keyboard.press('Enter');
    // A button acts on Space at keyup, which Chromium may deliver after press() resolves: poll, don't sample.
    await expect.poll(theme).not.toBe(before);
    const afterEnter = await theme();
    await page.keyboard.press('Space');
    await expect.poll(theme).not.toBe(afterEnter);
  });

  it('the chart controls and the chart itself are reachable; arrows announce a narrative', async () => {
    // Keyboard readers scroll too; once the figure nears the viewport the island replaces the static chart.
    await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('vote-chart canvas');
    await page.locator('figure.vote-chart figcaption').click();
    const bars = await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Bars');
    expect(bars.visible).toBe(true);
    await tabUntil(page, (f) => f.tag === 'canvas');
    const live = page.locator('vote-chart [data-live]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => live.textContent()).toMatch(/^[\w -]+: \d+\.\d% of votes, rank \d of 8$/);
    await page.keyboard.press('Home');
    await expect.poll(() => live.textContent()).toBe('DePIN: 30.2% of votes, rank 1 of 8');
  });

  it('the newsletter form is reachable and submits with Enter', async () => {
    await tabUntil(page, (f) => f.tag === 'input' && /email/i.test(f.text + ' email'), 80);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('email');
    await page.keyboard.type('reader@example.com');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[data-newsletter] .form-status[data-state="success"]');
  });
});
