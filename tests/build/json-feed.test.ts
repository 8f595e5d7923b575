/**
 * JSON Feed 1.1 beside every RSS feed (main build): valid by the spec's schema,
 * the same items, ids and HTML as the RSS twin, announced on every page; feed
 * links meant for people lead to /subscribe/; the sitemap's lastmod comes from
 * content dates; and with no WebSub hub set, no feed names one.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { elements, htmlFiles, listFiles, pagePath } from '../support/dist';
import { jsonFeedErrors } from '../support/json-feed-schema';
import { jsonItems, jsonTwin, readJsonFeed, readRss, rssItems } from '../support/feeds';
import { SITE } from '../../src/site.config';

const dist = inject('mainDistDir');
const root = `${SITE.url}${SITE.base}`;
const rssFeeds = listFiles(dist, (path) => path.endsWith('/rss.xml')).map((file) => relative(dist, file));

describe('JSON Feed 1.1 (main build)', () => {
  it('there is one JSON feed beside each RSS feed', () => {
    expect(listFiles(dist, (path) => path.endsWith('/feed.json')).map((file) => relative(dist, file))).toEqual(
      rssFeeds.map(jsonTwin),
    );
    expect(rssFeeds.map(jsonTwin)).toEqual([
      'categories/crypto-basics/feed.json',
      'categories/research/feed.json',
      'feed.json',
    ]);
  });

  it.each(rssFeeds.map(jsonTwin))('%s is valid JSON Feed 1.1 at its own URL', (path) => {
    const feed = readJsonFeed(dist, path);
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect(feed.feed_url).toBe(root + path);
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it.each(rssFeeds)(
    '%s and its JSON twin carry the same items: ids, links, titles, HTML, dates, tags, authors',
    (path) => {
      const rss = rssItems(readRss(dist, path));
      expect(rss.length).toBeGreaterThan(0);
      expect(jsonItems(readJsonFeed(dist, jsonTwin(path)))).toEqual(rss);
    },
  );

  it('items carry date_modified, authors with their page, language and the chart card as image', () => {
    const feed = readJsonFeed(dist, 'feed.json');
    const survey = feed.items.find((item) => item.url === `${root}posts/top-crypto-narratives-2024/`)!;
    expect(survey).toMatchObject({
      image: `${root}og/moon-awards-2024-narratives.png`,
      date_published: '2024-03-12T00:00:00.000Z',
      date_modified: '2024-03-12T00:00:00.000Z',
      authors: [{ name: 'Token Metrics Team', url: `${root}authors/token-metrics-team/` }],
      language: 'en',
    });
    for (const item of feed.items)
      expect(Date.parse(item.date_modified as string)).toBeGreaterThanOrEqual(
        Date.parse(item.date_published as string),
      );
  });

  it('with no WebSub hub set, no feed names one', () => {
    for (const path of rssFeeds) {
      expect(readRss(dist, path)['atom:link'].map((link) => link['@rel'])).toEqual(['self']);
      expect(readJsonFeed(dist, jsonTwin(path))).not.toHaveProperty('hubs');
    }
  });
});

describe('feed discovery and links', () => {
  const pages = htmlFiles(dist).filter((file) => !readFileSync(file, 'utf8').includes('http-equiv="refresh"'));

  it('every page announces the site JSON Feed beside the RSS feed', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const alternates = elements(readFileSync(file, 'utf8'))
        .filter((e) => e.name === 'link' && e.attributes.rel === 'alternate')
        .map((e) => `${e.attributes.type} ${e.attributes.href}`);
      expect(alternates, file).toContain(`application/rss+xml ${root}rss.xml`);
      expect(alternates, file).toContain(`application/feed+json ${root}feed.json`);
    }
  });

  it('an article and its category page also announce the category feeds in both formats', () => {
    for (const path of ['posts/fast-reliable-apis-with-fastapi/index.html', 'categories/research/index.html']) {
      const hrefs = elements(readFileSync(join(dist, path), 'utf8'))
        .filter((e) => e.name === 'link' && e.attributes.rel === 'alternate')
        .map((e) => e.attributes.href);
      expect(hrefs).toEqual([
        `${root}rss.xml`,
        `${root}feed.json`,
        `${root}categories/research/rss.xml`,
        `${root}categories/research/feed.json`,
      ]);
    }
  });

  it('links for people lead to /subscribe/; only that page links the feed files themselves', () => {
    const feedHref = /(?:rss\.xml|feed\.json)$/;
    let subscribeLinks = 0;
    for (const file of pages) {
      const anchors = elements(readFileSync(file, 'utf8')).filter((e) => e.name === 'a');
      if (pagePath(dist, file) === '/subscribe/') continue;
      expect(
        anchors.filter((a) => feedHref.test(a.attributes.href ?? '')).map((a) => a.attributes.href),
        file,
      ).toEqual([]);
      subscribeLinks += anchors.filter((a) => /\/subscribe\/(#|$)/.test(a.attributes.href ?? '')).length;
    }
    // The footer on every page, plus the listings' own links.
    expect(subscribeLinks).toBeGreaterThan(pages.length);
    const category = elements(readFileSync(join(dist, 'categories/research/index.html'), 'utf8'));
    expect(category.some((e) => e.name === 'a' && e.attributes.href === '/subscribe/#category-research')).toBe(true);
  });

  it('/subscribe/ lists every feed in both formats, with a copy button each and a word on feed readers', () => {
    const html = readFileSync(join(dist, 'subscribe/index.html'), 'utf8');
    const all = elements(html);
    const feedUrls = [...rssFeeds, ...rssFeeds.map(jsonTwin)].map((path) => root + path).sort();
    expect(
      all
        .filter((e) => e.name === 'a' && feedHref(e.attributes.href))
        .map((e) => e.attributes.href)
        .sort(),
    ).toEqual(feedUrls);
    expect(
      all
        .filter((e) => e.name === 'button' && e.attributes['data-copy'])
        .map((e) => e.attributes['data-copy'])
        .sort(),
    ).toEqual(feedUrls);
    expect(all.find((e) => e.name === 'h1')?.text).toBe('Follow new posts');
    expect(all.find((e) => e.name === 'header' && e.attributes.class === 'page-intro')?.text).toMatch(
      /A feed reader is an app/,
    );
    for (const id of ['all', 'category-research', 'category-crypto-basics'])
      expect(
        all.some((e) => e.name === 'section' && e.attributes.id === id),
        id,
      ).toBe(true);
    // No XSLT anywhere: the feeds are not styled for browsers; this page is what people see.
    for (const path of [...rssFeeds]) expect(readFileSync(join(dist, path), 'utf8')).not.toContain('xml-stylesheet');
  });
});

function feedHref(href: string | undefined): boolean {
  return /(?:rss\.xml|feed\.json)$/.test(href ?? '');
}

describe('sitemap <lastmod>', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  const urls = (
    parser.parse(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')) as {
      urlset: { url: { loc: string; lastmod?: string }[] };
    }
  ).urlset.url;
  const lastmod = (path: string) => urls.find((url) => url.loc === root + path)?.lastmod;
  const meta = (path: string, property: string) =>
    elements(readFileSync(join(dist, path, 'index.html'), 'utf8')).find((e) => e.attributes.property === property)
      ?.attributes.content;

  it("a post: its updatedDate, else its pubDate (the page's own article dates)", () => {
    const posts = urls.filter((url) => /\/posts\/[^/]+\/$/.test(url.loc) && !/\/posts\/\d+\/$/.test(url.loc));
    expect(posts.length).toBe(4);
    for (const { loc, lastmod: date } of posts) {
      const path = loc.slice(root.length);
      expect(date, loc).toBe(meta(path, 'article:modified_time') ?? meta(path, 'article:published_time'));
    }
    expect(lastmod('posts/fast-reliable-apis-with-fastapi/')).toBe('2025-02-25T00:00:00.000Z');
    expect(lastmod('posts/top-crypto-narratives-2024/')).toBe('2024-03-12T00:00:00.000Z');
  });

  it('a listing: its newest post', () => {
    expect(lastmod('')).toBe('2025-02-25T00:00:00.000Z');
    expect(lastmod('posts/')).toBe('2025-02-25T00:00:00.000Z');
    expect(lastmod('categories/crypto-basics/')).toBe('2024-03-12T00:00:00.000Z');
    expect(lastmod('categories/research/')).toBe('2025-02-25T00:00:00.000Z');
    expect(lastmod('tags/asyncio/')).toBe('2025-02-04T00:00:00.000Z');
    expect(lastmod('authors/token-metrics-team/')).toBe('2025-02-25T00:00:00.000Z');
    expect(lastmod('tags/')).toBe('2025-02-25T00:00:00.000Z');
  });

  it('pages that list no post have none, and every date is a content date (never the build clock)', () => {
    expect(lastmod('search/')).toBeUndefined();
    expect(lastmod('subscribe/')).toBeUndefined();
    const dated = urls.filter((url) => url.lastmod);
    expect(dated.length).toBe(urls.length - 2);
    const contentDates = new Set(
      readJsonFeed(dist, 'feed.json').items.flatMap((item) => [item.date_published, item.date_modified]),
    );
    for (const { loc, lastmod: date } of dated) expect(contentDates, loc).toContain(date);
  });
});
