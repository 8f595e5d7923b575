/**
 * The vote chart in Chromium, over the real build: lazy loading, tooltips,
 * keyboard and live region, jumps to sections, view switch, the Not-listed
 * toggle, theme redraws, JavaScript off, and the CSV download.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { surveySchema } from '../../src/lib/chart/survey-schema';
import { deriveSurvey, surveyToCsv } from '../../src/lib/chart/survey';

const SURVEY = 'moon-awards-2024-narratives';
const ARTICLE = 'posts/top-crypto-narratives-2024/';
const data = surveySchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, `../../src/content/surveys/${SURVEY}.json`), 'utf8')),
);
const view = deriveSurvey(SURVEY, data);

interface ChartLike {
  config: { type: string };
  data: { labels: string[]; datasets: { backgroundColor: string[] }[] };
  options: { animation: unknown };
  tooltip: { opacity: number; title: string[]; getActiveElements(): { index: number }[] };
  getActiveElements(): { index: number }[];
  getDatasetMeta(i: number): { data: { x: number; y: number; base?: number }[] };
  canvas: HTMLCanvasElement | null;
}
/** <vote-chart> exposes its Chart.js instance (src/components/chart/VoteChart.astro). */
type VoteChartHost = HTMLElement & { chart?: ChartLike };

