import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { CARD_COLOURS, layoutCard, type CardContent } from '../../../src/lib/social/card-layout';
import { cardFonts, renderCardPng } from '../../../src/lib/social/card-png';
import { cachedPng } from '../../../src/lib/social/card-cache';
import { postCard } from '../../../src/lib/social/cards';
import { prefetchSocialCards, socialCardPng, startSocialCardDrawing } from '../../../src/lib/social/social-card';
import { bundleCardWorker } from '../../../scripts/build.mjs';
import { pinChartFont } from '../../../src/lib/chart/chart-png';

const logoSvg = readFileSync(resolve(import.meta.dirname, '../../../src/assets/brand/logo.svg'), 'utf8');
const site = { name: 'Token Metrics Research', host: 'research.example.com', fallbackTitle: 'Independent research.' };
const hostileTitles = readdirSync(resolve(import.meta.dirname, '../../fixtures/hostile/posts')).map((file) => {
  const source = readFileSync(resolve(import.meta.dirname, '../../fixtures/hostile/posts', file), 'utf8');
  return JSON.parse(/^title: (.*)$/m.exec(source)![1]!) as string;
});
const card = (title: string, extra: Partial<CardContent> = {}): CardContent => ({
  ...postCard({ title, deck: '', category: 'Engineering', author: 'Token Metrics Team', date: 'February 25, 2025' }),
  ...extra,
});

/** Pixels of a rectangle that differ from the card background. */
async function inkIn(png: Buffer, area: { left: number; top: number; width: number; height: number }) {
  const { data, info } = await sharp(png).extract(area).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = [0xfb, 0xfb, 0xf9];
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 6) ink++;
  }
  return ink;
}

