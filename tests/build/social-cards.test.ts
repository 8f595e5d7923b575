/**
 * Social cards, icons and the manifest in the built site: every page names a
 * large card that exists at the size it claims, drawn cards are 1200×630
 * PNGs, and a second build with the same cache folder draws no card at all.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { buildSite, TMP_ROOT } from '../support/build-site';
import { elements, htmlFiles, listFiles } from '../support/dist';
import { SITE } from '../../src/site.config';

const dist = inject('mainDistDir');
const SITE_URL = `${SITE.url}/`;

/** The file behind an absolute URL on this site. */
const fileOf = (distDir: string, url: string, base = '/') => {
  expect(url.startsWith(new URL(base, SITE_URL).href), url).toBe(true);
  return join(distDir, decodeURIComponent(new URL(url).pathname.slice(base.length)));
};
const headOf = (html: string) => {
  const all = elements(html);
  const meta = (key: string) =>
    all.find((e) => e.name === 'meta' && (e.attributes.property === key || e.attributes.name === key))?.attributes
      .content;
  const links = all.filter((e) => e.name === 'link').map((e) => e.attributes);
  // Astro's redirect pages (src/content/redirects.json) are a refresh and a link, not pages to share.
  const redirect = all.some((e) => e.name === 'meta' && e.attributes['http-equiv'] === 'refresh');
  return { all, meta, links, redirect };
};

