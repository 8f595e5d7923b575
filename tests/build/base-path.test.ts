/**
 * A GitHub Pages project site: SITE=https://example.github.io BASE=/blog/.
 * Every same-site link, asset, feed URL, canonical and sitemap entry carries the base.
 * The same build sets SITEMAP_ENTRY_LIMIT=10, so the sitemap's split (45,000 URLs
 * by default) is exercised on a small site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { buildSite, type BuildResult } from '../support/build-site';
import { checkInternalLinks, htmlFiles, isEmbedPage, isStandInPage, listFiles, pagePath } from '../support/dist';
import { blockedInlineScripts, headersPolicy } from '../support/csp';

const SITE_URL = 'https://example.github.io';
const BASE = '/blog/';
const SITEMAP_ENTRY_LIMIT = 10;

describe('build with SITE=https://example.github.io BASE=/blog/', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite('base-path', { SITE: SITE_URL, BASE, SITEMAP_ENTRY_LIMIT: String(SITEMAP_ENTRY_LIMIT) });
    if (!build.ok) throw new Error(build.output);
  });

  it('every internal link, src and srcset resolves to a file under the base', () => {
    const { checked, problems } = checkInternalLinks(build.distDir, { site: SITE_URL, base: BASE });
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('_headers rules carry the base, and every page passes its CSP <meta> and the header policy', async () => {
    const rules = readFileSync(join(build.distDir, '_headers'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.filter((rule) => !rule.startsWith(BASE))).toEqual([]);
    const header = await headersPolicy(build.distDir, BASE);
    expect(
      htmlFiles(build.distDir).flatMap((file) => blockedInlineScripts(readFileSync(file, 'utf8'), header)),
    ).toEqual([]);
  });

  it('no root-relative URL in any page escapes the base', () => {
    const escaping: string[] = [];
    for (const file of htmlFiles(build.distDir)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src|action|content|srcset)="(\/[^"/][^"]*)"/g)) {
        if (!m[1]!.startsWith(BASE)) escaping.push(`${file.slice(build.distDir.length)}: ${m[1]}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  it('canonicals, feeds and the sitemap use the absolute base URL', () => {
    const home = readFileSync(join(build.distDir, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${SITE_URL}${BASE}">`);
    const feed = readFileSync(join(build.distDir, 'rss.xml'), 'utf8');
    for (const m of feed.matchAll(/<(?:link|guid[^>]*)>([^<]+)</g))
      expect(m[1]!.startsWith(`${SITE_URL}${BASE}`), m[1]).toBe(true);
    const sitemaps = listFiles(build.distDir, (p) => /sitemap-\d+\.xml$/.test(p));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) {
      for (const m of readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g))
        expect(m[1]!.startsWith(`${SITE_URL}${BASE}`), m[1]).toBe(true);
    }
    const robots = readFileSync(join(build.distDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`${SITE_URL}${BASE}sitemap-index.xml`);
  });

  it('past the entry limit the sitemap is split into parts, all listed in the index, each page once', () => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const parts = listFiles(build.distDir, (p) => /sitemap-\d+\.xml$/.test(p));
    const index = locs(readFileSync(join(build.distDir, 'sitemap-index.xml'), 'utf8'));
    expect(index.sort()).toEqual(parts.map((file) => `${SITE_URL}${BASE}${file.split('/').pop()}`).sort());
    const urls = parts.flatMap((file) => locs(readFileSync(file, 'utf8')));
    // 404 and /offline/ stand in for other URLs, and embed pages are for other sites' iframes: none is in the sitemap.
    const pages = htmlFiles(build.distDir)
      .filter((f) => !isStandInPage(f) && !isEmbedPage(f))
      .map((f) => `${SITE_URL}${pagePath(build.distDir, f, BASE)}`);
    expect(pages.length).toBeGreaterThan(2 * SITEMAP_ENTRY_LIMIT);
    expect(parts).toHaveLength(Math.ceil(pages.length / SITEMAP_ENTRY_LIMIT));
    for (const file of parts) expect(locs(readFileSync(file, 'utf8')).length).toBeLessThanOrEqual(SITEMAP_ENTRY_LIMIT);
    expect(urls.sort()).toEqual(pages.sort());
  });

  it('social cards, icons and the web app manifest live under the base', async () => {
    const home = readFileSync(join(build.distDir, 'index.html'), 'utf8');
    expect(home).toContain(`<meta property="og:image" content="${SITE_URL}${BASE}social/cards/home.png">`);
    expect(home).toContain(`<link rel="manifest" href="${BASE}manifest.webmanifest">`);
    expect(home).toContain(`<link rel="apple-touch-icon" href="${BASE}apple-touch-icon.png">`);
    const manifest = JSON.parse(readFileSync(join(build.distDir, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      scope: string;
      id: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect([manifest.start_url, manifest.scope, manifest.id]).toEqual([BASE, BASE, BASE]);
    expect(manifest.icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith(BASE), icon.src).toBe(true);
      const file = join(build.distDir, icon.src.slice(BASE.length));
      if (icon.type === 'image/png') {
        const { width, height } = await sharp(file).metadata();
        expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      } else expect(readFileSync(file, 'utf8')).toContain('<svg');
    }
  });
});
