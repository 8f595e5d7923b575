import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { checkInternalLinks, htmlFiles, isEmbedPage, isStandInPage, listFiles, pagePath } from '../support/dist';
import { SITE } from '../../src/site.config';

const dist = inject('mainDistDir');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const PUBLISHED = [
  'top-crypto-narratives-2024',
  'building-high-performance-apis-with-fastapi',
  'building-high-performance-apis-with-fastapi-async-patterns',
  'fast-reliable-apis-with-fastapi',
];
const UNPUBLISHED = [
  'moon-awards-2025-methodology',
  'moon-awards-2026-preview',
  'quillfeather',
  'larkspurvine',
  'How the 2025 Moon Awards Survey Will Work',
  'Moon Awards 2026: What We Will Ask Readers',
];
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name),
});

/** Pages served in place of another URL: the host's 404 and the service worker's offline page. */

describe('built site: every page type exists', () => {
  it.each([
    'index.html',
    'posts/index.html',
    ...PUBLISHED.map((id) => `posts/${id}/index.html`),
    'categories/crypto-basics/index.html',
    'categories/research/index.html',
    'tags/fastapi/index.html',
    'tags/index.html',
    'authors/token-metrics-team/index.html',
    '404.html',
    'rss.xml',
    'categories/research/rss.xml',
    'categories/crypto-basics/rss.xml',
    'sitemap-index.xml',
    'robots.txt',
  ])('%s', (path) => {
    expect(existsSync(join(dist, path))).toBe(true);
  });

  it('the article page has the seed anatomy', () => {
    const html = read('posts/top-crypto-narratives-2024/index.html');
    for (const needle of [
      'Crypto Basics',
      'Top Crypto Narratives in 2024 - Token Metrics Moon Awards',
      'Token Metrics Team',
      'March 12, 2024',
      '11 min read',
      'Disclaimer',
      'About Token Metrics',
      'Keep reading',
      'class="newsletter',
      'class="end-matter"',
    ]) {
      expect(html, needle).toContain(needle);
    }
    expect(html).toMatch(/<a class="skip-link" href="#main"/);
  });

  it('reading times are computed from the text: 11 minutes for the narratives survey, 5 for each FastAPI post', () => {
    expect(read('posts/top-crypto-narratives-2024/index.html')).toContain('11 min read');
    for (const id of PUBLISHED.slice(1)) expect(read(`posts/${id}/index.html`), id).toContain('5 min read');
  });

  it('FAQ sections are real <details> and carry FAQPage JSON-LD', () => {
    const html = read('posts/fast-reliable-apis-with-fastapi/index.html');
    const faq = html.match(/<section class="faq"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? '';
    expect(faq.match(/<details[\s>]/g)?.length).toBe(6);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
      JSON.parse(m[1]!),
    );
    expect(ld.map((d) => d['@type'])).toEqual(['BlogPosting', 'FAQPage']);
    expect(ld[1].mainEntity).toHaveLength(6);
  });

  it('hero images are responsive AVIF and WebP with dimensions, eager above the fold, and the social card', () => {
    const html = read('posts/building-high-performance-apis-with-fastapi/index.html');
    const picture = html.match(/<picture>[\s\S]*?<\/picture>/)?.[0] ?? '';
    expect(picture).toMatch(/<source srcset="[^"]+\.avif 480w[^"]+1600w" type="image\/avif"/);
    expect(picture).toMatch(/<source srcset="[^"]+\.webp 480w[^"]+" type="image\/webp"/);
    expect(picture).toMatch(/<img [^>]*width="1600"[^>]*height="800"|<img [^>]*height="800"[^>]*width="1600"/);
    expect(picture).toMatch(/loading="eager"/);
    expect(picture).toMatch(/alt="Diagram: clients reach a load balancer/);
    const og = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
    expect(og).toMatch(/^https:\/\/.+\.jpg$/);
    expect(existsSync(join(dist, new URL(og!).pathname.slice(SITE.base.length)))).toBe(true);
  });

  it('home has Organization JSON-LD, a featured post and the latest posts', () => {
    const html = read('index.html');
    expect(html).toContain('"@type":"Organization"');
    expect(html).toMatch(/class="featured[ "][\s\S]*Top Crypto Narratives in 2024/);
    expect(html).toContain('src="/og/moon-awards-2024-narratives.png"');
    expect(html).toContain('Latest posts');
  });

  it('the two posts titled "Building High-Performance APIs with FastAPI" have distinct URLs and canonicals', () => {
    const a = read('posts/building-high-performance-apis-with-fastapi/index.html');
    const b = read('posts/building-high-performance-apis-with-fastapi-async-patterns/index.html');
    const canonical = (h: string) => h.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical(a)).not.toBe(canonical(b));
    expect(a).toContain('<title>Building High-Performance APIs with FastAPI | Token Metrics Research</title>');
  });

  it('every page has canonical, Open Graph, Twitter and feed autodiscovery tags', () => {
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      // 404 and /offline/ stand in for other URLs (the host's and the service worker's), so name no canonical.
      if (!isStandInPage(file)) expect(html, file).toMatch(/<link rel="canonical" href="https:\/\//);
      expect(html, file).toMatch(/<meta property="og:title"/);
      expect(html, file).toMatch(/<meta name="twitter:card"/);
      expect(html, file).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]*href="https:\/\/[^"]+\/rss\.xml"/,
      );
    }
  });
});

describe('built site: drafts and scheduled posts are absent everywhere', () => {
  const files = listFiles(dist, (p) => /\.(html|xml|txt|json|csv)$/.test(p));
  it.each(UNPUBLISHED)('%s appears in no file', (needle) => {
    const hits = files.filter((f) => readFileSync(f, 'utf8').includes(needle));
    expect(hits).toEqual([]);
  });
});

