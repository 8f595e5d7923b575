/**
 * Navigation for long reads, over the built HTML: the "On this page" list
 * (from Astro's heading data), the link beside every section heading, the
 * back-to-top link, and what stays out of the search index and the feeds.
 * The real site is read, plus tests/fixtures/article-nav, whose posts carry one
 * body through the three render paths (Markdown, plain .mdx rendered as
 * Markdown, MDX) and a post too short for a list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../support/build-site';
import type { Element as HastElement, Nodes as HastNode } from 'hast';
import { toString } from 'hast-util-to-string';
import { elements, type Element } from '../support/dist';
import { HEADING_ANCHOR_CLASS, sectionLinkLabel } from '../../src/lib/content/heading-anchors';

const mainDist = inject('mainDistDir');
const FIXTURE = 'tests/fixtures/article-nav';
let fixtureDist = '';

beforeAll(async () => {
  const result = await buildSite('article-nav', { CONTENT_DIR: FIXTURE });
  expect(result.ok, result.output).toBe(true);
  fixtureDist = result.distDir;
});

const page = (dist: string, id: string) => elements(readFileSync(join(dist, 'posts', id, 'index.html'), 'utf8'));
const classes = (e: Element) => (e.attributes.class ?? '').split(/\s+/);
const articleIds = (dist: string) =>
  readdirSync(join(dist, 'posts'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /[a-z]/.test(d.name))
    .map((d) => d.name);

/** Every element under `root` (itself included), from the same parse as `all`. */
function within(all: Element[], root: Element): Element[] {
  const nodes = new Set<unknown>();
  const walk = (node: HastNode) => {
    nodes.add(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root.node);
  return all.filter((e) => nodes.has(e.node));
}
const childElements = (node: HastElement) => node.children.filter((c): c is HastElement => c.type === 'element');

interface ListEntry {
  href: string;
  text: string;
  children: ListEntry[];
}
/** The nested list under a TOC element: each entry's link and its sublist. */
function listOf(root: HastElement): ListEntry[] {
  const ol = childElements(root).find((c) => c.tagName === 'ol');
  return (ol ? childElements(ol) : []).map((li) => {
    const link = childElements(li).find((c) => c.tagName === 'a')!;
    return { href: String(link.properties.href), text: toString(link), children: listOf(li) };
  });
}

/** The two renderings of the list: the aside (wide screens) and the <details> (phones), with the panel inside it. */
function tocs(all: Element[]) {
  const aside = all.find((e) => e.name === 'nav' && classes(e).includes('toc--aside'));
  const details = all.find((e) => e.name === 'details' && classes(e).includes('toc--inline'));
  const inner = details && within(all, details).find((e) => classes(e).includes('toc__panel'));
  return { aside, details, inner };
}

const proseElements = (all: Element[]) =>
  within(
    all,
    all.find((e) => 'data-pagefind-body' in e.attributes)!,
  );
const sectionHeadings = (all: Element[]) =>
  proseElements(all).filter((e) => /^h[2-6]$/.test(e.name) && e.attributes.id);

describe('"On this page"', () => {
  it('lists the flagship article’s twelve sections, in order, in both renderings, linking to their headings', () => {
    const all = page(mainDist, 'top-crypto-narratives-2024');
    const { aside, details, inner } = tocs(all);
    expect(aside?.attributes['aria-label']).toBe('On this page');
    expect(within(all, details!).find((e) => e.name === 'summary')?.text).toBe('On this page');
    expect(details!.attributes.open).toBeUndefined();
    const h2s = sectionHeadings(all).filter((e) => e.name === 'h2');
    const expected = h2s.map((h) => ({ href: `#${h.attributes.id}`, text: h.text, children: [] }));
    expect(expected).toHaveLength(12);
    expect(expected[0]).toEqual({
      href: '#what-are-crypto-narratives',
      text: 'What are crypto narratives?',
      children: [],
    });
    expect(expected.at(-1)).toEqual({ href: '#conclusion', text: 'Conclusion', children: [] });
    expect(listOf(aside!.node)).toEqual(expected);
    expect(listOf(inner!.node)).toEqual(expected);
  });

  it('nests subsections under their section and leaves deeper headings out', () => {
    const { aside } = tocs(page(fixtureDist, 'sections-markdown'));
    expect(listOf(aside!.node)).toEqual([
      {
        href: '#sizing-the-order-book',
        text: 'Sizing the order book',
        children: [
          { href: '#bids--asks', text: 'Bids & asks', children: [] },
          { href: '#the-spread', text: 'The spread', children: [] },
        ],
      },
      { href: '#reading-funding-rates', text: 'Reading “funding” rates', children: [] },
      {
        href: '#sizing-the-order-book-1',
        text: 'Sizing the order book',
        children: [{ href: '#closing-notes', text: 'Closing notes', children: [] }],
      },
    ]);
  });

  it('comes out the same from Markdown, from a plain .mdx rendered as Markdown and from MDX', () => {
    const [markdown, plain, mdx] = ['sections-markdown', 'sections-plain', 'sections-mdx'].map((id) => {
      const all = page(fixtureDist, id);
      return {
        toc: listOf(tocs(all).aside!.node),
        anchors: proseElements(all)
          .filter((e) => e.name === 'a' && classes(e).includes(HEADING_ANCHOR_CLASS))
          .map((e) => e.attributes),
      };
    });
    expect(markdown!.anchors).toHaveLength(7);
    expect(plain).toEqual(markdown);
    expect(mdx).toEqual(markdown);
  });

  it('is left out, with the back-to-top link, for a post of fewer than three sections', () => {
    const all = page(fixtureDist, 'short-read');
    expect(tocs(all)).toEqual({ aside: undefined, details: undefined, inner: undefined });
    expect(all.some((e) => classes(e).includes('back-to-top'))).toBe(false);
    expect(all.some((e) => classes(e).includes('article-body--with-toc'))).toBe(false);
    // Its headings still get their links.
    expect(proseElements(all).filter((e) => classes(e).includes(HEADING_ANCHOR_CLASS))).toHaveLength(3);
  });

  it('long reads end with a plain link back to the top of the page', () => {
    const all = page(mainDist, 'top-crypto-narratives-2024');
    const links = all.filter((e) => e.name === 'a' && e.text.includes('Back to top'));
    // One after the body, one at the foot of the list beside it (shown on wide screens).
    expect(links).toHaveLength(2);
    for (const link of links) expect(link.attributes.href).toBe('#top');
  });
});

describe('the link beside every section heading', () => {
  it.each([
    ...articleIds(mainDist ?? '').map((id) => ['main', id] as const),
    ...['sections-markdown', 'sections-plain', 'sections-mdx', 'short-read'].map((id) => ['fixture', id] as const),
  ])('%s %s: every h2–h6 in the body has one, named after it, with no text of its own', (build, id) => {
    const all = page(build === 'main' ? mainDist : fixtureDist, id);
    const headings = sectionHeadings(all);
    expect(headings.length).toBeGreaterThanOrEqual(2);
    for (const heading of headings) {
      const wrapper = proseElements(all).find((e) => e.node.children.includes(heading.node));
      expect(wrapper && wrapper.name === 'div' && classes(wrapper), `${id} #${heading.attributes.id}`).toEqual([
        'heading',
      ]);
      // The wrapper holds the heading, then its link, and nothing else.
      const [inner, link, ...more] = childElements(wrapper!.node);
      expect([inner === heading.node, link?.tagName, more.length]).toEqual([true, 'a', 0]);
      const anchor = all.find((e) => e.node === link);
      expect(anchor!.attributes).toEqual({
        class: HEADING_ANCHOR_CLASS,
        href: `#${heading.attributes.id}`,
        'aria-label': sectionLinkLabel(heading.text),
        'data-pagefind-ignore': '',
      });
      expect(anchor!.text).toBe('');
    }
  });
});

describe('what readers of search and feeds never see', () => {
  interface Fragment {
    url: string;
    content: string;
    anchors: { text: string }[];
  }
  const fragments = (dist: string): Fragment[] =>
    readdirSync(join(dist, 'pagefind', 'fragment')).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(dist, 'pagefind', 'fragment', name)))
            .toString('utf8')
            .slice('pagefind_dcd'.length),
        ) as Fragment,
    );

  it.each(['main', 'fixture'])('%s: the search index holds no link names, list or "#" beside a heading', (build) => {
    const dist = build === 'main' ? mainDist : fixtureDist;
    const all = fragments(dist);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const fragment of all) {
      expect(fragment.content, fragment.url).not.toMatch(/Link to section|On this page|Back to top/);
      expect(fragment.content, fragment.url).not.toContain('#');
      for (const anchor of fragment.anchors) expect(anchor.text, fragment.url).not.toMatch(/#|Link to section/);
    }
    const flagship = all.find((f) => f.url.includes('top-crypto-narratives-2024'));
    if (build === 'main') expect(flagship?.content).toContain('What are crypto narratives? A crypto narrative is');
  });

  it.each(['main', 'fixture'])(
    '%s: feed items keep each heading and its id, without the link or its wrapper',
    (build) => {
      const dist = build === 'main' ? mainDist : fixtureDist;
      const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(
        readFileSync(join(dist, 'rss.xml'), 'utf8'),
      ).rss.channel.item as { link: string; 'content:encoded': string }[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      for (const item of items) {
        const html = item['content:encoded'];
        expect(html, item.link).not.toMatch(/heading-anchor|Link to section|class="heading"|On this page/);
        const all = elements(html);
        const headings = all.filter((e) => /^h[2-6]$/.test(e.name) && e.attributes.id);
        expect(headings.length, item.link).toBeGreaterThanOrEqual(2);
        // Every link left in the item has text a reader can see.
        for (const link of all.filter((e) => e.name === 'a')) expect(link.text.trim(), item.link).not.toBe('');
      }
    },
  );
});
