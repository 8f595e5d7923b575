/** Draws an icon of the favicon set from the brand SVG with sharp (see src/lib/social/icons.ts). */
import sharp from 'sharp';
import type { PngIcon } from './icons';

export async function renderIconPng(svg: string, icon: PngIcon, brandColour: string): Promise<Buffer> {
  // librsvg rasterises at the density asked for: render at the target size, never scale a small bitmap up.
  const image = sharp(Buffer.from(svg), { density: 72 * Math.max(1, icon.size / 32) * 2 }).resize(icon.size, icon.size);
  if (icon.fill === 'full-bleed') image.flatten({ background: brandColour });
  return image.png({ compressionLevel: 9, palette: true }).toBuffer();
}
