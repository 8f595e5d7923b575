/**
 * Draws a CardSpec as a PNG with sharp: every text is laid out by Pango
 * (libvips' text input: real shaping, bidi for Arabic and Hebrew, wrapping,
 * autofit), in DejaVu Sans pinned through the same fontconfig setup as the
 * chart card (src/lib/chart/chart-png.ts), so a card looks the same on every
 * machine. fontkit reads the TTFs' character maps so that graphemes the font
 * lacks are dropped instead of drawn as empty boxes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import { CARD_FONT_FILES, pinChartFont, shippedFontDir } from '../chart/chart-png';
import { CARD_FONT_FAMILY } from '../chart/chart-svg';
import type { CardSpec, TextBox } from './card-layout';
import { pangoSpan, type GlyphCoverage } from './card-text';

export interface CardFonts {
  covers: GlyphCoverage;
  /** Hash of the font files' bytes: part of every card's cache key. */
  digest: string;
}

let fonts: CardFonts | undefined;

/** The pinned fonts' coverage and digest, read once per process. */
export function cardFonts(fontDir = shippedFontDir()): CardFonts {
  if (fonts) return fonts;
  pinChartFont(fontDir);
  const hash = createHash('sha256');
  const faces = CARD_FONT_FILES.map((file) => {
    const bytes = readFileSync(join(fontDir, file));
    hash.update(bytes);
    const face = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in face)) throw new Error(`${file}: expected one font face, found a collection`);
    return face;
  });
  const memo = new Map<number, boolean>();
  const covers: GlyphCoverage = (codePoint) => {
    let known = memo.get(codePoint);
    if (known === undefined) {
      known = faces.every((face) => face.hasGlyphForCodePoint(codePoint));
      memo.set(codePoint, known);
    }
    return known;
  };
  fonts = { covers, digest: hash.digest('hex') };
  return fonts;
}

/** Versions of everything that draws the pixels, for the cache key. */
export function rendererVersions(): Record<string, string | undefined> {
  return { sharp: sharp.versions.sharp, vips: sharp.versions.vips, pango: sharp.versions.pango };
}

interface DrawnText {
  input: Buffer;
  raw: { width: number; height: number; channels: 4 };
  left: number;
  top: number;
}

/**
 * One text box as an RGBA image no larger than the box: tried at its
 * preferred size; when that overflows, Pango's autofit finds the largest size
 * that fits, and the floor size (cropped to the box) is the last resort, which
 * the grapheme limits in card-layout.ts keep out of reach for real text.
 */
async function drawText(box: TextBox): Promise<DrawnText> {
  const font = (size: number) => `${CARD_FONT_FAMILY}${box.weight === 'bold' ? ' Bold' : ''} ${size}`;
  const text = pangoSpan(box.text, { colour: box.colour, weight: box.weight });
  const wrap = box.wrap ? ('word-char' as const) : ('none' as const);
  const render = (options: { size: number; height?: number }) =>
    sharp({
      text: {
        text,
        font: font(options.size),
        rgba: true,
        wrap,
        ...(box.wrap || options.height ? { width: box.width } : {}),
        // libvips takes a dpi or a box height to autofit into, not both.
        ...(options.height ? { height: options.height } : { dpi: 72 }),
      },
    })
      .raw()
      .toBuffer({ resolveWithObject: true });

  let drawn = await render({ size: box.size });
  if (drawn.info.width > box.width || drawn.info.height > box.height) {
    const fitted = await render({ size: box.size, height: box.height });
    const fittedSize = (box.size * (fitted.info.textAutofitDpi ?? 72)) / 72;
    drawn = fittedSize >= box.minSize ? fitted : await render({ size: box.minSize });
  }
  let { data: input } = drawn;
  let { width, height } = drawn.info;
  if (width > box.width || height > box.height) {
    const raw = { width, height, channels: 4 as const };
    width = Math.min(width, box.width);
    height = Math.min(height, box.height);
    input = await sharp(input, { raw }).extract({ left: 0, top: 0, width, height }).raw().toBuffer();
  }
  const left = box.align === 'end' ? box.x + box.width - width : box.x;
  return { input, raw: { width, height, channels: 4 }, left, top: box.y };
}

