/**
 * Renamed posts: the old URL gets a redirect page, the feed's guids stay put,
 * and a redirects map that points nowhere fails the build. The fixture in
 * tests/fixtures/redirects/ renamed "moon-awards-first-look" to "moon-awards-results".
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { buildSite, ROOT, type BuildResult } from '../support/build-site';
import { checkInternalLinks } from '../support/dist';
import { loadPostRedirects, redirectsFile } from '../../src/lib/content/redirects';
import { REAL_CONTENT_DIR } from '../../src/lib/content/collection-dirs';

const FIXTURE = join(ROOT, 'tests/fixtures/redirects');
const SITE_URL = 'https://example.github.io';
const BASE = '/blog/';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'item' });
const canonicalOf = (html: string) => html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];

describe('a renamed post (fixture build under /blog/)', () => {
  let build: BuildResult;
  const read = (path: string) => readFileSync(join(build.distDir, path), 'utf8');
  beforeAll(async () => {
    build = await buildSite('redirects-fixture', { CONTENT_DIR: FIXTURE, SITE: SITE_URL, BASE });
    if (!build.ok) throw new Error(build.output);
  });

  it('has a redirect page at its old URL that points at the new one', () => {
    const html = read('posts/moon-awards-first-look/index.html');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/blog/posts/moon-awards-results/">');
    expect(canonicalOf(html)).toBe(`${SITE_URL}/blog/posts/moon-awards-results/`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(build.output).toContain('1 post redirect(s) checked');
  });

  it('lists only the new URL in the sitemap', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`${SITE_URL}/blog/posts/moon-awards-results/`);
    expect(sitemap).not.toContain('moon-awards-first-look');
  });

  it('feed: link is the canonical permalink; a post never renamed has guid === link === canonical', () => {
    const items = parser.parse(read('rss.xml')).rss.channel.item as {
      link: string;
      guid: { '#text': string; '@isPermaLink': string };
    }[];
    expect(items.map((i) => i.link)).toEqual([
      `${SITE_URL}/blog/posts/moon-awards-results/`,
      `${SITE_URL}/blog/posts/unrelated-post/`,
    ]);
    const unrelated = items[1]!;
    expect(unrelated.guid['@isPermaLink']).toBe('true');
    expect(unrelated.guid['#text']).toBe(unrelated.link);
    expect(canonicalOf(read('posts/unrelated-post/index.html'))).toBe(unrelated.link);
    expect(canonicalOf(read('posts/moon-awards-results/index.html'))).toBe(items[0]!.link);
  });

  it('feed: the renamed post keeps the guid it was first published with, a permalink that still resolves to it', () => {
    const items = parser.parse(read('rss.xml')).rss.channel.item as {
      link: string;
      guid: { '#text': string; '@isPermaLink': string };
    }[];
    const renamed = items[0]!;
    expect(renamed.guid['@isPermaLink']).toBe('true');
    expect(renamed.guid['#text']).toBe(`${SITE_URL}/blog/posts/moon-awards-first-look/`);
    // The old permalink is served by the redirect page, whose canonical is the post's link.
    expect(canonicalOf(read('posts/moon-awards-first-look/index.html'))).toBe(renamed.link);
    // The category feed agrees, so a reader subscribed to both sees one item.
    expect(read('categories/research/rss.xml')).toContain(
      `<guid isPermaLink="true">${SITE_URL}/blog/posts/moon-awards-first-look/</guid>`,
    );
  });

  it('every internal link of the fixture build resolves, the redirect page included', () => {
    const { checked, problems } = checkInternalLinks(build.distDir, { site: SITE_URL, base: BASE });
    expect(checked).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it("JSON Feed: the renamed post's id is the same first permalink as its RSS guid", () => {
    const feed = JSON.parse(read('feed.json')) as { items: { id: string; url: string }[] };
    const renamed = feed.items.find((item) => item.url === `${SITE_URL}/blog/posts/moon-awards-results/`)!;
    expect(renamed.id).toBe(`${SITE_URL}/blog/posts/moon-awards-first-look/`);
    for (const item of feed.items.filter((i) => i !== renamed)) expect(item.id).toBe(item.url);
  });
});

describe('the redirects map is checked against the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redirects-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the build when a redirect targets a draft', async () => {
    cpSync(join(FIXTURE, 'posts'), join(dir, 'posts'), { recursive: true });
    writeFileSync(
      join(dir, 'posts/unfinished.mdx'),
      [
        '---',
        'title: "Unfinished"',
        'description: "A draft."',
        'pubDate: 2025-01-01',
        'category: research',
        'author: token-metrics-team',
        'draft: true',
        '---',
        '',
        'Draft.',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'redirects.json'), JSON.stringify({ 'old-unfinished': 'unfinished' }));
    const result = await buildSite('redirects-bad', { CONTENT_DIR: dir });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      `${relative(ROOT, join(dir, 'redirects.json'))}:1 (old-unfinished): redirects to "unfinished", but /posts/unfinished/ is not a page of this build (missing, draft or scheduled)\n`,
    );
    expect(result.output).not.toContain('Stack trace');
  });
});

describe('the real redirects map (src/content/redirects.json) against the main build', () => {
  const dist = inject('mainDistDir');
  const map = loadPostRedirects(redirectsFile(REAL_CONTENT_DIR));
  it.each(Object.entries(map).length ? Object.entries(map) : [['(none)', '(none)']])('%s → %s', (from, to) => {
    if (from === '(none)') return;
    expect(existsSync(join(dist, 'posts', to, 'index.html')), `target ${to} is published`).toBe(true);
    expect(readFileSync(join(dist, 'posts', from, 'index.html'), 'utf8')).toContain('http-equiv="refresh"');
  });
});
