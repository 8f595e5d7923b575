import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { icons, pngIcons, webAppManifest } from '../../../src/lib/social/icons';
import { renderIconPng } from '../../../src/lib/social/icon-png';

const logoSvg = readFileSync(resolve(import.meta.dirname, '../../../src/assets/brand/logo.svg'), 'utf8');
const site = {
  name: 'Token Metrics Research',
  shortName: 'TM Research',
  description: 'Tagline.',
  lang: 'en',
  base: '/blog/',
  themeColours: {
    light: { theme: '#fbfbf9', background: '#fbfbf9' },
    dark: { theme: '#0f1318', background: '#0f1318' },
  },
};

describe('web app manifest', () => {
  const manifest = webAppManifest(site);

  it('names the site, starts and stays under the base path, and carries the light theme colours', () => {
    expect(manifest).toMatchObject({
      name: 'Token Metrics Research',
      short_name: 'TM Research',
      start_url: '/blog/',
      scope: '/blog/',
      id: '/blog/',
      theme_color: '#fbfbf9',
      background_color: '#fbfbf9',
    });
  });

  it('lists the SVG and 192/512 px icons for both purposes, every one under the base', () => {
    const listed = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(listed.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      'any any',
      '192x192 any',
      '512x512 any',
      '192x192 maskable',
      '512x512 maskable',
    ]);
    for (const icon of listed) expect(icon.src.startsWith('/blog/')).toBe(true);
  });
});

describe('icon PNGs', () => {
  it.each(pngIcons)('$path is a $size px square PNG', async (icon) => {
    const png = await renderIconPng(logoSvg, icon, '#0a58b0');
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: icon.size, height: icon.size });
  });

  it('full-bleed icons (apple-touch, maskable) are opaque to the corners; as-is icons keep the rounded corners', async () => {
    const corner = async (icon: (typeof pngIcons)[number]) => {
      const { data } = await sharp(await renderIconPng(logoSvg, icon, '#0a58b0'))
        .ensureAlpha()
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data[3];
    };
    expect(await corner(icons.appleTouch)).toBe(255);
    expect(await corner(icons.maskable512)).toBe(255);
    expect(await corner(icons.any512)).toBe(0);
  });
});