const repeatedTexts = new Map<string, Promise<DrawnText>>();

/**
 * Eyebrows repeat across cards (one per category), so each is drawn once per
 * process; the memo is bounded so a site with endless distinct labels keeps
 * its memory flat.
 */
function drawRepeatedText(box: TextBox): Promise<DrawnText> {
  const key = JSON.stringify(box);
  let drawn = repeatedTexts.get(key);
  if (!drawn) {
    if (repeatedTexts.size >= 256) repeatedTexts.clear();
    drawn = drawText(box);
    repeatedTexts.set(key, drawn);
  }
  return drawn;
}

const backgrounds = new Map<string, Promise<Buffer>>();

/**
 * Everything on a card but its texts, as raw RGB pixels: the same for every
 * card of a site and theme, so it is drawn once per process and each card
 * only composites its texts over a copy.
 */
function drawBackground(spec: CardSpec, logoSvg: string): Promise<Buffer> {
  const { width, height, colours, rule, logo, accentBarHeight } = spec;
  const shared = spec.texts.filter((box) => box.shared);
  const key = JSON.stringify({ width, height, colours, rule, logo, accentBarHeight, logoSvg, shared });
  let background = backgrounds.get(key);
  if (!background) {
    background = (async () => {
      const logoPng = await sharp(Buffer.from(logoSvg), { density: 72 * 8 })
        .resize(logo.size, logo.size)
        .png()
        .toBuffer();
      const solid = (w: number, h: number, colour: string) => ({
        input: { create: { width: w, height: h, channels: 4 as const, background: colour } },
      });
      return sharp({ create: { width, height, channels: 3, background: colours.bg } })
        .composite([
          { ...solid(width, accentBarHeight, colours.accent), left: 0, top: 0 },
          { ...solid(rule.width, rule.height, colours.rule), left: rule.x, top: rule.y },
          { input: logoPng, left: logo.x, top: logo.y },
          ...(await Promise.all(shared.map(drawText))),
        ])
        .removeAlpha()
        .raw()
        .toBuffer();
    })();
    backgrounds.set(key, background);
  }
  return background;
}

/**
 * The card as PNG bytes. Deflate level 4: zlib-ng's fast strategies make it
 * ~3 ms a card where level 6 takes ~18 ms and a palette PNG (libimagequant)
 * 12–85 ms, for ~40 KB against ~15 KB; at 10,000 posts the CPU matters more.
 */
export async function renderCardPng(spec: CardSpec, logoSvg: string): Promise<Buffer> {
  cardFonts();
  const background = drawBackground(spec, logoSvg);
  // Boxes that do not depend on another are drawn at once (libvips runs them on separate threads).
  const drawn: (DrawnText | undefined)[] = await Promise.all(
    spec.texts.map((box) => {
      if (box.shared || box.gapBelowPrevious !== undefined) return Promise.resolve(undefined);
      return box.repeated ? drawRepeatedText(box) : drawText(box);
    }),
  );
  for (const [i, box] of spec.texts.entries()) {
    const previous = drawn[i - 1];
    if (box.gapBelowPrevious === undefined || !previous) continue;
    const top = Math.max(box.y, previous.top + previous.raw.height + box.gapBelowPrevious);
    const height = box.y + box.height - top;
    // No room left under a title that filled its box: the subtitle is left out rather than squeezed.
    if (height >= box.minSize * 1.2) drawn[i] = await drawText({ ...box, y: top, height });
  }
  const texts = drawn.filter((text) => text !== undefined);
  return sharp(await background, { raw: { width: spec.width, height: spec.height, channels: 3 } })
    .composite(texts)
    .removeAlpha()
    .png({ compressionLevel: 4 })
    .toBuffer();
}
