import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { COVERAGE_STEPS, PaletteFull, PaletteImage } from '../../../src/lib/social/palette-png';

const WIDTH = 40;
const HEIGHT = 30;

/** Raw RGB pixels: a light ground with a dark-blue bar across rows 0–3. */
function ground(): Buffer {
  const rgb = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let p = 0; p < WIDTH * HEIGHT; p++) rgb.set(p < WIDTH * 4 ? [0x0a, 0x58, 0xb0] : [0xfb, 0xfb, 0xf9], p * 3);
  return rgb;
}

async function decoded(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, info, metadata: await sharp(png).metadata() };
}

const pixel = (rgb: Buffer, x: number, y: number) => [...rgb.subarray((y * WIDTH + x) * 3, (y * WIDTH + x) * 3 + 3)];

/** A mask whose coverage runs 0, 1, 2 … 255 along its pixels. */
function rampMask() {
  const mask = Buffer.alloc(16 * 16);
  for (let i = 0; i < mask.length; i++) mask[i] = i;
  return { mask, width: 16, height: 16, left: 4, top: 2, ink: 0x1a1e23, clip: { right: WIDTH, bottom: HEIGHT } };
}

describe('PaletteImage', () => {
  it('writes a palette PNG that decodes to exactly the pixels it was given', async () => {
    const rgb = ground();
    const { data, info, metadata } = await decoded(await PaletteImage.fromRgb(rgb, WIDTH, HEIGHT).png(3));
    expect(metadata).toMatchObject({ format: 'png', width: WIDTH, height: HEIGHT, isPalette: true });
    expect(info.channels).toBe(3);
    expect(data.equals(rgb)).toBe(true);
  });

  it('blends a mask within half a coverage step of the exact blend, full coverage as the ink itself', async () => {
    const rgb = ground();
    const image = PaletteImage.fromRgb(rgb, WIDTH, HEIGHT);
    const ramp = rampMask();
    image.blend(ramp);
    const { data } = await decoded(await image.png(3));
    const ink = [0x1a, 0x1e, 0x23];
    let worst = 0;
    for (let y = 0; y < ramp.height; y++) {
      for (let x = 0; x < ramp.width; x++) {
        const coverage = ramp.mask[y * ramp.width + x]! / 255;
        const under = pixel(rgb, ramp.left + x, ramp.top + y);
        const got = pixel(data, ramp.left + x, ramp.top + y);
        for (let c = 0; c < 3; c++) {
          const exact = under[c]! + (ink[c]! - under[c]!) * coverage;
          const allowed = Math.abs(ink[c]! - under[c]!) / (2 * COVERAGE_STEPS) + 1;
          worst = Math.max(worst, Math.abs(got[c]! - exact) / allowed);
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
    // The last mask pixel has full coverage (255), the first none: ink, and the ground or bar left as it was.
    expect(pixel(data, ramp.left + 15, ramp.top + 15)).toEqual(ink);
    expect(pixel(data, ramp.left, ramp.top)).toEqual(pixel(rgb, ramp.left, ramp.top));
    // Outside the mask nothing changed.
    expect(pixel(data, 0, 20)).toEqual([0xfb, 0xfb, 0xf9]);
  });

  it('stops a mask at its clip and at the image edge', async () => {
    const image = PaletteImage.fromRgb(ground(), WIDTH, HEIGHT);
    const full = Buffer.alloc(20 * 20, 255);
    const redSquare = (clip: { right: number; bottom: number }) => ({
      mask: full,
      width: 20,
      height: 20,
      left: 30,
      top: 15,
      ink: 0xff0000,
      clip,
    });
    image.blend(redSquare({ right: 35, bottom: 25 }));
    const { data } = await decoded(await image.png(3));
    expect(pixel(data, 34, 24)).toEqual([255, 0, 0]);
    expect(pixel(data, 35, 24)).toEqual([0xfb, 0xfb, 0xf9]);
    expect(pixel(data, 34, 25)).toEqual([0xfb, 0xfb, 0xf9]);
    image.blend(redSquare({ right: 99, bottom: 99 }));
    expect(pixel((await decoded(await image.png(3))).data, WIDTH - 1, HEIGHT - 1)).toEqual([255, 0, 0]);
  });

  it('leaves the image it was copied from as it was', async () => {
    const rgb = ground();
    const original = PaletteImage.fromRgb(rgb, WIDTH, HEIGHT);
    original.copy().blend(rampMask());
    expect((await decoded(await original.png(3))).data.equals(rgb)).toBe(true);
  });

  it('refuses a 257th colour, from pixels or from a blend', () => {
    const many = Buffer.alloc(257 * 3);
    for (let i = 0; i < 257; i++) many.set([i & 0xff, i >> 8, 7], i * 3);
    expect(() => PaletteImage.fromRgb(many, 257, 1)).toThrow(PaletteFull);
    const image = PaletteImage.fromRgb(many.subarray(0, 256 * 3), 256, 1);
    const mask = Buffer.alloc(256, 255);
    expect(() =>
      image.blend({ mask, width: 256, height: 1, left: 0, top: 0, ink: 0x123456, clip: { right: 256, bottom: 1 } }),
    ).toThrow(PaletteFull);
  });
});
