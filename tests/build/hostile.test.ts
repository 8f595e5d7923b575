/**
 * Hostile content (tests/fixtures/hostile, selected with CONTENT_DIR so real
 * content never sees it): every string reaches HTML, JSON-LD, RSS, Open Graph
 * and the sitemap intact and escaped for its context.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { buildSite } from '../support/build-site';
import { elements } from '../support/dist';
import { blockedInlineScripts, headersPolicy } from '../support/csp';
import { jsonFeedErrors } from '../support/json-feed-schema';
import { jsonItems, readJsonFeed, readRss, rssItems } from '../support/feeds';

const FIXTURE = 'tests/fixtures/hostile';
let dist = '';
const posts = readdirSync(join(FIXTURE, 'posts')).map((file) => {
  const source = readFileSync(join(FIXTURE, 'posts', file), 'utf8');
  const field = (name: string) => JSON.parse(source.match(new RegExp(`^${name}: (.*)$`, 'm'))![1]!) as string;
  return { id: file.replace(/\.mdx$/, ''), title: field('title'), description: field('description') };
});

beforeAll(async () => {
  const result = await buildSite('hostile', { CONTENT_DIR: FIXTURE });
  expect(result.ok, result.output).toBe(true);
  dist = result.distDir;
});

const page = (id: string) => readFileSync(join(dist, 'posts', id, 'index.html'), 'utf8');
const meta = (html: string, key: string) =>
  elements(html).find((e) => e.name === 'meta' && (e.attributes.property === key || e.attributes.name === key))
    ?.attributes.content;

describe('hostile content stays intact and inert', () => {
  it('the fixture really is hostile', () => {
    expect(posts.map((p) => p.title).join()).toContain('</script><script>alert(1)</script>');
    expect(posts.some((p) => p.title.length === 300)).toBe(true);
  });

  it.each(posts)(
    '$id: title and description survive in <title>, <h1>, meta, Open Graph and Twitter tags',
    ({ id, title, description }) => {
      const html = page(id);
      const all = elements(html);
      expect(all.find((e) => e.name === 'h1')?.text).toBe(title);
      expect(all.find((e) => e.name === 'title')?.text.startsWith(title)).toBe(true);
      expect(meta(html, 'description')).toBe(description);
      expect(meta(html, 'og:title')).toBe(title);
      expect(meta(html, 'og:description')).toBe(description);
      expect(meta(html, 'twitter:title')).toBe(title);
    },
  );

  it.each(posts)(
    '$id: JSON-LD parses back to the exact strings and cannot close its element',
    ({ id, title, description }) => {
      const blocks = elements(page(id)).filter(
        (e) => e.name === 'script' && e.attributes.type === 'application/ld+json',
      );
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(block.text).not.toMatch(/<\/script|<!--/i);
      const article = JSON.parse(blocks[0]!.text);
      expect(article.headline).toBe(title);
      expect(article.description).toBe(description);
    },
  );

  it.each(posts)('$id: no inline script besides the hashed theme script', async ({ id }) => {
    expect(blockedInlineScripts(page(id), await headersPolicy(dist))).toEqual([]);
  });

  it('body text with markup-looking strings renders as text', () => {
    const paragraphs = elements(page('script-breakout'))
      .filter((e) => e.name === 'p')
      .map((e) => e.text);
    expect(paragraphs.join('\n')).toContain(
      'Body text that must stay text: </script><script>alert(4)</script> and <!-- and &amp; and a bare & sign.',
    );
  });

  it('hostile tags get safe URLs and intact labels', () => {
    const tagLinks = elements(page('script-breakout')).filter((e) => e.name === 'a' && e.attributes.rel === 'tag');
    expect(tagLinks.map((a) => a.text)).toEqual(['#</script><script>alert(3)</script>', '#fish & chips', '#<!--']);
    for (const a of tagLinks) expect(a.attributes.href).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
  });

  it('the RSS feed carries the exact strings, escaped as XML', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(xml).not.toContain('<script');
    const items = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' || n === 'category' }).parse(
      xml,
    ).rss.channel.item as Record<string, unknown>[];
    for (const post of posts) {
      const item = items.find((i) => i.title === post.title);
      expect(item, post.id).toBeDefined();
      expect(item!.description).toBe(post.description);
    }
    const hostile = items.find((i) => String(i.title).includes('alert(1)'))!;
    // Read as a reader's HTML parser reads it: the markup-looking body text is text, exactly.
    const paragraphs = elements(hostile['content:encoded'] as string)
      .filter((e) => e.name === 'p')
      .map((e) => e.text);
    expect(paragraphs).toContain(
      'Body text that must stay text: </script><script>alert(4)</script> and <!-- and &amp; and a bare & sign.',
    );
    expect(hostile.category).toContain('</script><script>alert(3)</script>');
  });

  it('the JSON Feed is valid JSON Feed 1.1 with the exact strings, item for item as the RSS feed', () => {
    const feed = readJsonFeed(dist, 'feed.json');
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect(jsonItems(feed)).toEqual(rssItems(readRss(dist, 'rss.xml')));
    for (const post of posts)
      expect(feed.items.find((i) => i.title === post.title)?.summary, post.id).toBe(post.description);
  });

  it('the sitemap lists each hostile post with a plain URL', () => {
    const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const post of posts) expect(xml).toContain(`/posts/${post.id}/</loc>`);
  });

  it('emoji and right-to-left text are intact', () => {
    const html = page('emoji-rtl');
    expect(html).toContain('مرحبا بالعالم — שלום');
    expect(html).toContain('🚀🌕');
  });
});
