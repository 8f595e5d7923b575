/**
 * Code in the FastAPI posts as a phone reader meets it (390 px), in Chromium,
 * served with the site's _headers (the strict CSP): blocks scroll sideways and
 * never wrap, inline code never splits, the language label and colours are
 * legible in both themes, and the Copy button works from the keyboard, says
 * "Copied" through a live region, and exists only with JavaScript.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveInChromium } from '../support/served-site';

const POSTS = ['posts/building-high-performance-apis-with-fastapi/', 'posts/fast-reliable-apis-with-fastapi/'];
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumAvailable)('code blocks at 390 px', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir'), { withHeaders: true }));
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  /** Opens a post; unless `interact` is false, moves the pointer, which loads the Copy buttons (LoadOnInteraction). */
  async function open(
    path: string,
    {
      interact = true,
      ...options
    }: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; interact?: boolean } = {},
  ) {
    context = await site.browser.newContext({ viewport: PHONE, ...options });
    await context.addInitScript(() => {
      const found: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = found;
      document.addEventListener('securitypolicyviolation', (e) => found.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    if (interact && options.javaScriptEnabled !== false) {
      await page.mouse.move(5, 5);
      await page.waitForSelector('.code-copy', { state: 'attached' });
    }
    return page;
  }
  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it.each(POSTS)('%s: lines never wrap; long ones scroll inside the block, not the page', async (path) => {
    const page = await open(path);
    const blocks = await page.$$eval('.prose pre > code', (codes) =>
      codes.map((code) => {
        const style = getComputedStyle(code);
        const lines = code.textContent.replace(/\n$/, '').split('\n').length;
        const height = code.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return {
          whiteSpace: style.whiteSpace,
          overflowX: style.overflowX,
          renderedLines: Math.round(height / parseFloat(style.lineHeight)),
          lines,
          scrolls: code.scrollWidth > code.clientWidth,
        };
      }),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).toMatchObject({ whiteSpace: 'pre', overflowX: 'auto', renderedLines: block.lines });
    }
    // At 390 px the longest Python lines do not fit, so at least one block scrolls.
    expect(blocks.some((b) => b.scrolls)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    expect(await violations(page)).toEqual([]);
  });

  it.each(POSTS)('%s: inline code spans with a space stay on one line', async (path) => {
    const page = await open(path);
    const spans = await page.$$eval('.prose :not(pre) > code', (codes) =>
      codes
        .filter((code) => code.textContent.includes(' '))
        .map((code) => ({
          text: code.textContent,
          lines: Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight)),
        })),
    );
    expect(spans.map((s) => s.text)).toContain('async def');
    for (const span of spans) expect(span, span.text ?? '').toMatchObject({ lines: 1 });
  });

  it.each(['light', 'dark'] as const)(
    '%s theme: code colours, label and button reach 4.5:1 on the block',
    async (scheme) => {
      const page = await open(POSTS[0]!, { colorScheme: scheme });
      const lowest = await page.evaluate(() => {
        const rgb = (value: string) =>
          value
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number);
        const luminance = (value: string) => {
          const [r, g, b] = rgb(value).map((c) => {
            const s = c / 255;
            return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (hi! + 0.05) / (lo! + 0.05);
        };
        const pre = document.querySelector('.prose pre')!;
        const background = getComputedStyle(pre).backgroundColor;
        const samples: [string, string, string][] = [...pre.querySelectorAll('code, code span')].map((el) => [
          el.className || 'code',
          getComputedStyle(el).color,
          background,
        ]);
        samples.push(['label', getComputedStyle(pre, '::before').color, background]);
        const button = pre.querySelector('.code-copy')!;
        samples.push(['button', getComputedStyle(button).color, getComputedStyle(button).backgroundColor]);
        return samples
          .map(([name, fg, bg]) => ({ name, ratio: Math.round(ratio(fg, bg) * 100) / 100 }))
          .sort((a, b) => a.ratio - b.ratio)[0];
      });
      expect(lowest!.ratio, lowest!.name).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the label names the language above the block, with or without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open(POSTS[1]!, { javaScriptEnabled });
      const label = await page.$eval('.prose pre', (pre) => {
        const style = getComputedStyle(pre, '::before');
        return { content: style.content, transform: style.textTransform };
      });
      expect(label).toEqual({ content: '"python"', transform: 'uppercase' });
    }
  });

  it('the Copy buttons cost nothing before interaction: they arrive with the first pointer move', async () => {
    const page = await open(POSTS[1]!, { interact: false });
    expect(await page.locator('.code-copy').count()).toBe(0);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.code-copy').count()).toBeGreaterThan(0);
  });

  it('without JavaScript there is no Copy button', async () => {
    const page = await open(POSTS[1]!, { javaScriptEnabled: false });
    expect(await page.locator('.prose pre').count()).toBeGreaterThan(0);
    expect(await page.locator('.code-copy').count()).toBe(0);
  });

  it('Copy works from the keyboard, puts the code on the clipboard and announces "Copied"', async () => {
    const page = await open(POSTS[1]!);
    await context!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const button = page.locator('.prose pre .code-copy').first();
    await expect.poll(() => button.textContent()).toBe('Copy');
    expect(await page.locator('.copy-status[role="status"]').textContent()).toBe('');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.copy-status[role="status"]').textContent()).toBe('Copied');
    expect(await button.textContent()).toBe('Copied');
    const expected = await page.locator('.prose pre > code').first().textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(expected).toContain('\n    status: str\n');
    // The next stop is the code itself, which scrolls with the arrow keys.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('.prose pre > code'))).toBe(true);
    await expect.poll(() => button.textContent(), { timeout: 5_000 }).toBe('Copy');
    expect(await violations(page)).toEqual([]);
  });
});
