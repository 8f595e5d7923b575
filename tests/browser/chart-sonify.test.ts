/**
 * The vote chart's Play control (issue 15, part 8): nothing loads or sounds before the
 * press; the press builds one AudioContext, plays one tone per narrative in rank order
 * and the live region names each as it sounds; Stop ends it.
 */
import { describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { serveInChromium } from '../support/served-site';

const ARTICLE = 'posts/top-crypto-narratives-2024/';

describe.skipIf(!chromiumAvailable)('vote chart sonification', () => {
  const site = serveInChromium(() => startStaticServer(inject('mainDistDir')));

  it('Play announces the narratives in rank order, AudioContext only after the press, Stop stops', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as {
        __audio: { contexts: number; tones: number[] };
        AudioContext: typeof AudioContext;
      };
      w.__audio = { contexts: 0, tones: [] };
      const Native = w.AudioContext;
      w.AudioContext = class extends Native {
        constructor(options?: AudioContextOptions) {
          super(options);
          w.__audio.contexts++;
        }
      };
      const NativeOscillator = OscillatorNode;
      (window as unknown as { OscillatorNode: typeof OscillatorNode }).OscillatorNode = class extends NativeOscillator {
        constructor(ctx: BaseAudioContext, options?: OscillatorOptions) {
          super(ctx, options);
          w.__audio.tones.push(options?.frequency ?? 0);
        }
      };
    });
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.goto(site.server.url + ARTICLE, { waitUntil: 'networkidle' });
    await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('vote-chart[data-ready]', { timeout: 15_000 });
    await page.waitForTimeout(500);
    const audio = () =>
      page.evaluate(() => (window as unknown as { __audio: { contexts: number; tones: number[] } }).__audio);
    expect((await audio()).contexts).toBe(0);
    expect(chunks.filter((u) => /vote-chart-sonify/.test(u))).toEqual([]);

    const play = page.locator('button[data-play]');
    await play.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => play.textContent()).toBe('Stop');
    expect(chunks.filter((u) => /vote-chart-sonify/.test(u))).toHaveLength(1);
    const heard: string[] = [];
    const live = page.locator('vote-chart [data-live]');
    for (const name of ['DePIN', 'AI', 'GameFi']) {
      await expect.poll(() => live.textContent(), { timeout: 5_000 }).toMatch(new RegExp(`^${name}:`));
      heard.push((await live.textContent())!);
    }
    expect(heard).toEqual([
      'DePIN: 30.2% of votes, rank 1 of 8',
      'AI: 18.8% of votes, rank 2 of 8',
      'GameFi: 14.4% of votes, rank 3 of 8',
    ]);
    const { contexts, tones } = await audio();
    expect(contexts).toBe(1);
    // One tone per row (8 narratives and Not listed), pitch falling with the ranking.
    expect(tones).toHaveLength(9);
    expect(tones.slice(0, 8)).toEqual([...tones.slice(0, 8)].sort((a, b) => b - a));

    await page.keyboard.press('Enter');
    await expect.poll(() => play.textContent()).toBe('Play');
    const after = await live.textContent();
    await page.waitForTimeout(2_000);
    expect(await live.textContent()).toBe(after);
    await context.close();
  });
});
