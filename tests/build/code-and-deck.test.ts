/**
 * Over the built site: fenced code carries its language label and keyboard
 * scrolling in the HTML (no style attributes the CSP would block), feeds carry
 * the code as inert text, and the two posts titled "Building High-Performance
 * APIs with FastAPI" are told apart by their decks on cards, in article
 * headers, in the search index and in the feed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { elements, parseHtml } from '../support/dist';
import { toHtml } from 'hast-util-to-html';

const dist = inject('mainDistDir');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

const TITLE = 'Building High-Performance APIs with FastAPI';
const DECKS = {
  'building-high-performance-apis-with-fastapi': 'Where the speed comes from, and how to scale it out',
  'building-high-performance-apis-with-fastapi-async-patterns': 'Async patterns, profiling and production tuning',
};
const CODE_POSTS = ['building-high-performance-apis-with-fastapi', 'fast-reliable-apis-with-fastapi'];

describe('fenced code in articles', () => {
  it.each(CODE_POSTS)('%s: every block names its language and scrolls from the keyboard', (id) => {
    const found = elements(read(`posts/${id}/index.html`));
    const blocks = found.filter((e) => e.name === 'pre');
    expect(blocks.length).toBeGreaterThan(0);
    for (const pre of blocks) {
      expect(pre.attributes['data-language']).toBe('python');
      const code = pre.node.children.find((child) => child.type === 'element' && child.tagName === 'code');
      expect(code && code.type === 'element' && code.properties.tabIndex).toBe(0);
    }
    // Prism writes classes; a style attribute would be blocked by the CSP (style-src without 'unsafe-inline').
    expect(found.filter((e) => e.attributes.style !== undefined).map((e) => e.name)).toEqual([]);
  });
});

describe('feeds carry code as plain, inert markup', () => {
  interface Item {
    title: string;
    link: string;
    'content:encoded': string;
  }
  const items = () =>
    (new XMLParser({ isArray: (n) => n === 'item' }).parse(read('rss.xml')).rss.channel.item as Item[]).map((item) => ({
      ...item,
      html: toHtml(parseHtml(item['content:encoded'])),
    }));

  it('code blocks keep their text and lines; no copy button, script, tabindex or data attribute', () => {
    const item = items().find((i) => i.link.endsWith('/posts/fast-reliable-apis-with-fastapi/'))!;
    expect(item.html).toMatch(/<pre class="language-python"><code class="language-python">/);
    const code = elements(item.html).find((e) => e.name === 'code' && e.attributes.class === 'language-python');
    expect(code?.text).toContain('\n    status: str\n');
    expect(item.html).not.toMatch(/<button|<script|tabindex|data-language|Copy<\/button>/);
  });

  it('the two like-titled posts have distinct item titles, each with its deck', () => {
    const titles = items()
      .map((i) => i.title)
      .filter((t) => t.startsWith(TITLE));
    expect(titles.sort()).toEqual(
      Object.values(DECKS)
        .map((deck) => `${TITLE} — ${deck}`)
        .sort(),
    );
  });
});

describe('decks tell the two like-titled posts apart', () => {
  it.each([
    ['home', 'index.html'],
    ['the post list', 'posts/index.html'],
    ['the research category', 'categories/research/index.html'],
  ])('%s: each card heading link holds the title, a hidden colon and the deck', (_name, file) => {
    const headingLinks = elements(read(file))
      .filter((e) => (e.name === 'h2' || e.name === 'h3') && e.text.startsWith(TITLE))
      .map((e) => e.text);
    expect(headingLinks.sort()).toEqual(
      Object.values(DECKS)
        .map((deck) => `${TITLE}: ${deck}`)
        .sort(),
    );
  });

  it.each(Object.entries(DECKS))('%s: the article header shows the deck, read by Pagefind as meta', (id, deck) => {
    const found = elements(read(`posts/${id}/index.html`));
    expect(found.find((e) => e.name === 'h1')?.text).toBe(TITLE);
    const shown = found.find((e) => e.attributes.class === 'article-deck');
    expect(shown?.text.trim()).toBe(deck);
    expect(shown?.attributes['data-pagefind-meta']).toBe('deck');
  });

  it('the search index holds each deck for its post, and none for posts without one', () => {
    const dir = join(dist, 'pagefind/fragment');
    const fragments = readdirSync(dir).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(dir, name)))
            .toString('utf8')
            .slice('pagefind_dcd'.length),
        ) as {
          url: string;
          meta: Record<string, string>;
        },
    );
    const decks = Object.fromEntries(fragments.map((f) => [f.url, f.meta.deck]));
    for (const [id, deck] of Object.entries(DECKS)) expect(decks[`/posts/${id}/`]).toBe(deck);
    expect(decks['/posts/fast-reliable-apis-with-fastapi/']).toBeUndefined();
  });
});
