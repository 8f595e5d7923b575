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
import { deriveSurvey, formatShare, surveyToCsv } from '../../src/lib/chart/survey';
import { sliceColours } from '../../src/lib/chart/palette';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const SURVEY = 'moon-awards-2024-narratives';
const ARTICLE = 'posts/top-crypto-narratives-2024/';
const data = surveySchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, `../../src/content/surveys/${SURVEY}.json`), 'utf8')),
);
const view = deriveSurvey(SURVEY, data);

interface ChartLike {
  config: { type: string };
  data: { labels: string[]; datasets: { backgroundColor: string[]; data: number[] }[] };
  options: { animation: unknown };
  getDatasetMeta(i: number): { data: { x: number; y: number; base?: number }[] };
  canvas: HTMLCanvasElement | null;
  width: number;
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

  /** The chart's state as a reader meets it: Chart.js's data, the highlighted row, the tooltip's title. */
  const chartState = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector<VoteChartHost>('vote-chart')!;
      const c = host.chart!;
      const tip = host.querySelector<HTMLElement>('.vote-chart__tip');
      const active = Number(host.dataset.active ?? -1);
      return {
        type: c.config.type,
        labels: c.data.labels,
        values: c.data.datasets[0]!.data,
        colours: c.data.datasets[0]!.backgroundColor,
        active: active >= 0 ? [active] : [],
        tooltip: tip && !tip.hidden ? (tip.querySelector('strong')?.textContent ?? '') : '',
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
      await expect.poll(async () => (await chartState(page)).tooltip).toBe('DePIN');
      expect((await chartState(page)).active).toEqual([0]);
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
      // The ring still draws 100% of votes: "Not listed" stays as an empty arc, named in the key.
      await expect.poll(async () => (await chartState(page)).colours.at(-1)).toBe('transparent');
      expect((await chartState(page)).labels).toEqual(view.rows.map((r) => r.name));
      expect((await chartState(page)).values.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
      expect((await chartState(page)).type).toBe('doughnut');
      expect(await page.locator('[data-legend] li').last().textContent()).toBe('Not listed3.8%, empty arc');

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
      // Nor when the view changes.
      await page.click('button[data-view="doughnut"]');
      await expect.poll(async () => (await chartState(page)).type).toBe('doughnut');
      expect((await chartState(page)).animation).toBe(false);
      await page.uncheck('input[data-remainder]');
      await expect.poll(async () => (await chartState(page)).colours.at(-1)).toBe('transparent');
      expect((await chartState(page)).animation).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the canvas draws what the SVG drew: pixel comparison of the figure before and after mount', async () => {
    // Threshold: pixelmatch's per-pixel colour threshold 0.1, and at most 0.5% of the figure's pixels may
    // differ (measured: 0.004% at 390 px, 0.04% at 1280 px, anti-aliasing of a few value labels).
    // One row moved by a pixel, or type a size off, changes several percent.
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        try {
          const page = await context.newPage();
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          await page.route(/vote-chart-island/, async (route) => {
            await held;
            await route.continue();
          });
          await page.goto(site.server.url + ARTICLE, { waitUntil: 'load' });
          const stage = page.locator('[data-stage]');
          await stage.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await page.evaluate(() => document.fonts.ready);
          expect(await page.locator('vote-chart canvas').count()).toBe(0);
          const before = PNG.sync.read(await stage.screenshot());
          release();
          await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
          await page.evaluate(() => new Promise(requestAnimationFrame));
          expect(await page.locator('vote-chart canvas').count()).toBe(1);
          const after = PNG.sync.read(await stage.screenshot());
          expect([after.width, after.height]).toEqual([before.width, before.height]);
          const differing = pixelmatch(before.data, after.data, undefined, before.width, before.height, {
            threshold: 0.1,
          });
          const share = differing / (before.width * before.height);
          console.info(`${colorScheme} ${width}px: ${differing} px differ (${(share * 100).toFixed(3)}%)`);
          expect(share).toBeLessThanOrEqual(0.005);
        } finally {
          await context.close();
        }
      }
    }
  });

  it('the bars use the column width at 1280 px', async () => {
    const page = await openArticle();
    try {
      await showChart(page);
      const column = await page.locator('figure.vote-chart').evaluate((el) => el.getBoundingClientRect().width);
      const canvas = (await page.locator('vote-chart canvas').boundingBox())!;
      expect(column).toBeGreaterThan(600);
      expect(canvas.width).toBeCloseTo(column, 0);
      const table = (await page.locator('.vote-chart__table').boundingBox())!;
      expect(canvas.width).toBeCloseTo(table.width, 0);
      // The longest bar spans 30.2 / 40 of the plot.
      const top = await page.evaluate(
        () => document.querySelector<VoteChartHost>('vote-chart')!.chart!.getDatasetMeta(0).data[0]!.x,
      );
      expect(top / canvas.width).toBeCloseTo(30.2 / 40, 2);
    } finally {
      await context.close();
    }
  });

  it('the keyboard tooltip never covers the active bar, its value or its name', async () => {
    for (const width of [390, 1280]) {
      const page = await openArticle({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      try {
        await showChart(page);
        await page.locator('vote-chart canvas').focus();
        for (let i = 0; i < view.rows.length; i++) {
          if (i > 0) await page.keyboard.press('ArrowDown');
          await expect.poll(async () => (await chartState(page)).active).toEqual([i]);
          const overlap = await page.evaluate((index) => {
            const host = document.querySelector<VoteChartHost>('vote-chart')!;
            const chart = host.chart!;
            const bar = chart.getDatasetMeta(0).data[index]!;
            const canvas = chart.canvas!;
            const origin = canvas.getBoundingClientRect();
            const ctx = canvas.getContext('2d')!;
            ctx.font = `700 14px ${getComputedStyle(host).fontFamily}`;
            const valueEnd = bar.x + 6 + ctx.measureText(host.querySelectorAll('.vc-value')[index]!.textContent).width;
            ctx.font = `15px ${getComputedStyle(host).fontFamily}`;
            const nameEnd = ctx.measureText(host.querySelectorAll('.vc-name')[index]!.textContent).width;
            // The mark: the bar with its value label, and its name on the line above.
            const barTop = bar.y - 8.5;
            const marks = [
              { left: 0, right: valueEnd, top: barTop, bottom: barTop + 17 },
              { left: 0, right: nameEnd, top: barTop - 20, bottom: barTop - 1 },
            ];
            const r = host.querySelector('.vote-chart__tip')!.getBoundingClientRect();
            const tip = {
              left: r.left - origin.left,
              right: r.right - origin.left,
              top: r.top - origin.top,
              bottom: r.bottom - origin.top,
            };
            const visible = !host.querySelector<HTMLElement>('.vote-chart__tip')!.hidden && r.width > 0;
            const intersects = marks.some(
              (mark) =>
                tip.left < mark.right && tip.right > mark.left && tip.top < mark.bottom && tip.bottom > mark.top,
            );
            const mark = marks;
            return { visible, intersects, tip, mark };
          }, i);
          expect(overlap.visible, `${width}px row ${i}`).toBe(true);
          expect(overlap.intersects, `${width}px row ${i}: ${JSON.stringify(overlap)}`).toBe(false);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('the doughnut has a distinct colour per narrative and a keyboard-reachable key', async () => {
    const page = await openArticle({ reducedMotion: 'reduce' });
    try {
      await showChart(page);
      await page.click('button[data-view="doughnut"]');
      await expect.poll(async () => (await chartState(page)).type).toBe('doughnut');
      const colours = (await chartState(page)).colours;
      expect(colours).toEqual(sliceColours(view.rows));
      expect(new Set(colours).size).toBe(view.rows.length);
      const key = page.locator('[data-legend] button');
      expect(await key.allTextContents()).toEqual(view.rows.map((r) => `${r.name}${formatShare(r.tenths)}`));
      // Tab from the view switch reaches the canvas, then the key.
      await page.locator('vote-chart canvas').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('DePIN30.2%');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => key.nth(1).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('[data-live]').textContent()).toBe('AI: 18.8% of votes, rank 2 of 8');
      expect(new URL(page.url()).searchParams.get('focus')).toBe('ai');
    } finally {
      await context.close();
    }
  });

  it('restores the view from the URL, and "Copy link" gives it', async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + ARTICLE + '?chart=doughnut&unlisted=hide&focus=ai', {
        waitUntil: 'networkidle',
      });
      await showChart(page);
      await expect.poll(async () => (await chartState(page)).type).toBe('doughnut');
      expect(await page.isChecked('input[data-remainder]')).toBe(false);
      expect(await page.getAttribute('button[data-view="doughnut"]', 'aria-pressed')).toBe('true');
      expect((await chartState(page)).active).toEqual([1]);
      expect(await page.getAttribute('[data-legend] button[value="ai"]', 'aria-pressed')).toBe('true');

      await page.click('button[data-view="bar"]');
      await expect.poll(() => new URL(page.url()).search).toBe('?unlisted=hide&focus=ai');
      await page.click('button[data-copy-link]');
      await expect.poll(() => page.locator('[data-live]').textContent()).toBe('Link to this view copied.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`${site.server.url}${ARTICLE}?unlisted=hide&focus=ai`);
    } finally {
      await context.close();
    }
  });

  it('falls back to the default view on unknown or hostile URL values', async () => {
    for (const query of [
      '?chart=%3Cscript%3Ealert(1)%3C/script%3E&unlisted=maybe&focus=__proto__',
      '?chart=pie&focus=constructor',
      '?focus=not-listed&unlisted=hide',
    ]) {
      context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(site.server.url + ARTICLE + query, { waitUntil: 'networkidle' });
        await showChart(page);
        expect((await chartState(page)).type, query).toBe('bar');
        expect((await chartState(page)).active, query).toEqual([]);
        expect(await page.isChecked('input[data-remainder]')).toBe(!query.includes('unlisted=hide'));
        expect(errors).toEqual([]);
        expect(new URL(page.url()).searchParams.has('focus'), query).toBe(false);
      } finally {
        await context.close();
      }
    }
  });

  it('stays readable in forced-colours mode: SVG, canvas and controls take the system colours', async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      await page.goto(site.server.url + ARTICLE, { waitUntil: 'networkidle' });
      const system = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.forcedColorAdjust = 'none';
        document.body.append(probe);
        const read = (c: string) => ((probe.style.color = c), getComputedStyle(probe).color);
        const out = { text: read('CanvasText'), bg: read('Canvas'), gray: read('GrayText') };
        probe.remove();
        return out;
      });
      expect(system.text).not.toBe(system.bg);
      // The static SVG, as before mount and without JavaScript.
      const fills = await page.evaluate(() =>
        [...document.querySelectorAll('.vc-bar, .vc-name')].map((el) => getComputedStyle(el).fill),
      );
      expect(new Set(fills)).toEqual(new Set([system.text, system.gray]));
      await showChart(page);
      const state = await chartState(page);
      expect(state.colours.slice(0, -1).every((c) => c === system.text)).toBe(true);
      expect(state.colours.at(-1)).toBe(system.gray);
      // The canvas really paints the system colour on the system background.
      const [bar, ground] = await page.evaluate(() => {
        const c = document.querySelector<VoteChartHost>('vote-chart')!.chart!;
        const el = c.getDatasetMeta(0).data[0]!;
        const ctx = c.canvas!.getContext('2d')!;
        const px = (x: number, y: number) => {
          const [r, g, b] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
          return `rgb(${r}, ${g}, ${b})`;
        };
        return [
          px((el.x + el.base!) / 2, el.y),
          getComputedStyle(c.canvas!.closest('main') ?? document.body).backgroundColor,
        ];
      });
      expect(bar).toBe(system.text);
      expect(ground).not.toBe(system.text);
      // Controls: text and background differ, the pressed view is marked by the system highlight.
      const pressed = await page.locator('button[data-view="bar"]').evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor };
      });
      expect(pressed.color).not.toBe(pressed.background);
      await page.locator('vote-chart canvas').focus();
      const tip = await page.locator('.vote-chart__tip').evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor };
      });
      expect(tip.color).not.toBe(tip.background);
    } finally {
      await context.close();
    }
  });

  it('prints the static figure and table only: no controls, no canvas, no gap', async () => {
    const page = await openArticle({ viewport: { width: 800, height: 1100 } });
    try {
      await showChart(page);
      await page.click('button[data-view="doughnut"]');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const figure = document.querySelector('figure.vote-chart')!;
        const shown = (sel: string) => {
          const el = figure.querySelector(sel);
          return !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
        };
        const svg = figure.querySelector('svg.vc-svg')!.getBoundingClientRect();
        const stage = figure.querySelector('[data-stage]')!.getBoundingClientRect();
        const previous = figure.previousElementSibling!.getBoundingClientRect();
        return {
          controls: shown('.vote-chart__controls'),
          canvas: shown('.vote-chart__canvas'),
          legend: shown('[data-legend]'),
          svg: shown('svg.vc-svg'),
          table: shown('.vote-chart__table'),
          summary: shown('.vote-chart__summary'),
          stageExtra: stage.height - svg.height,
          gapBefore: figure.getBoundingClientRect().top - previous.bottom,
        };
      });
      expect(printed).toMatchObject({
        controls: false,
        canvas: false,
        legend: false,
        svg: true,
        table: true,
        summary: true,
      });
      expect(printed.stageExtra).toBeLessThan(1);
      expect(printed.gapBefore).toBeLessThan(60);
      // Chromium's own print of the page: the figure is not pushed away from the text before it.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
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
      expect(await page.locator('.vote-chart__summary').textContent()).toBe(view.summary);
      expect(await page.locator('svg.vc-svg').getAttribute('aria-describedby')).toBe(
        await page.locator('.vote-chart__summary').getAttribute('id'),
      );
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
      // The three "#" credit lines (name, source, licence) come first; then the header and one line per row.
      const all = csv.trim().split('\r\n');
      expect(all.slice(0, 3).every((l) => l.startsWith('# '))).toBe(true);
      const lines = all.slice(3);
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
      // The chart's CSS is part of the site's one stylesheet (astro.config.mjs); no chart file is fetched.
      const chartCode = paths.filter((p) => /VoteChart|vote-chart/.test(p));
      expect(chartCode).toEqual([]);
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
