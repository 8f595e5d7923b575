/**
 * Feeds no input can break: the real feeds are well-formed XML with only
 * absolute http(s) URLs and nothing executable; HTML an author pastes into a
 * post (tests/fixtures/feeds-hostile, built under /blog/) comes out inert; and
 * a character XML cannot carry stops the build, naming the file.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildSite, ROOT, TMP_ROOT, type BuildResult } from '../support/build-site';
import { elements, listFiles } from '../support/dist';
import { SITE } from '../../src/site.config';
import { firstNonXmlChar } from '../../src/lib/feeds/xml-text';
import { jsonFeedErrors } from '../support/json-feed-schema';
import { jsonItems, jsonTwin, readJsonFeed, readRss, rssItems } from '../support/feeds';

// Every value read back as the string it is (no number coercion, no trimming).
const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'category',
});
interface Item {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  'content:encoded': string;
  'dc:creator': string;
  category: string[];
}
const channelOf = (xml: string) =>
  reader.parse(xml).rss.channel as { 'atom:link': Record<string, string>; item: Item[] };

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'];
const NOT_IN_FEEDS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'template',
  'dialog',
  'canvas',
  'link',
  'meta',
  'base',
  'svg',
  'noscript',
]);
const DOCUMENT = new Set(['html', 'head', 'body']);

/** What a feed item's HTML must never hold (each finding names the element and attribute), and how many URLs were checked. */
function inspect(html: string): { unsafe: string[]; urls: number } {
  const found: string[] = [];
  let checked = 0;
  for (const { name, attributes } of elements(html)) {
    if (DOCUMENT.has(name)) continue;
    if (NOT_IN_FEEDS.has(name) || name.includes('-')) found.push(`<${name}>`);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (/^on|^data-|^style$|^tabindex$/i.test(attribute)) found.push(`<${name} ${attribute}>`);
      const urls =
        attribute === 'srcset'
          ? value
              .split(/\s+/)
              .filter((token) => token && !/^\d+(?:\.\d+)?[wxh],?$/.test(token))
              .map((url) => url.replace(/,$/, ''))
          : URL_ATTRIBUTES.includes(attribute)
            ? [value]
            : [];
      for (const url of urls) {
        checked += 1;
        const allowed = attribute === 'href' ? /^(https?:\/\/|mailto:)/ : /^https?:\/\//;
        if (!allowed.test(url)) found.push(`<${name} ${attribute}="${url}">`);
      }
    }
  }
  if (/javascript:/i.test(html)) found.push('javascript:');
  return { unsafe: found, urls: checked };
}

