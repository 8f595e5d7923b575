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
import { PaletteFull, PaletteImage, type CoverageMask } from './palette-png';

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
  return {
    sharp: sharp.versions.sharp,
    vips: sharp.versions.vips,
    pango: sharp.versions.pango,
    zlib: process.versions.zlib,
  };
}

/** One text box's coverage (0–255 per pixel, from Pango) where it lands on the card, in one colour. */
interface DrawnText {
  mask: Buffer;
  width: number;
  height: number;
  left: number;
  top: number;
  colour: string;
}

/**
 * One text box as a coverage mask no larger than the box: tried at its
 * preferred size; when that overflows, Pango's autofit finds the largest size
 * that fits, and the floor size (cropped to the box when blended) is the last
 * resort, which the grapheme limits in card-layout.ts keep out of reach for
 * real text. A mask, not RGBA: a quarter of the bytes out of libvips, and
 * every box is one colour anyway.
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
        wrap,
        ...(box.wrap || options.height ? { width: box.width } : {}),
        // libvips takes a dpi or a box height to autofit into, not both.
        ...(options.height ? { height: options.height } : { dpi: 72 }),
      },
    })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });

  let drawn = await render({ size: box.size });
  if (drawn.info.width > box.width || drawn.info.height > box.height) {
    const fitted = await render({ size: box.size, height: box.height });
    const fittedSize = (box.size * (fitted.info.textAutofitDpi ?? 72)) / 72;
    drawn = fittedSize >= box.minSize ? fitted : await render({ size: box.minSize });
  }
  const { width, height } = drawn.info;
  const shown = Math.min(width, box.width);
  const left = box.align === 'end' ? box.x + box.width - shown : box.x;
  return { mask: drawn.data, width, height, left, top: box.y, colour: box.colour };
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

/** Everything on a card but its own texts: raw RGB pixels, and the same as a palette image when it fits one. */
interface Background {
  rgb: Buffer;
  palette: PaletteImage | undefined;
}

const backgrounds = new Map<string, Promise<Background>>();

/**
 * The background is the same for every card of a site and theme, so it is
 * drawn once per process and each card only blends its texts into a copy.
 */
function drawBackground(spec: CardSpec, logoSvg: string): Promise<Background> {
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
      const rgb = await sharp({ create: { width, height, channels: 3, background: colours.bg } })
        .composite([
          { ...solid(width, accentBarHeight, colours.accent), left: 0, top: 0 },
          { ...solid(rule.width, rule.height, colours.rule), left: rule.x, top: rule.y },
          { input: logoPng, left: logo.x, top: logo.y },
        ])
        .removeAlpha()
        .raw()
        .toBuffer();
      const masks = (await Promise.all(shared.map(drawText))).map((text, i) => coverageMask(text, shared[i]!, spec));
      const palette = paletteOrNothing(() => {
        const image = PaletteImage.fromRgb(rgb, width, height);
        for (const mask of masks) image.blend(mask);
        return image;
      });
      for (const mask of masks) blendText(rgb, width, mask);
      return { rgb, palette };
    })();
    backgrounds.set(key, background);
  }
  return background;
}

/** A palette image, or undefined when the card needs more than 256 colours (a logo with gradients, say). */
function paletteOrNothing<T>(draw: () => T): T | undefined {
  try {
    return draw();
  } catch (error) {
    if (error instanceof PaletteFull) return undefined;
    throw error;
  }
}

/** A drawn text in its colour, cut at its box (and the card's edge) when it overflows even at its floor size. */
function coverageMask(
  { mask, width, height, left, top, colour }: DrawnText,
  box: TextBox,
  spec: CardSpec,
): CoverageMask {
  const clip = { right: Math.min(box.x + box.width, spec.width), bottom: Math.min(box.y + box.height, spec.height) };
  return { mask, width, height, left, top, ink: Number.parseInt(colour.slice(1), 16), clip };
}

/**
 * Paints one text's mask in its colour over raw RGB pixels, up to the clip:
 * out = under + (ink − under) × coverage, which is sharp's composite "over"
 * on an opaque canvas. Done here because sharp's composite premultiplies
 * every input to float (sharp always passes premultiplied=false to libvips):
 * measured at ~60 ns an overlay pixel, ~15 ms CPU for a title's box, against
 * 1–2 ms for this loop, which skips the empty pixels (most of a text's box).
 */