describe('renderCardPng', () => {
  const { covers } = cardFonts();

  it.each([...hostileTitles, 'W'.repeat(300), `${'مرحبا بالعالم '.repeat(20)}`, '漢字だけのタイトル'])(
    'draws a 1200×630 PNG whose text stays inside its boxes: %s',
    async (title) => {
      const longBy = { byline: `By ${'A Very Long Author Name '.repeat(6)}` };
      const png = await renderCardPng(layoutCard(card(title, longBy), site, CARD_COLOURS, covers), logoSvg);
      expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
      // Side margins below the accent bar, the band between the text and the rule, and the bottom margin.
      expect(await inkIn(png, { left: 0, top: 12, width: 60, height: 618 })).toBe(0);
      expect(await inkIn(png, { left: 1140, top: 12, width: 60, height: 618 })).toBe(0);
      expect(await inkIn(png, { left: 0, top: 474, width: 1200, height: 24 })).toBe(0);
      expect(await inkIn(png, { left: 0, top: 600, width: 1200, height: 30 })).toBe(0);
      // The title area is not empty: something was drawn there, even for a title the font cannot draw.
      expect(await inkIn(png, { left: 80, top: 218, width: 1040, height: 120 })).toBeGreaterThan(500);
    },
  );

  it('writes a palette PNG, and falls back to RGB when a logo brings more than 256 colours', async () => {
    const spec = layoutCard(card('Palette or RGB, the same card'), site, CARD_COLOURS, covers);
    const gradientLogo = logoSvg
      .replace(
        '<rect',
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#0a58b0"/><stop offset="1" stop-color="#e0317a"/></linearGradient></defs><rect',
      )
      .replace('fill="#0a58b0"', 'fill="url(#g)"');
    const palette = await renderCardPng(spec, logoSvg);
    const rgb = await renderCardPng(spec, gradientLogo);
    expect(await sharp(palette).metadata()).toMatchObject({ isPalette: true, width: 1200, height: 630 });
    expect(await sharp(rgb).metadata()).toMatchObject({ isPalette: false, width: 1200, height: 630 });
    // The texts, away from the logo, match within half a coverage step (4 of 255 for dark text on the light ground).
    const area = { left: 0, top: 150, width: 1200, height: 480 };
    const [a, b] = await Promise.all(
      [palette, rgb].map((png) => sharp(png).extract(area).removeAlpha().raw().toBuffer()),
    );
    let worst = 0;
    for (let i = 0; i < a!.length; i++) worst = Math.max(worst, Math.abs(a![i]! - b![i]!));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('draws the same bytes for the same card (the cache relies on it)', async () => {
    const spec = layoutCard(card('Same input, same bytes'), site, CARD_COLOURS, covers);
    expect((await renderCardPng(spec, logoSvg)).equals(await renderCardPng(spec, logoSvg))).toBe(true);
  });
});

describe('card cache', () => {
  it('draws a card once; the second request reads it back without drawing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(Buffer.from('png bytes'));
    };
    const key = 'a'.repeat(64);
    expect(await cachedPng(dir, key, render)).toEqual({ png: Buffer.from('png bytes'), rendered: true });
    expect(await cachedPng(dir, key, render)).toEqual({ png: Buffer.from('png bytes'), rendered: false });
    expect(renders).toBe(1);
    expect(readdirSync(dir)).toEqual([`${key}.png`]);
  });

  it('refuses a key that is not a hash, so no key can name a path outside the folder', async () => {
    await expect(cachedPng(tmpdir(), '../../etc/passwd', () => Promise.resolve(Buffer.alloc(0)))).rejects.toThrow(
      /not a sha256/,
    );
  });

  it('socialCardPng: an edited title draws a new card, an unchanged one is read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const cardSite = { ...site, colours: CARD_COLOURS, logoSvg };
    const first = await socialCardPng(card('Cached title'), cardSite, dir);
    const again = await socialCardPng(card('Cached title'), cardSite, dir);
    const edited = await socialCardPng(card('Edited title'), cardSite, dir);
    expect([first.rendered, again.rendered, edited.rendered]).toEqual([true, false, true]);
    expect(again.png.equals(first.png)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('prefetchSocialCards draws cards into the cache ahead of the route, which then reads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const cardSite = { ...site, colours: CARD_COLOURS, logoSvg };
    const contents = ['First prefetched', 'Second prefetched', 'Third prefetched'].map((title) => card(title));
    await prefetchSocialCards([...contents, contents[0]!], cardSite, dir, { concurrency: 2 });
    expect(readdirSync(dir)).toHaveLength(3);
    const served = await Promise.all(contents.map((content) => socialCardPng(content, cardSite, dir)));
    expect(served.map((s) => s.rendered)).toEqual([false, false, false]);
  });

  it('a card asked for while it is being prefetched is drawn once, and the route gets its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const cardSite = { ...site, colours: CARD_COLOURS, logoSvg };
    const prefetched = prefetchSocialCards([card('In flight')], cardSite, dir, { concurrency: 1 });
    const served = await socialCardPng(card('In flight'), cardSite, dir);
    await prefetched;
    expect(served.rendered).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(served.png.equals(readFileSync(join(dir, readdirSync(dir)[0]!)))).toBe(true);
  });

  it('a card that fails to draw in the prefetch fails where the route asks for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const broken = { ...site, colours: CARD_COLOURS, logoSvg: '<svg not closed' };
    await expect(prefetchSocialCards([card('Broken logo')], broken, dir, { concurrency: 1 })).resolves.toBeUndefined();
    await expect(socialCardPng(card('Broken logo'), broken, dir)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('social cards drawn in a low-priority child process (npm run build)', () => {
  // Inside the project, as scripts/build.mjs writes it, so the bundle's `sharp` import resolves.
  const bundleDir = resolve(import.meta.dirname, `../../../node_modules/.cache/site-test-${process.pid}`);
  let workerFile = '';
  const cardSite = { ...site, colours: CARD_COLOURS, logoSvg };

  beforeAll(async () => {
    workerFile = await bundleCardWorker(join(bundleDir, 'card-worker.mjs'));
  }, 60_000);
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('draws the same bytes as the build thread, and the route reads them back without drawing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const contents = ['Worker first', 'Worker second'].map((title) => card(title));
    const prefetched = prefetchSocialCards([...contents, contents[0]!], cardSite, dir, { workerFile });
    // Asked for while the process draws: the route waits for it instead of drawing a second copy.
    const served = await Promise.all(contents.map((content) => socialCardPng(content, cardSite, dir)));
    await prefetched;
    expect(served.map((s) => s.rendered)).toEqual([false, false]);
    expect(readdirSync(dir)).toHaveLength(2);
    const fonts = cardFonts();
    for (const [i, content] of contents.entries()) {
      const onThisThread = await renderCardPng(layoutCard(content, cardSite, CARD_COLOURS, fonts.covers), logoSvg);
      expect(served[i]!.png.equals(onThisThread)).toBe(true);
    }
  });

  it('takes cards as they become known: a drawing fed in batches draws each once, and the route reads them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const drawing = startSocialCardDrawing(cardSite, dir, { workerFile });
    const contents = ['Batch one', 'Batch two', 'Batch three'].map((title) => card(title));
    expect(drawing.add(contents.slice(0, 1))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A card already queued is not queued twice.
    expect(drawing.add([...contents.slice(0, 1), ...contents.slice(1)])).toBe(2);
    const finished = drawing.finish();
    const served = await Promise.all(contents.map((content) => socialCardPng(content, cardSite, dir)));
    await finished;
    expect(served.map((s) => s.rendered)).toEqual([false, false, false]);
    expect(readdirSync(dir)).toHaveLength(3);
    // Drawn already: a later drawing queues none of them.
    const again = startSocialCardDrawing(cardSite, dir, { workerFile });
    expect(again.add(contents)).toBe(0);
    await again.finish();
  });

  it('the card process leaves the fonts this process pinned alone: files FreeType maps here are never rewritten', async () => {
    const fontFiles = readdirSync(join(dirname(pinChartFont()), 'fonts')).map((file) =>
      join(dirname(pinChartFont()), 'fonts', file),
    );
    const before = fontFiles.map((file) => [statSync(file).ino, statSync(file).mtimeMs]);
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    await prefetchSocialCards([card('Fonts untouched')], cardSite, dir, { workerFile });
    expect(readdirSync(dir)).toHaveLength(1);
    expect(fontFiles.map((file) => [statSync(file).ino, statSync(file).mtimeMs])).toEqual(before);
  });

  it('a card the process cannot draw fails where the route asks for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const broken = { ...site, colours: CARD_COLOURS, logoSvg: '<svg not closed' };
    const prefetched = prefetchSocialCards([card('Broken on the worker')], broken, dir, { workerFile });
    await expect(socialCardPng(card('Broken on the worker'), broken, dir)).rejects.toThrow();
    await expect(prefetched).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a process that cannot start leaves every card to its route', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    const missing = join(bundleDir, 'no-such-worker.mjs');
    const prefetched = prefetchSocialCards([card('No worker')], cardSite, dir, { workerFile: missing });
    const served = await socialCardPng(card('No worker'), cardSite, dir);
    await prefetched;
    expect(served.rendered).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
