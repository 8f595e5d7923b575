/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in Chromium over every page type,
 * light and dark, 390 and 1280 px wide. Zero violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium, type ServedSite } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveNewsletterBuild } from '../support/newsletter-build';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Scenario {
  name: string;
  path: string;
  /** Brings the page into the state under test. */
  prepare?: (page: Page) => Promise<void>;
}

const scenarios: Scenario[] = [
  { name: 'home', path: '' },
  { name: 'article', path: 'posts/fast-reliable-apis-with-fastapi/' },
  {
    name: 'chart article, chart drawn',
    path: 'posts/top-crypto-narratives-2024/',
    prepare: async (page) => {
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('canvas', { timeout: 10_000 });
    },
  },
  // Vote chart states (issue 15): the doughnut with its key, the URL-restored view, forced colours.
  {
    name: 'chart article, doughnut with "Not listed" hidden and a narrative selected',
    path: 'posts/top-crypto-narratives-2024/?chart=doughnut&unlisted=hide&focus=ai',
    prepare: async (page) => {
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('vote-chart[data-ready][data-view="doughnut"]', { timeout: 10_000 });
      await page.waitForSelector('[data-legend] button[aria-pressed="true"]', { timeout: 10_000 });
    },
  },
  {
    name: 'chart article, keyboard focus on the chart with its tooltip',
    path: 'posts/top-crypto-narratives-2024/',
    prepare: async (page) => {
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 10_000 });
      await page.locator('vote-chart canvas').focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForSelector('.vote-chart__tip:not([hidden])', { timeout: 10_000 });
    },
  },
  {
    name: 'chart article, forced colours',
    path: 'posts/top-crypto-narratives-2024/',
    prepare: async (page) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 10_000 });
      await page.click('button[data-view="doughnut"]');
      await page.waitForSelector('vote-chart[data-view="doughnut"] [data-legend]:not([hidden])', { timeout: 10_000 });
    },
  },
  // Issue 15, parts 6: the embed page with its table unfolded, and the article's Embed control open.
  {
    name: 'chart embed page, table shown',
    path: 'embed/moon-awards-2024-narratives/',
    prepare: async (page) => {
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 10_000 });
      await page.locator('.vote-chart__data summary').click();
    },
  },
  {
    name: 'chart article, Embed control open',
    path: 'posts/top-crypto-narratives-2024/',
    prepare: async (page) => {
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 10_000 });
      await page.locator('.vote-chart__embed summary').click();
    },
  },
  {
    name: 'chart article, ranking playing (Play pressed)',
    path: 'posts/top-crypto-narratives-2024/',
    prepare: async (page) => {
      await page.locator('figure').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('vote-chart[data-ready]', { timeout: 10_000 });
      await page.locator('button[data-play]').click();
      await page.waitForFunction(() => document.querySelector('button[data-play]')?.textContent === 'Stop');
    },
  },
  { name: 'post list', path: 'posts/' },
  { name: 'category', path: 'categories/research/' },
  { name: 'tag', path: 'tags/fastapi/' },
  { name: 'tags index', path: 'tags/' },
  { name: 'author', path: 'authors/token-metrics-team/' },
  {
    name: 'search with results',
    path: 'search/?q=fastapi',
    prepare: async (page) => {
      await page.waitForFunction(() => document.querySelectorAll('main a[href*="/posts/"]').length >= 3, undefined, {
        timeout: 10_000,
      });
    },
  },
  {
    name: 'search dialog open',
    path: 'posts/',
    prepare: async (page) => {
      await page.keyboard.press('Control+k');
      await page.waitForSelector('dialog[open]', { timeout: 10_000 });
      await page.keyboard.type('depin');
      await page.waitForFunction(
        () => document.querySelectorAll('dialog[open] a[href*="/posts/"]').length > 0,
        undefined,
        { timeout: 10_000 },
      );
    },
  },
  {
    name: 'newsletter success',
    path: 'posts/fast-reliable-apis-with-fastapi/',
    prepare: (page) => submitNewsletter(page, 'reader@example.com', 'success'),
  },
  {
    name: 'newsletter error',
    path: 'posts/fast-reliable-apis-with-fastapi/',
    prepare: (page) => submitNewsletter(page, 'fail@example.com', 'error'),
  },
  {
    name: 'newsletter invalid email',
    path: 'posts/fast-reliable-apis-with-fastapi/',
    prepare: (page) => submitNewsletter(page, 'not-an-email', 'error'),
  },
  { name: '404', path: 'no-such-page/' },
  { name: 'subscribe', path: 'subscribe/' },
  {
    name: 'subscribe, a link just copied',
    path: 'subscribe/',
    prepare: async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.locator('button[data-copy]').first().click();
      await page.waitForSelector('button[data-copy][data-state="copied"]');
    },
  },
];

async function submitNewsletter(page: Page, email: string, state: 'success' | 'error'): Promise<void> {
  const form = page.locator('form[data-newsletter]');
  await form.locator('input[type=email]').fill(email);
  await form.locator('button[type=submit]').click();
  await page.waitForSelector(`form[data-newsletter] .form-status[data-state="${state}"]`, { timeout: 10_000 });
}

/** axe's violations on one page, in one scheme and width. */
async function violationsOn(
  site: ServedSite,
  { path, prepare }: Scenario,
  scheme: 'light' | 'dark',
  width: number,
): Promise<unknown[]> {
  // axe is injected through DevTools, which the page's CSP does not govern.
  const context = await site.browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: scheme,
    bypassCSP: true,
  });
  const page = await context.newPage();
  try {
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    await prepare?.(page);
    await page.evaluate(axeSource);
    return await page.evaluate(
      async ({ tags }) => {
        const result = await (
          window as unknown as {
            axe: {
              run: (
                ctx: Document,
                opts: object,
              ) => Promise<{
                violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
              }>;
            };
          }
        ).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        }));
      },
      { tags: TAGS },
    );
  } finally {
    await context.close();
  }
}

describe.skipIf(!chromiumAvailable)('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const site = serveInChromium(serveNewsletterBuild);

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      it.each(scenarios)(`${scheme} ${width}px: $name has 0 violations`, async (scenario) => {
        expect(await violationsOn(site, scenario, scheme, width)).toEqual([]);
      });
    }
  }
});

// The site as built without a newsletter endpoint: articles offer the feeds in the end matter instead of a form.
const withoutNewsletter: Scenario[] = [
  {
    name: 'article with previous, next and feeds',
    path: 'posts/building-high-performance-apis-with-fastapi-async-patterns/',
  },
  { name: 'article alone in its category', path: 'posts/top-crypto-narratives-2024/' },
  { name: 'tags index', path: 'tags/' },
];

describe.skipIf(!chromiumAvailable)('accessibility without a newsletter endpoint (axe-core, WCAG 2.2 AA)', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      it.each(withoutNewsletter)(`${scheme} ${width}px: $name has 0 violations`, async (scenario) => {
        expect(await violationsOn(site, scenario, scheme, width)).toEqual([]);
      });
    }
  }
});