describe.skipIf(!chromiumAvailable)('vote chart in Chromium', () => {
  let context: BrowserContext;

  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));

  const islandRequests = () => site.server.requests.filter((r) => /vote-chart-island/.test(r.path));

  async function openArticle(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    context = await site.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      ...options,
    });
    const page = await context.newPage();
    await page.goto(site.server.url + ARTICLE, { waitUntil: 'networkidle' });
    return page;
  }

  async function showChart(page: Page): Promise<void> {
    await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
    await page.waitForFunction(() => !!document.querySelector<VoteChartHost>('vote-chart')?.chart);
    // The figure is taller than the viewport (it holds the table); bring the canvas itself into view.
    await page.locator('[data-stage]').evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  }

  const chartState = (page: Page) =>
    page.evaluate(() => {
      const c = document.querySelector<VoteChartHost>('vote-chart')!.chart!;
      return {
        type: c.config.type,
        labels: c.data.labels,
        colours: c.data.datasets[0]!.backgroundColor,
        active: c.getActiveElements().map((e) => e.index),
        tooltip: c.tooltip.opacity > 0 && c.tooltip.getActiveElements().length > 0 ? c.tooltip.title.join(' ') : '',
        animation: c.options.animation,
      };
    });

  it('loads and draws only when the figure nears the viewport, in the same box', async () => {
    const page = await openArticle();
    try {
      const before = site.server.requests.length;
      await page.waitForTimeout(500);
      expect(islandRequests()).toHaveLength(0);
      expect(await page.locator('vote-chart canvas').count()).toBe(0);
      expect(await page.locator('vote-chart[data-ready]').count()).toBe(0);
      const box = await page.locator('[data-stage]').boundingBox();
      const figureBox = await page.locator('figure.vote-chart').boundingBox();

      await showChart(page);
      expect(site.server.requests.slice(before).some((r) => /vote-chart-island/.test(r.path))).toBe(true);
      expect(await page.locator('vote-chart canvas').count()).toBe(1);
      const after = await page.locator('[data-stage]').boundingBox();
      const canvasBox = await page.locator('vote-chart canvas').boundingBox();
      expect(after!.height).toBe(box!.height);
      expect(after!.width).toBe(box!.width);
      expect((await page.locator('figure.vote-chart').boundingBox())!.height).toBe(figureBox!.height);
      expect(Math.abs(canvasBox!.height - box!.height)).toBeLessThan(1);
      expect(await page.locator('svg.vc-svg').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
      expect(await page.locator('button[data-view="bar"]').isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows a tooltip on hover', async () => {
    const page = await openArticle();
    try {
      await showChart(page);
      await page.waitForTimeout(500); // let the entry animation settle
      const point = await page.evaluate(() => {
        const el = document.querySelector<VoteChartHost>('vote-chart')!.chart!.getDatasetMeta(0).data[0]!;
        return { x: (el.x + el.base!) / 2, y: el.y };
      });
      const canvas = (await page.locator('vote-chart canvas').boundingBox())!;
      await page.mouse.move(canvas.x + point.x, canvas.y + point.y);
      await page.waitForFunction(() => {
        const c = document.querySelector<VoteChartHost>('vote-chart')!.chart!;
        return c.tooltip.opacity > 0 && c.tooltip.title.join('') === 'DePIN';
      });
      expect((await chartState(page)).tooltip).toBe('DePIN');
    } finally {
      await context.close();
    }
  });

  it('arrow keys move between narratives and update the live region; Enter jumps to the section', async () => {
    const page = await openArticle();
    try {
      await showChart(page);
      await page.locator('vote-chart canvas').focus();
      const live = page.locator('[data-live]');
      await expect.poll(() => live.textContent()).toBe('DePIN: 30.2% of votes, rank 1 of 8');
      expect((await chartState(page)).active).toEqual([0]);
      expect((await chartState(page)).tooltip).toBe('DePIN');

      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toBe('AI: 18.8% of votes, rank 2 of 8');
      expect((await chartState(page)).active).toEqual([1]);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');

      await page.keyboard.press('End');
      await expect.poll(() => live.textContent()).toBe('Not listed: 3.8% of votes, not one of the listed narratives');
      await page.keyboard.press('ArrowDown'); // wraps to the top
      await expect.poll(() => live.textContent()).toBe('DePIN: 30.2% of votes, rank 1 of 8');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => live.textContent()).toBe('Data availability: 1.3% of votes, rank 8 of 8');

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#data-availability');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-availability');
      // The page scrolls (smoothly, unless reduced motion) to the heading.
      await expect
        .poll(async () => (await page.locator('#data-availability').boundingBox())!.y, { timeout: 5000 })
        .toBeLessThan(200);
      expect((await page.locator('#data-availability').boundingBox())!.y).toBeGreaterThanOrEqual(-1);
    } finally {
      await context.close();
    }
  });

  it('a click on a bar jumps to its section', async () => {
    const page = await openArticle({ reducedMotion: 'reduce' });
    try {
      await showChart(page);
      const point = await page.evaluate(() => {
        const el = document.querySelector<VoteChartHost>('vote-chart')!.chart!.getDatasetMeta(0).data[2]!;
        return { x: (el.x + el.base!) / 2, y: el.y };
      });
      const canvas = (await page.locator('vote-chart canvas').boundingBox())!;
      await page.mouse.click(canvas.x + point.x, canvas.y + point.y);
      await page.waitForFunction(() => location.hash === '#gaming-gamefi');
    } finally {
      await context.close();
    }
  });

  it('switches between bars and a doughnut, and toggles "Not listed"', async () => {
    const page = await openArticle();
    try {
      await showChart(page);
      expect((await chartState(page)).type).toBe('bar');
      expect((await chartState(page)).labels).toHaveLength(9);

      await page.click('button[data-view="doughnut"]');
      await expect.poll(async () => (await chartState(page)).type).toBe('doughnut');
      expect(await page.getAttribute('button[data-view="doughnut"]', 'aria-pressed')).toBe('true');
      expect(await page.getAttribute('button[data-view="bar"]', 'aria-pressed')).toBe('false');
      expect((await chartState(page)).labels).toEqual(view.rows.map((r) => r.name));

      await page.uncheck('input[data-remainder]');
      await expect.poll(async () => (await chartState(page)).labels).toEqual(view.ranked.map((r) => r.name));
      expect((await chartState(page)).type).toBe('doughnut');

      await page.click('button[data-view="bar"]');
      await expect.poll(async () => (await chartState(page)).type).toBe('bar');
      expect((await chartState(page)).labels).toHaveLength(8);
      expect((await chartState(page)).labels).not.toContain('Not listed');

      await page.check('input[data-remainder]');
      await expect.poll(async () => (await chartState(page)).labels).toContain('Not listed');
    } finally {
      await context.close();
    }
  });

  it('redraws with the new colours when the theme changes', async () => {
    const page = await openArticle({ colorScheme: 'light', reducedMotion: 'reduce' });
    try {
      await showChart(page);
      const pixel = () =>
        page.evaluate(() => {
          const c = document.querySelector<VoteChartHost>('vote-chart')!.chart!;
          const el = c.getDatasetMeta(0).data[0]!;
          const canvas = c.canvas!;
          const scale = canvas.width / canvas.getBoundingClientRect().width;
          const [r, g, b] = canvas
            .getContext('2d')!
            .getImageData(Math.round(((el.x + el.base!) / 2) * scale), Math.round(el.y * scale), 1, 1).data;
          return `rgb(${r}, ${g}, ${b})`;
        });
      expect((await chartState(page)).colours[0]).toBe('rgb(31, 111, 209)'); // --chart-bar, light
      expect(await pixel()).toBe('rgb(31, 111, 209)');

      await page.click('[data-theme-toggle]');
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      await expect.poll(async () => (await chartState(page)).colours[0]).toBe('rgb(95, 162, 245)'); // --chart-bar, dark
      await expect.poll(pixel).toBe('rgb(95, 162, 245)');
      expect((await chartState(page)).colours.at(-1)).toBe('rgb(140, 151, 163)'); // --chart-bar-muted, dark

      await page.click('[data-theme-toggle]');
      await expect.poll(pixel).toBe('rgb(31, 111, 209)');
    } finally {
      await context.close();
    }
  });

  it('follows an OS colour-scheme change when no theme is stored', async () => {
    const page = await openArticle({ colorScheme: 'light', reducedMotion: 'reduce' });
    try {
      await showChart(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(async () => (await chartState(page)).colours[0]).toBe('rgb(95, 162, 245)');
    } finally {
      await context.close();
    }
  });

  it('does not animate under prefers-reduced-motion', async () => {
    const page = await openArticle({ reducedMotion: 'reduce' });
    try {
      await showChart(page);
      expect((await chartState(page)).animation).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('destroys the chart when the element leaves the page', async () => {
    const page = await openArticle();
    try {
      await showChart(page);
      const destroyed = await page.evaluate(() => {
        const host = document.querySelector<VoteChartHost>('vote-chart')!;
        const chart = host.chart!;
        host.remove();
        return chart.canvas === null;
      });
      expect(destroyed).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript disabled the SVG, the table and the data links are visible', async () => {
    const page = await openArticle({ javaScriptEnabled: false });
    try {
      await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
      const svg = page.locator('svg.vc-svg');
      expect(await svg.isVisible()).toBe(true);
      expect((await svg.boundingBox())!.height).toBeGreaterThan(200);
      expect(await svg.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      expect(await page.locator('.vote-chart__table').isVisible()).toBe(true);
      expect(await page.locator('.vote-chart__table tbody tr').count()).toBe(9);
      expect(await page.locator('.vote-chart__controls').isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'CSV' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'JSON' }).isVisible()).toBe(true);
      expect(await page.getByRole('img', { name: 'Which crypto narrative will lead in 2024?' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the CSV download matches the data', async () => {
    const page = await openArticle({ javaScriptEnabled: false });
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${SURVEY}.csv`);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv).toBe(surveyToCsv(view));
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(view.rows.length + 1);
      for (const entry of data.entries)
        expect(lines).toContain(
          `${entry.rank},${entry.name},${entry.label ?? entry.name},${entry.share.toFixed(1)},${entry.section}`,
        );
    } finally {
      await context.close();
    }
  });

  it('a page without a chart loads no chart code', async () => {
    context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const before = site.server.requests.length;
      await page.goto(site.server.url + 'posts/fast-reliable-apis-with-fastapi/', { waitUntil: 'networkidle' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      const paths = site.server.requests.slice(before).map((r) => r.path);
      expect(paths.some((p) => /VoteChart|vote-chart/.test(p))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the home page draws the featured chart card from a thumbnail, not the 1200 px PNG', async () => {
    for (const { width, deviceScaleFactor, expected } of [
      { width: 390, deviceScaleFactor: 1, expected: `${SURVEY}-600w.png` },
      { width: 390, deviceScaleFactor: 3, expected: `${SURVEY}-900w.png` },
      { width: 1000, deviceScaleFactor: 1, expected: `${SURVEY}-600w.png` },
      { width: 1280, deviceScaleFactor: 1, expected: `${SURVEY}-600w.png` },
      { width: 1280, deviceScaleFactor: 2, expected: `${SURVEY}.png` },
    ]) {
      context = await site.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor });
      try {
        const page = await context.newPage();
        const before = site.server.requests.length;
        await page.goto(site.server.url, { waitUntil: 'networkidle' });
        const image = page.locator('img.featured__image');
        const { currentSrc, complete, naturalWidth, renderedWidth } = await image.evaluate((img: HTMLImageElement) => ({
          currentSrc: img.currentSrc,
          complete: img.complete,
          naturalWidth: img.naturalWidth,
          renderedWidth: img.getBoundingClientRect().width,
        }));
        expect(currentSrc.endsWith(`/og/${expected}`), `${width} px at ${deviceScaleFactor}x drew ${currentSrc}`).toBe(
          true,
        );
        expect(complete).toBe(true);
        // With w descriptors, naturalWidth is the width `sizes` promised the browser; it must match the layout.
        expect(
          Math.abs(naturalWidth - renderedWidth),
          `sizes says ${naturalWidth} px, the slot is ${renderedWidth} px`,
        ).toBeLessThanOrEqual(2);
        const cards = site.server.requests.slice(before).filter((r) => r.path.includes('/og/'));
        expect(cards.map((r) => r.path.split('/').pop())).toEqual([expected]);
      } finally {
        await context.close();
      }
    }
  });
});