describe('feeds', () => {
  const feeds = ['rss.xml', 'categories/research/rss.xml', 'categories/crypto-basics/rss.xml'];
  it.each(feeds)('%s is RSS 2.0 that meets the W3C validator rules', (path) => {
    const xml = read(path);
    const doc = parser.parse(xml);
    const channel = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(channel.title).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(channel.link).toMatch(/^https:\/\//);
    expect(channel.language).toBe('en');
    expect(channel.lastBuildDate).toMatch(RFC822);
    // atom:link rel=self must name the feed's own absolute URL
    expect(channel['atom:link']).toMatchObject({
      '@rel': 'self',
      '@type': 'application/rss+xml',
      '@href': `${SITE.url}${SITE.base}${path}`,
    });
    const items = channel.item as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(SITE.feedSize);
    const dates = items.map((item) => Date.parse(item.pubDate as string));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const item of items) {
      expect(item.pubDate).toMatch(RFC822);
      const guid = item.guid as Record<string, string>;
      expect(guid['@isPermaLink']).toBe('true');
      expect(guid['#text']).toBe(item.link);
      expect(item.link).toMatch(new RegExp(`^${SITE.url}${SITE.base}posts/[a-z0-9-]+/$`));
      expect(item['dc:creator']).toBe('Token Metrics Team');
      expect((item.category as string[])[0]).toMatch(/^(Research|Crypto Basics)$/);
      const content = item['content:encoded'] as string;
      // full content, not a summary; nothing relative, nothing executable, no MDX leftovers
      expect(content.length).toBeGreaterThan(3000);
      expect(content).not.toMatch(/<script|<style|<form|<button|\bon[a-z]+=|^import |data-astro/im);
      for (const [, url] of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?:|mailto:)/);
      expect(content).toContain('Disclaimer');
    }
  });

  it('the main feed carries the full rendered MDX, FAQ included', () => {
    const items = parser.parse(read('rss.xml')).rss.channel.item as Record<string, string>[];
    const fast = items.find((i) => i.title === 'Fast, Reliable APIs with FastAPI')!;
    expect(fast['content:encoded']).toContain('<h2 id="');
    expect(fast['content:encoded']).toContain('Frequently asked questions');
    expect(fast['content:encoded']).toContain('Is FastAPI suitable for production-grade microservices?');
    expect(items.map((i) => i.title)).toHaveLength(4);
    const withHero = items.find((i) => i.link!.endsWith('/posts/building-high-performance-apis-with-fastapi/'))![
      'content:encoded'
    ];
    expect(withHero).toMatch(
      /^<p><img src="https:\/\/[^"]+\.jpg" alt="Diagram: clients reach a load balancer[^"]*" width="1600" height="800"><\/p>/,
    );
  });

  it('the survey article embeds the chart PNG with alt text ahead of the data table', () => {
    const items = parser.parse(read('rss.xml')).rss.channel.item as Record<string, string>[];
    const content = items.find((i) => i.link!.endsWith('/posts/top-crypto-narratives-2024/'))!['content:encoded']!;
    const img = content.match(/<img src="([^"]+\.png)" alt="([^"]+)"/);
    expect(img?.[1]).toBe(`${SITE.url}${SITE.base}og/moon-awards-2024-narratives.png`);
    expect(img?.[2]).toContain('DePIN 30.2%');
    expect(content.indexOf('<img')).toBeLessThan(content.indexOf('<table'));
    expect(content).toContain('<td class="num">30.2%</td>');
    expect(existsSync(join(dist, 'og/moon-awards-2024-narratives.png'))).toBe(true);
    expect(content).not.toMatch(/<svg|vote-chart>|data-chart/);
  });

  it('category feeds hold only their category', () => {
    const items = parser.parse(read('categories/research/rss.xml')).rss.channel.item as { category: string[] }[];
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.category[0]).toBe('Research');
  });
});

describe('sitemap and robots', () => {
  it('lists exactly the published pages', () => {
    const index = parser.parse(read('sitemap-index.xml'));
    const urls = (index.sitemapindex.sitemap as { loc: string }[]).flatMap(({ loc }) => {
      const file = loc.replace(`${SITE.url}${SITE.base}`, '');
      return (parser.parse(read(file)).urlset.url as { loc: string }[]).map((u) => u.loc);
    });
    // Not the 404 page, nor the embed pages (/embed/<survey>/, noindex: the figure alone for other sites to frame).
    const pages = htmlFiles(dist)
      .filter((f) => !isStandInPage(f) && !isEmbedPage(f))
      .map((f) => `${SITE.url}${pagePath(dist, f, SITE.base)}`);
    expect(new Set(urls)).toEqual(new Set(pages));
    expect(urls).toHaveLength(pages.length);
  });
  it('robots.txt points at the sitemap', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE.url}${SITE.base}sitemap-index.xml`);
  });
});

describe('links', () => {
  it('every internal href, src, srcset and #fragment resolves', () => {
    const { checked, problems } = checkInternalLinks(dist, { site: SITE.url, base: SITE.base });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
  it('feeds and sitemap point only at pages that exist', () => {
    const xmlFiles = listFiles(dist, (p) => p.endsWith('.xml'));
    for (const file of xmlFiles) {
      const xml = readFileSync(file, 'utf8');
      for (const [, url] of xml.matchAll(/<(?:link|loc|guid[^>]*)>([^<]+)</g)) {
        const path = new URL(url!).pathname;
        const rel = path.slice(SITE.base.length);
        const target = rel === '' || rel.endsWith('/') ? join(dist, rel, 'index.html') : join(dist, rel);
        expect(existsSync(target), `${file}: ${url}`).toBe(true);
      }
    }
  });
});
