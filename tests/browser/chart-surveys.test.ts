/**
 * The vote chart for any survey: a fixture content folder (tests/fixtures/chart-surveys) holds a
 * 3-entry survey with a custom remainder label and a 15-entry survey that adds up to exactly 100%.
 * Each builds with its downloads and card, and in Chromium the island mounts without moving the
 * picture, the keyboard tooltip stays off the active mark, the doughnut's key names every slice,
 * and the URL restores the view.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { buildSite } from '../support/build-site';
import { serveInChromium } from '../support/served-site';
import { surveySchema } from '../../src/lib/chart/survey-schema';
import { deriveSurvey, formatShare, surveyToCsv } from '../../src/lib/chart/survey';
import { sliceColours } from '../../src/lib/chart/palette';
import { expectDownloadsCarryCredit } from '../support/chart-downloads';

const FIXTURE = 'tests/fixtures/chart-surveys';
const surveys = [
  { id: 'three-way-poll', post: 'posts/three-way-poll/' },
  { id: 'fifteen-themes', post: 'posts/fifteen-themes/' },
].map((s) => ({
  ...s,
  view: deriveSurvey(
    s.id,
    surveySchema.parse(
      JSON.parse(readFileSync(join(import.meta.dirname, `../../${FIXTURE}/surveys/${s.id}.json`), 'utf8')),
    ),
  ),
}));

type Host = HTMLElement & {
  chart?: { config: { type: string }; data: { datasets: { backgroundColor: string[]; data: number[] }[] } };
};

describe.skipIf(!chromiumAvailable)('vote chart for any survey (3 and 15 entries)', () => {
  let context: BrowserContext | undefined;
  let distDir = '';
  const site = serveInChromium(async () => {
    const result = await buildSite('chart-surveys', { CONTENT_DIR: FIXTURE });
    expect(result.ok, result.output).toBe(true);
    distDir = result.distDir;
    return startStaticServer(result.distDir);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  it('the fixtures have 3 and 15 entries, one with a remainder and one without', () => {
    expect(surveys.map((s) => s.view.ranked.length)).toEqual([3, 15]);
    expect(surveys.map((s) => s.view.rows.length)).toEqual([4, 15]);
  });

  for (const { id, post, view } of surveys) {
    it(`${view.ranked.length} entries: each download carries the survey name, source and licence`, async () => {
      await expectDownloadsCarryCredit(distDir, view);
    });

    it(`${view.ranked.length} entries: every derived file is built from the survey`, () => {
      expect(readFileSync(join(distDir, `data/${id}.csv`), 'utf8')).toBe(surveyToCsv(view));
      expect(JSON.parse(readFileSync(join(distDir, `data/${id}.json`), 'utf8')).entries).toHaveLength(
        view.ranked.length,
      );
      expect(existsSync(join(distDir, `og/${id}.png`))).toBe(true);
      const html = readFileSync(join(distDir, post, 'index.html'), 'utf8');
      expect(html).toContain('og:image:alt');
      expect(html).toContain(view.summary.replace(/&/g, '&amp;'));
      expect([...html.matchAll(/<rect /g)]).toHaveLength(view.rows.length);
    });

    it(`${view.ranked.length} entries: the island mounts without moving the picture, keys and URL work`, async () => {
      for (const width of [390, 1280]) {
        context = await site.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(/vote-chart-island/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(site.server.url + post, { waitUntil: 'load' });
        const stage = page.locator('[data-stage]');
        await stage.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
        await page.evaluate(() => document.fonts.ready);
        const before = PNG.sync.read(await stage.screenshot());
        release();
        await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const after = PNG.sync.read(await stage.screenshot());
        const differing = pixelmatch(before.data, after.data, undefined, before.width, before.height, {
          threshold: 0.1,
        });
        // The same threshold as tests/browser/chart.test.ts: at most 0.5% of the figure's pixels.
        expect(differing / (before.width * before.height), `${width}px`).toBeLessThanOrEqual(0.005);
        expect(await page.locator('.vote-chart__summary').textContent()).toBe(view.summary);
        expect(await page.locator('input[data-remainder]').count()).toBe(view.remainder.tenths > 0 ? 1 : 0);

        // The keyboard walks every row; the tooltip never overlaps the active bar or its value.
        await page.locator('vote-chart canvas').focus();
        for (let i = 0; i < view.rows.length; i++) {
          if (i > 0) await page.keyboard.press('ArrowDown');
          await expect.poll(() => page.locator('vote-chart').getAttribute('data-active')).toBe(String(i));
          const clear = await page.evaluate((index) => {
            const host = document.querySelector<Host>('vote-chart')!;
            const bar = (
              host.chart as unknown as { getDatasetMeta(i: number): { data: { x: number; y: number }[] } }
            ).getDatasetMeta(0).data[index]!;
            const canvas = host.querySelector('canvas')!.getBoundingClientRect();
            const tip = host.querySelector('.vote-chart__tip')!.getBoundingClientRect();
            const top = tip.top - canvas.top;
            const bottom = tip.bottom - canvas.top;
            const left = tip.left - canvas.left;
            // Bar and value label: from zero to 60 px past the bar's end, over the bar's height.
            return left >= bar.x + 6 || bottom <= bar.y - 8.5 || top >= bar.y + 8.5;
          }, i);
          expect(clear, `${width}px row ${i}`).toBe(true);
        }
        const row = view.rows.length - 1;
        await expect.poll(() => page.locator('[data-live]').textContent()).toContain(view.rows[row]!.name);

        // Doughnut: one colour per slice, neighbours distinct, every slice in the key.
        await page.click('button[data-view="doughnut"]');
        await page.waitForSelector('vote-chart[data-view="doughnut"] [data-legend]:not([hidden])');
        const colours = await page.evaluate(
          () => document.querySelector<Host>('vote-chart')!.chart!.data.datasets[0]!.backgroundColor,
        );
        expect(colours).toEqual(sliceColours(view.rows));
        expect(await page.locator('[data-legend] button').allTextContents()).toEqual(
          view.rows.map((r) => `${r.name}${formatShare(r.tenths)}`),
        );
        const key = view.ranked[1]!.name.toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-');
        expect(new URL(page.url()).searchParams.get('chart')).toBe('doughnut');
        await page.goto(site.server.url + post + `?chart=doughnut&focus=${key}`, { waitUntil: 'networkidle' });
        await page.locator('[data-stage]').scrollIntoViewIfNeeded();
        await page.waitForSelector(`[data-legend] button[value="${key}"][aria-pressed="true"]`, { timeout: 15_000 });
        expect(errors).toEqual([]);
        await context.close();
        context = undefined;
      }
    });
  }
});