function blendText(
  canvas: Buffer,
  canvasWidth: number,
  { mask, width, height, left, top, ink, clip }: CoverageMask,
): void {
  const [inkR, inkG, inkB] = [(ink >> 16) & 0xff, (ink >> 8) & 0xff, ink & 0xff];
  const rows = Math.min(height, clip.bottom - top);
  const columns = Math.min(width, clip.right - left);
  for (let y = 0; y < rows; y++) {
    const maskRow = y * width;
    const canvasRow = ((top + y) * canvasWidth + left) * 3;
    for (let x = 0; x < columns; x++) {
      const coverage = mask[maskRow + x]!;
      if (coverage === 0) continue;
      const at = canvasRow + x * 3;
      if (coverage === 255) {
        canvas[at] = inkR;
        canvas[at + 1] = inkG;
        canvas[at + 2] = inkB;
        continue;
      }
      canvas[at] = canvas[at]! + Math.round(((inkR - canvas[at]!) * coverage) / 255);
      canvas[at + 1] = canvas[at + 1]! + Math.round(((inkG - canvas[at + 1]!) * coverage) / 255);
      canvas[at + 2] = canvas[at + 2]! + Math.round(((inkB - canvas[at + 2]!) * coverage) / 255);
    }
  }
}

/**
 * The card as PNG bytes: a palette PNG (deflate level 3, ~1 ms a card, ~25 KB)
 * whenever its colours fit in 256, as this site's cards do (~200 colours);
 * otherwise an RGB PNG through sharp at deflate level 4 (zlib-ng's fast
 * strategies: ~4 ms a card where level 6 takes ~18 ms, ~46 KB). At 10,000 posts
 * the CPU matters more than the last few kilobytes.
 */
export async function renderCardPng(spec: CardSpec, logoSvg: string): Promise<Buffer> {
  cardFonts();
  // Boxes that do not depend on another are drawn at once (libvips runs them on separate threads).
  const [background, drawn] = await Promise.all([
    drawBackground(spec, logoSvg),
    Promise.all(
      spec.texts.map((box): Promise<DrawnText | undefined> => {
        if (box.shared || box.gapBelowPrevious !== undefined) return Promise.resolve(undefined);
        return box.repeated ? drawRepeatedText(box) : drawText(box);
      }),
    ),
  ]);
  for (const [i, box] of spec.texts.entries()) {
    const previous = drawn[i - 1];
    if (box.gapBelowPrevious === undefined || !previous) continue;
    const top = Math.max(
      box.y,
      previous.top + Math.min(previous.height, spec.texts[i - 1]!.height) + box.gapBelowPrevious,
    );
    const height = box.y + box.height - top;
    // No room left under a title that filled its box: the subtitle is left out rather than squeezed.
    if (height >= box.minSize * 1.2) drawn[i] = await drawText({ ...box, y: top, height });
  }
  const masks = drawn.flatMap((text, i) => (text ? [coverageMask(text, spec.texts[i]!, spec)] : []));
  if (background.palette) {
    const canvas = takeCanvas(background.palette.rows.length);
    try {
      const card = paletteOrNothing(() => {
        const image = background.palette!.copy(canvas);
        for (const mask of masks) image.blend(mask);
        return image;
      });
      if (card) return await card.png(3);
    } finally {
      giveBackCanvas(canvas);
    }
  }
  const canvas = takeCanvas(background.rgb.length);
  try {
    background.rgb.copy(canvas);
    for (const mask of masks) blendText(canvas, spec.width, mask);
    // sharp reads a raw input in place, so the canvas goes back to the pool only once the PNG is out.
    return await sharp(canvas, { raw: { width: spec.width, height: spec.height, channels: 3 } })
      .png({ compressionLevel: 4 })
      .toBuffer();
  } finally {
    giveBackCanvas(canvas);
  }
}

/**
 * Canvases (0.76 MB of palette indices or 2.3 MB of RGB pixels each) are
 * reused rather than allocated per card: allocating and first touching a
 * fresh 2.3 MB buffer measured ~7 ms CPU on the build machine, more than
 * blending the card's texts. Kept per size; a few suffice, since cards are
 * drawn a few at a time.
 */
const MAX_SPARE_CANVASES = 4;
const spareCanvases: Buffer[] = [];

function takeCanvas(length: number): Buffer {
  const at = spareCanvases.findIndex((spare) => spare.length === length);
  return at === -1 ? Buffer.allocUnsafe(length) : spareCanvases.splice(at, 1)[0]!;
}

function giveBackCanvas(canvas: Buffer): void {
  spareCanvases.push(canvas);
  spareCanvases.splice(0, spareCanvases.length - MAX_SPARE_CANVASES);
}
