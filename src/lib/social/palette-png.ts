/**
 * Social cards as palette PNGs (colour type 3): one byte a pixel instead of
 * three, so the deflate has a third of the bytes to read and the file comes
 * out about half the size of the RGB PNG.
 *
 * A card is flat colours, a small logo and one-colour text, so its colours
 * can be counted rather than chosen: the background's exact colours, plus
 * each text colour blended over them at COVERAGE_STEPS levels of Pango's
 * anti-aliasing coverage. The palette is then exact and only the container is
 * left to write, four chunks around one node:zlib deflate. sharp cannot do
 * this: its palette output always quantizes with libimagequant (~19 ms a card
 * against ~4.5 ms for its RGB PNG), and fast-png deflates in JavaScript
 * (~10 ms); see "Social cards as palette PNGs" in bench/notes.md.
 */
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';

/**
 * Levels of text coverage kept (plus none). 32 keeps each anti-aliased edge
 * pixel within 1/64 of the ink-to-background contrast of Pango's own value
 * (under 4 of 255 per channel for dark text on the card's light ground), and
 * leaves room in 256 palette entries for three text colours over a logo of
 * ~100 colours.
 */
export const COVERAGE_STEPS = 32;

const PALETTE_SIZE = 256;
const FILTER_NONE = 0;
const COLOUR_TYPE_PALETTE = 3;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const deflateAsync = promisify(deflate);

/** The card needs more than 256 colours: the caller draws it as an RGB PNG instead. */
export class PaletteFull extends Error {
  constructor() {
    super('more than 256 colours');
  }
}

/** A one-colour coverage mask (0–255 a pixel) placed on the image, cut off at `clip`. */
export interface CoverageMask {
  mask: Buffer;
  width: number;
  height: number;
  left: number;
  top: number;
  /** 0xRRGGBB */
  ink: number;
  clip: { right: number; bottom: number };
}

export class PaletteImage {
  /** Row length in `rows`: a filter byte, then one palette index a pixel. */
  readonly stride: number;

  private constructor(
    readonly width: number,
    readonly height: number,
    /** The IDAT payload before deflate: every row led by filter byte 0 (none), the usual choice for palette images. */
    readonly rows: Buffer,
    /** 0xRRGGBB per palette index. */
    private readonly colours: number[],
    private readonly indexOf: Map<number, number>,
  ) {
    this.stride = width + 1;
  }

  /** The exact colours of raw RGB pixels; throws PaletteFull past 256 of them. */
  static fromRgb(rgb: Buffer, width: number, height: number): PaletteImage {
    const image = new PaletteImage(width, height, Buffer.alloc((width + 1) * height), [], new Map());
    for (let y = 0; y < height; y++) {
      const row = y * image.stride;
      image.rows[row] = FILTER_NONE;
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 3;
        image.rows[row + 1 + x] = image.index((rgb[at]! << 16) | (rgb[at + 1]! << 8) | rgb[at + 2]!);
      }
    }
    return image;
  }

  /** A copy to draw on; `into` (a spare buffer of the same length) saves allocating and first touching one. */
  copy(into?: Buffer): PaletteImage {
    const rows = into?.length === this.rows.length ? into : Buffer.allocUnsafe(this.rows.length);
    this.rows.copy(rows);
    return new PaletteImage(this.width, this.height, rows, [...this.colours], new Map(this.indexOf));
  }

  /**
   * Paints a mask in its ink over what is there: out = under + (ink − under) ×
   * coverage, with coverage rounded to COVERAGE_STEPS levels. Each (colour
   * under, level) pair is worked out once per mask; most of a text's box is
   * empty and skipped.
   */
  blend({ mask, width, height, left, top, ink, clip }: CoverageMask): void {
    const blended = new Int16Array(PALETTE_SIZE * (COVERAGE_STEPS + 1)).fill(-1);
    const rows = Math.min(height, clip.bottom - top, this.height - top);
    const columns = Math.min(width, clip.right - left, this.width - left);
    for (let y = 0; y < rows; y++) {
      const maskRow = y * width;
      const imageRow = (top + y) * this.stride + 1 + left;
      for (let x = 0; x < columns; x++) {
        const coverage = mask[maskRow + x]!;
        if (coverage === 0) continue;
        const step = ((coverage * COVERAGE_STEPS + 127) / 255) | 0;
        if (step === 0) continue;
        const under = this.rows[imageRow + x]!;
        const key = under * (COVERAGE_STEPS + 1) + step;
        let index = blended[key]!;
        if (index < 0) index = blended[key] = this.index(mix(this.colours[under]!, ink, step));
        this.rows[imageRow + x] = index;
      }
    }
  }

  /** The image as PNG bytes. */
  async png(compressionLevel: number): Promise<Buffer> {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, COLOUR_TYPE_PALETTE, 0, 0, 0], 8);
    const palette = Buffer.alloc(this.colours.length * 3);
    for (const [i, colour] of this.colours.entries()) palette.writeUIntBE(colour, i * 3, 3);
    const pixels = await deflateAsync(this.rows, { level: compressionLevel });
    return Buffer.concat([
      PNG_SIGNATURE,
      chunk('IHDR', header),
      chunk('PLTE', palette),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  private index(colour: number): number {
    let index = this.indexOf.get(colour);
    if (index === undefined) {
      if (this.colours.length === PALETTE_SIZE) throw new PaletteFull();
      index = this.colours.push(colour) - 1;
      this.indexOf.set(colour, index);
    }
    return index;
  }
}

function mix(under: number, ink: number, step: number): number {
  if (step === COVERAGE_STEPS) return ink;
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const from = (under >> shift) & 0xff;
    const to = (ink >> shift) & 0xff;
    out |= (from + Math.round(((to - from) * step) / COVERAGE_STEPS)) << shift;
  }
  return out;
}

/** A PNG chunk: length, type, data, and the CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