describe('the real feeds (main build)', () => {
  const dist = inject('mainDistDir');
  const feeds = listFiles(dist, (path) => path.endsWith('rss.xml')).map((file) => relative(dist, file));

  it('there is the main feed and one per category', () => {
    expect(feeds).toEqual(['categories/crypto-basics/rss.xml', 'categories/research/rss.xml', 'rss.xml']);
  });

  it.each(feeds)('%s is well-formed XML 1.0 with atom:link rel=self at its own absolute URL', (path) => {
    const xml = readFileSync(join(dist, path), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(firstNonXmlChar(xml)).toBeUndefined();
    expect(channelOf(xml)['atom:link']).toEqual({
      '@href': `${SITE.url}${SITE.base}${path}`,
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
  });

  it.each(feeds)('%s: every item is inert HTML whose URLs are all absolute http(s)', (path) => {
    const { item: items } = channelOf(readFileSync(join(dist, path), 'utf8'));
    expect(items.length).toBeGreaterThan(0);
    let urls = 0;
    for (const item of items) {
      const found = inspect(item['content:encoded']);
      expect(found.unsafe, item.link).toEqual([]);
      urls += found.urls;
    }
    // Each feed has links or images to check, so the check above is not vacuous.
    expect(urls).toBeGreaterThan(0);
  });

  it('the survey post keeps its chart image, table and data links', () => {
    const { item: items } = channelOf(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    const html = items.find((item) => item.link.endsWith('/posts/top-crypto-narratives-2024/'))!['content:encoded'];
    expect(html).toContain(
      `<img src="${SITE.url}${SITE.base}og/moon-awards-2024-narratives.png" alt="Bar chart: Which crypto narrative will lead in 2024?`,
    );
    expect(html).toContain('<th scope="row"><a href="');
    expect(html).toContain('<td class="num">30.2%</td>');
    expect(html).toContain(
      `<a href="${SITE.url}${SITE.base}data/moon-awards-2024-narratives.csv" download="moon-awards-2024-narratives.csv">CSV</a>`,
    );
  });
});

describe('pasted HTML in a post (tests/fixtures/feeds-hostile under /blog/, with a WebSub hub)', () => {
  const SITE_URL = 'https://example.github.io';
  const HUB = 'https://hub.example.org/websub';
  const POST = `${SITE_URL}/blog/posts/pasted-html/`;
  let build: BuildResult;
  let item: Item;
  let xml = '';
  beforeAll(async () => {
    build = await buildSite('feeds-hostile', {
      CONTENT_DIR: 'tests/fixtures/feeds-hostile',
      SITE: SITE_URL,
      BASE: '/blog/',
      WEBSUB_HUB: HUB,
    });
    if (!build.ok) throw new Error(build.output);
    xml = readFileSync(join(build.distDir, 'rss.xml'), 'utf8');
    item = channelOf(xml).item[0]!;
  });

  it('the feed stays well-formed around "]]>", "<![CDATA[" and "</content:encoded>"', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(item.title).toBe('Pasted HTML ]]> and <![CDATA[ in a title');
    expect(item['content:encoded']).toContain(
      '<p>Text that looks like XML: ]]> and &lt;/content:encoded> and &lt;![CDATA[ and a bare &amp; sign.</p>',
    );
  });

  it('fragment and relative links point at the site; mailto stays', () => {
    expect(item['content:encoded']).toContain(
      `<p><a href="${POST}#later">fragment link</a>, <a href="${SITE_URL}/blog/categories/research/">relative link</a> and <a href="mailto:desk@example.org">mail link</a>.</p>`,
    );
  });

  it('images keep absolute sources, srcset candidates included', () => {
    expect(item['content:encoded']).toContain(`<img src="${POST}pixel.png" alt="pixel">`);
    expect(item['content:encoded']).toContain(
      `<picture><source srcset="${POST}wide.png 2x"><img src="${SITE_URL}/narrow.png" alt="narrow"></picture>`,
    );
  });

  it('the feed allowlist is stricter than the page: an embed the post may show is not sent to readers', () => {
    const page = readFileSync(join(build.distDir, 'posts/pasted-html/index.html'), 'utf8');
    expect(
      elements(page)
        .filter((e) => e.name === 'iframe')
        .map((e) => e.attributes.src),
    ).toEqual(['https://www.youtube-nocookie.com/embed/abc']);
    const html = item['content:encoded'];
    expect(inspect(html)).toEqual({ unsafe: [], urls: 6 });
    expect(html).not.toContain('youtube');
    expect(html).toContain('<details><summary>More</summary><p>details content</p></details>');
  });

  it('an author and tags that look like numbers or booleans are written as they are', () => {
    expect(xml).toContain(
      '<dc:creator>0xCAFE</dc:creator><category>Research</category><category>007</category><category>1e3</category><category>true</category>',
    );
    expect(item.guid).toEqual({ '#text': POST, '@isPermaLink': 'true' });
  });

  const feedPaths = () =>
    listFiles(build.distDir, (path) => path.endsWith('rss.xml')).map((file) => relative(build.distDir, file));

  it('every JSON feed is valid JSON Feed 1.1 and carries the same items as its RSS twin', () => {
    expect(feedPaths().length).toBeGreaterThan(1);
    for (const path of feedPaths()) {
      const feed = readJsonFeed(build.distDir, jsonTwin(path));
      expect(jsonFeedErrors(feed), path).toEqual([]);
      expect(jsonItems(feed), path).toEqual(rssItems(readRss(build.distDir, path)));
    }
    const [item] = readJsonFeed(build.distDir, 'feed.json').items;
    expect(item).toMatchObject({
      title: 'Pasted HTML ]]> and <![CDATA[ in a title',
      tags: ['Research', '007', '1e3', 'true'],
    });
    expect(item?.content_html).toContain('<details><summary>More</summary><p>details content</p></details>');
    expect(item?.content_html).not.toContain('youtube');
  });

  it('with a hub set, every feed names it: RSS atom:link rel="hub", JSON Feed hubs', () => {
    for (const path of feedPaths()) {
      expect(readRss(build.distDir, path)['atom:link'], path).toEqual([
        { '@href': `https://example.github.io/blog/${path}`, '@rel': 'self', '@type': 'application/rss+xml' },
        { '@href': HUB, '@rel': 'hub' },
      ]);
      expect(readJsonFeed(build.distDir, jsonTwin(path)).hubs, path).toEqual([{ type: 'WebSub', url: HUB }]);
    }
  });
});

describe('a character XML cannot carry', () => {
  const dir = join(TMP_ROOT, 'feeds-bad-char-content');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the build with the file and field it came from', async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/feeds-hostile/posts'), join(dir, 'posts'), { recursive: true });
    mkdirSync(join(dir, 'categories'));
    // JSON can only carry U+0001 as an escape, so the message has no line to point at.
    writeFileSync(
      join(dir, 'categories/research.json'),
      JSON.stringify({ name: 'Research', description: 'Guides.', disclaimer: 'Not advice.\u0001' }, null, 2),
    );
    const result = await buildSite('feeds-bad-char', { CONTENT_DIR: dir });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      `[InvalidContent] ${relative(ROOT, dir)}/categories/research.json (disclaimer): contains U+0001, a control character that XML feeds cannot carry; delete it\n`,
    );
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
