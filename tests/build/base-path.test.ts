/**
 * A GitHub Pages project site: SITE=https://example.github.io BASE=/blog/.
 * Every same-site link, asset, feed URL, canonical and sitemap entry carries the base.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../support/build-site';
import { checkInternalLinks, htmlFiles, listFiles } from '../support/dist';

const SITE_URL = 'https://example.github.io';
const BASE = '/blog/';

describe('build with SITE=https://example.github.io BASE=/blog/', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite('base-path', { SITE: SITE_URL, BASE });
    if (!build.ok) throw new Error(build.output);
  });

  it('every internal link, src and srcset resolves to a file under the base', () => {
    const { checked, problems } = checkInternalLinks(build.distDir, { site: SITE_URL, base: BASE });
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
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
    for (const m of feed.matchAll(/<(?:link|guid[^>]*)>([^<]+)</g)) expect(m[1]!.startsWith(`${SITE_URL}${BASE}`), m[1]).toBe(true);
    const sitemaps = listFiles(build.distDir, (p) => /sitemap-\d+\.xml$/.test(p));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) {
      for (const m of readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) expect(m[1]!.startsWith(`${SITE_URL}${BASE}`), m[1]).toBe(true);
    }
    const robots = readFileSync(join(build.distDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`${SITE_URL}${BASE}sitemap-index.xml`);
  });
});