describe('social cards in the main build', () => {
  const pages = htmlFiles(dist).filter((file) => !file.includes(`${join(dist, 'pagefind')}`));

  it('every page has a large card: summary_large_image, og:image with width, height and alt, twitter:image', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const { meta, redirect } = headOf(readFileSync(file, 'utf8'));
      if (redirect) continue;
      const page = relative(dist, file);
      if (meta('twitter:card') !== 'summary_large_image')
        problems.push(`${page}: twitter:card ${meta('twitter:card')}`);
      for (const key of ['og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:image'])
        if (!meta(key)) problems.push(`${page}: no ${key}`);
      if (meta('twitter:image') !== meta('og:image')) problems.push(`${page}: twitter:image differs from og:image`);
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it('every og:image is a file in dist at the width and height the page claims', async () => {
    const checked = new Map<string, string>();
    for (const file of pages) {
      const { meta } = headOf(readFileSync(file, 'utf8'));
      const image = meta('og:image');
      if (!image || checked.has(image)) continue;
      const path = fileOf(dist, image);
      expect(existsSync(path), `${relative(dist, file)}: ${image}`).toBe(true);
      const { width, height } = await sharp(path).metadata();
      expect([width, height], image).toEqual([Number(meta('og:image:width')), Number(meta('og:image:height'))]);
      checked.set(image, relative(dist, file));
    }
    expect(checked.size).toBeGreaterThanOrEqual(5);
  });

  it('home and every post without a hero or chart card point at a drawn 1200×630 PNG of their own', async () => {
    const posts = readdirSync(join(dist, 'posts'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dist, 'posts', d.name, 'index.html')) && !/^\d+$/.test(d.name))
      .map((d) => d.name);
    expect(posts.length).toBeGreaterThanOrEqual(4);
    const expected: Record<string, RegExp> = {
      'index.html': /\/social\/cards\/home\.png$/,
      'top-crypto-narratives-2024': /\/og\/moon-awards-2024-narratives\.png$/,
      'building-high-performance-apis-with-fastapi': /\/_astro\/.+\.(jpe?g|webp|png)$/,
    };
    for (const page of ['index.html', ...posts]) {
      const html = readFileSync(
        page === 'index.html' ? join(dist, page) : join(dist, 'posts', page, 'index.html'),
        'utf8',
      );
      const image = headOf(html).meta('og:image')!;
      expect(image, page).toMatch(expected[page] ?? new RegExp(`/social/cards/posts/${page}\\.png$`));
      const meta = await sharp(fileOf(dist, image)).metadata();
      if (/\/(og|social)\//.test(image)) expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
    }
  });

  it('category and author pages (every page of them) show their own card', () => {
    for (const [dir, id] of [
      ['categories', 'research'],
      ['authors', 'token-metrics-team'],
    ] as const) {
      const html = readFileSync(join(dist, dir, id, 'index.html'), 'utf8');
      expect(headOf(html).meta('og:image')).toBe(`${SITE.url}/social/cards/${dir}/${id}.png`);
      expect(existsSync(join(dist, 'social/cards', dir, `${id}.png`))).toBe(true);
    }
  });

  it('the drawn cards are all 1200×630 palette PNGs', async () => {
    const cards = listFiles(join(dist, 'social/cards'));
    expect(cards.length).toBeGreaterThanOrEqual(6);
    for (const card of cards) {
      const metadata = await sharp(card).metadata();
      expect(metadata, card).toMatchObject({ format: 'png', width: 1200, height: 630, isPalette: true });
    }
  });
});

describe('favicon set and web app manifest', () => {
  it('every page links the SVG and 32 px icons, the touch icon and the manifest', () => {
    for (const file of htmlFiles(dist).filter((f) => !f.includes('/pagefind/'))) {
      const { links, redirect } = headOf(readFileSync(file, 'utf8'));
      if (redirect) continue;
      const rel = (name: string) => links.filter((l) => l.rel === name).map((l) => `${l.href} ${l.sizes ?? ''}`.trim());
      expect(rel('icon'), file).toEqual(['/favicon.svg any', '/favicon-32.png 32x32']);
      expect(rel('apple-touch-icon'), file).toEqual(['/apple-touch-icon.png']);
      expect(rel('manifest'), file).toEqual(['/manifest.webmanifest']);
    }
  });

  it('the icons exist at their sizes, drawn from the brand SVG', async () => {
    expect(readFileSync(join(dist, 'favicon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
    for (const [file, size] of [
      ['favicon-32.png', 32],
      ['apple-touch-icon.png', 180],
      ['icon-192.png', 192],
      ['icon-512.png', 512],
      ['icon-maskable-192.png', 192],
      ['icon-maskable-512.png', 512],
    ] as const) {
      expect(await sharp(join(dist, file)).metadata(), file).toMatchObject({
        format: 'png',
        width: size,
        height: size,
      });
    }
  });

  it('/manifest.webmanifest names the site, its icons and colours, and every icon it lists exists', async () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: SITE.name,
      short_name: SITE.shortName,
      start_url: '/',
      scope: '/',
      theme_color: SITE.themeColours.light.theme,
      background_color: SITE.themeColours.light.background,
    });
    for (const icon of manifest.icons) {
      const file = join(dist, icon.src.slice(1));
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const { width, height } = await sharp(file).metadata();
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
    }
    expect(manifest.icons.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toEqual(['192x192', '512x512']);
  });

  it('theme-color follows both themes', () => {
    const { all } = headOf(readFileSync(join(dist, 'index.html'), 'utf8'));
    const themeColours = all
      .filter((e) => e.name === 'meta' && e.attributes.name === 'theme-color')
      .map((e) => `${e.attributes.media} ${e.attributes.content}`);
    expect(themeColours).toEqual([
      `(prefers-color-scheme: light) ${SITE.themeColours.light.theme}`,
      `(prefers-color-scheme: dark) ${SITE.themeColours.dark.theme}`,
    ]);
  });
});

describe('the featured chart card on the home page has a dark variant', () => {
  it('a <picture> offers the dark render for a dark OS theme, at the same widths', async () => {
    const { all } = headOf(readFileSync(join(dist, 'index.html'), 'utf8'));
    const sources = all.filter((e) => e.name === 'source');
    const dark = sources.find((s) => s.attributes.media === '(prefers-color-scheme: dark)')!;
    const candidates = dark.attributes.srcset!.split(', ').map((c) => c.split(' '));
    expect(candidates.map(([, w]) => w)).toEqual(['600w', '900w', '1200w']);
    for (const [path, descriptor] of candidates) {
      const file = join(dist, path!.slice(1));
      const width = Number.parseInt(descriptor!, 10);
      expect(await sharp(file).metadata()).toMatchObject({
        format: 'png',
        width,
        height: Math.round((width * 630) / 1200),
      });
      // The dark render's background is the dark theme's --bg.
      const { data } = await sharp(file)
        .extract({ left: 2, top: 40, width: 1, height: 1 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([...data]).toEqual([0x0f, 0x13, 0x18]);
    }
  });
});

describe('the card cache', () => {
  const cacheDir = join(TMP_ROOT, 'social-cache-shared');
  const snapshot = () =>
    new Map(listFiles(cacheDir).map((file) => [relative(cacheDir, file), statSync(file).mtimeMs] as const));
  let first: Map<string, number>;
  let second: Map<string, number>;
  let firstDist = '';
  let secondDist = '';
  let firstOutput = '';
  let secondOutput = '';

  beforeAll(async () => {
    const env = { CONTENT_DIR: 'tests/fixtures/hostile', ASTRO_CACHE_DIR: cacheDir };
    const { rmSync } = await import('node:fs');
    rmSync(cacheDir, { recursive: true, force: true });
    const a = await buildSite('social-cache-1', env);
    expect(a.ok, a.output).toBe(true);
    first = new Map([...snapshot()].filter(([file]) => file.startsWith('social-cards/')));
    firstDist = a.distDir;
    firstOutput = a.output;
    const b = await buildSite('social-cache-2', env);
    expect(b.ok, b.output).toBe(true);
    second = new Map([...snapshot()].filter(([file]) => file.startsWith('social-cards/')));
    secondDist = b.distDir;
    secondOutput = b.output;
  });

  it('the first build draws every card into the cache, once, starting during content sync', () => {
    const drawn = listFiles(join(firstDist, 'social/cards'));
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    // Content sync lists the cards from the loaders' entries and the route from the collections: one cache
    // file per card means both gave every card the same content, so the route found each one drawn.
    expect(first.size).toBe(drawn.length);
    expect(firstOutput).toContain(`[site-social-cards] drawing ${drawn.length} social cards from content sync on`);
  });

  it('the build copies each card from the cache into dist, byte for byte, rather than rendering it as a page', () => {
    const cached = new Set([...first.keys()].map((file) => readFileSync(join(cacheDir, file)).toString('base64')));
    const drawn = listFiles(join(firstDist, 'social/cards'));
    for (const card of drawn) expect(cached.has(readFileSync(card).toString('base64')), card).toBe(true);
    expect(firstOutput).toMatch(
      new RegExp(`\\[social-card-files\\] ${drawn.length} social cards written to social/cards/`),
    );
    // Astro lists every page it renders; the cards are not among them.
    expect(firstOutput).toMatch(/├─ \/posts\//);
    expect(firstOutput).not.toMatch(/├─ \/social\/cards\//);
  });

  it('the second build draws 0 cards: the cache is unchanged, file for file, and dist gets the same bytes', () => {
    expect(secondOutput).toContain('[site-social-cards] every social card is in the cache');
    expect(second).toEqual(first);
    for (const file of listFiles(join(firstDist, 'social/cards'))) {
      const twin = join(secondDist, relative(firstDist, file));
      expect(readFileSync(twin).equals(readFileSync(file)), file).toBe(true);
    }
  });
});
