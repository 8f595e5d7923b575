/**
 * No sideways scrolling on a narrow phone: a 200-character word (no spaces) in a
 * post's title, description, tag, headings, body, code and table
 * (tests/fixtures/long-words) wraps or scrolls inside its own box on every page
 * that shows it, in Chromium at 320 px wide.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { paths } from '../../src/lib/routes/paths';

/** The fixture's words: each unit repeated to exactly 200 characters. */
const longWord = (unit: string) => unit.repeat(Math.ceil(200 / unit.length)).slice(0, 200);
const TITLE_WORD = longWord('Selenotitle');
const LEDE_WORD = longWord('Selenolede');
const TAG = longWord('selenotag');
const BODY_WORD = longWord('Selenobody');
const HEADING_WORD = longWord('Selenoheading');
const CODE_WORD = longWord('selenocode');
const FENCE_WORD = longWord('selenofence');
const CELL_WORD = longWord('Selenocell');
const SECOND_TITLE_WORD = longWord('Craterstitle');
/** A short word next to the long ones in both bodies, so search finds them and the excerpt shows them. */
const SEARCH_WORD = 'regolithmarker';

const POST = paths.post('long-words');
const VIEWPORT = { width: 320, height: 640 };

interface Sideways {
  /** document scrollWidth minus clientWidth: 0 when the page cannot scroll sideways. */
  sideways: number;
  /** When it can: the innermost elements reaching past the right edge, to say what to fix. */
  culprits: string[];
}

/** How far the page scrolls sideways, and which elements or text push it. */
function measureSideways(page: Page): Promise<Sideways> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const sideways = root.scrollWidth - root.clientWidth;
    if (sideways <= 0) return { sideways: 0, culprits: [] };
    const edge = root.clientWidth + 0.5;
    const name = (el: Element) => el.tagName.toLowerCase() + [...el.classList].map((c) => `.${c}`).join('');
    const describe = (el: Element, right: number) =>
      `${el.parentElement ? `${name(el.parentElement)} > ` : ''}${name(el)} reaches ${Math.round(right)} px`;
    const culprits = new Set<string>();
    // Overflowing text sticks out of a box that keeps its width, so text runs are measured, not only boxes.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && culprits.size < 8; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > edge) culprits.add(describe(node.parentElement, right));
    }
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (
        culprits.size < 8 &&
        right > edge &&
        ![...el.children].some((child) => child.getBoundingClientRect().right > edge)
      )
        culprits.add(describe(el, right));
    }
    return { sideways, culprits: [...culprits] };
  });
}

describe.skipIf(!chromiumAvailable)('no sideways scrolling at 320 px with 200-character words', () => {
  let context: BrowserContext | undefined;
  const problems: string[] = [];

  const site = serveInChromium(async () => {
    const result = await buildSite('long-words', { CONTENT_DIR: 'tests/fixtures/long-words' });
    expect(result.ok, result.output).toBe(true);
    return startStaticServer(result.distDir);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function open(path: string): Promise<Page> {
    context = await site.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  /** The page shows the long words it should (so a pass is not a page without them) and does not scroll sideways. */
  async function expectNoSidewaysScroll(page: Page, words: string[]): Promise<void> {
    const text = await page.locator('body').textContent();
    for (const word of words) expect(text, `${page.url()} should show ${word.slice(0, 12)}…`).toContain(word);
    expect(await measureSideways(page), page.url()).toEqual({ sideways: 0, culprits: [] });
  }

  it('the post page: title, description, tag, heading, body, code span, fenced code, table cell', async () => {
    const page = await open(POST);
    await expectNoSidewaysScroll(page, [
      TITLE_WORD,
      LEDE_WORD,
      TAG,
      BODY_WORD,
      HEADING_WORD,
      CODE_WORD,
      FENCE_WORD,
      CELL_WORD,
      SECOND_TITLE_WORD,
    ]);
  });

  it.each([
    ['home', paths.home()],
    ['the post list', paths.posts()],
    ['the category page', paths.category('research')],
    ['the author page', paths.author('token-metrics-team')],
  ])('%s', async (_name, path) => {
    const page = await open(path);
    await expectNoSidewaysScroll(page, [TITLE_WORD, LEDE_WORD, SECOND_TITLE_WORD]);
  });

  it('the tag page of the long tag', async () => {
    const page = await open(paths.tag(TAG));
    expect(await page.locator('main h1').textContent()).toBe(`#${TAG}`);
    await expectNoSidewaysScroll(page, [TITLE_WORD, SECOND_TITLE_WORD]);
  });

  it(`/search/?q=${SEARCH_WORD} once the results have rendered`, async () => {
    const page = await open(`${paths.search()}?q=${SEARCH_WORD}`);
    await expect.poll(() => page.locator('[data-search-form] a.search-result').count(), { timeout: 15_000 }).toBe(2);
    await expectNoSidewaysScroll(page, [TITLE_WORD, SECOND_TITLE_WORD]);
  });

  it('the search dialog open with results', async () => {
    // Opened over the 404 page, which shows no long word itself: only the dialog's results can push.
    const page = await open('no-such-page/');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-search-dialog][open]');
    await page.locator('[data-search-dialog] input').fill(SEARCH_WORD);
    await expect.poll(() => page.locator('[data-search-dialog] a.search-result').count(), { timeout: 15_000 }).toBe(2);
    const dialogText = await page.locator('[data-search-dialog]').textContent();
    expect(dialogText).toContain(TITLE_WORD);
    expect(dialogText).toContain(SECOND_TITLE_WORD);
    await expectNoSidewaysScroll(page, []);
    // The dialog sits in the top layer, outside the page's scroll width: it must fit the viewport
    // and neither it nor its result list may scroll sideways.
    const dialog = await page.locator('[data-search-dialog]').evaluate((el) => {
      const list = el.querySelector('[data-search-results]')!;
      return {
        insideViewport: el.getBoundingClientRect().right <= document.documentElement.clientWidth,
        dialogSideways: el.scrollWidth - el.clientWidth,
        resultsSideways: list.scrollWidth - list.clientWidth,
      };
    });
    expect(dialog).toEqual({ insideViewport: true, dialogSideways: 0, resultsSideways: 0 });
  });

  it('no page raised an error', () => {
    expect(problems).toEqual([]);
  });
});
