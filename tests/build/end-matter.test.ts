/**
 * What a reader finds under an article in the built site: one quiet end-matter
 * block (tags, feeds or sign-up, disclaimer, publisher), then where to go next
 * (previous and next in the category, related posts), plus the tags index and
 * the footer's year from SOURCE_DATE_EPOCH.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { elements, htmlFiles, type Element } from '../support/dist';
import { buildSite, TEST_EPOCH } from '../support/build-site';
import { NEWSLETTER_NOTICE } from '../../src/integrations/newsletter-notice';
import { SITE } from '../../src/site.config';

const dist = inject('mainDistDir');
const CRYPTO = 'top-crypto-narratives-2024';
const FASTAPI = [
  'building-high-performance-apis-with-fastapi',
  'building-high-performance-apis-with-fastapi-async-patterns',
  'fast-reliable-apis-with-fastapi',
];
const page = (root: string, path: string) => elements(readFileSync(join(root, path), 'utf8'));
const article = (root: string, id: string) => page(root, `posts/${id}/index.html`);
const byClass = (found: Element[], name: string) => found.find((e) => e.attributes.class?.split(/\s+/).includes(name));
const inside = (element: Element | undefined) => (element ? elements(toHtml(element.node)).slice(1) : []);
/** Post ids an element links to. */
const postLinks = (element: Element | undefined) =>
  inside(element)
    .filter((e) => e.name === 'a')
    .map((a) => /^\/posts\/([^/]+)\/$/.exec(a.attributes.href ?? '')?.[1])
    .filter((id): id is string => id !== undefined);
/** Text as a screen reader names a link: aria-hidden parts left out. */
const accessibleText = (node: Nodes): string => {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && String(node.properties.ariaHidden) === 'true') return '';
  return 'children' in node ? node.children.map(accessibleText).join('') : '';
};
const footerText = (found: Element[]) =>
  found.find((e) => e.name === 'footer' && /site-footer/.test(e.attributes.class ?? ''))?.text;

describe('end matter under an article (main build, no newsletter endpoint)', () => {
  it('is one block inside the article, after the body, holding tags, feeds, disclaimer and About', () => {
    for (const id of [CRYPTO, ...FASTAPI]) {
      const found = article(dist, id);
      const block = found.find((e) => e.name === 'footer' && e.attributes.class?.includes('end-matter'));
      expect(block, id).toBeDefined();
      const headings = inside(block)
        .filter((e) => e.name === 'h2')
        .map((e) => e.text);
      expect(headings, id).toEqual(['Tags', 'Follow new articles', 'Disclaimer', `About ${SITE.publisher.name}`]);
      // No more grey boxes, and the end matter stays out of the search index's body.
      expect(
        found.filter((e) => e.attributes.class?.split(/\s+/).includes('box')),
        id,
      ).toEqual([]);
      expect(
        inside(block).some((e) => 'data-pagefind-body' in e.attributes),
        id,
      ).toBe(false);
    }
  });

  it('without an endpoint, offers the feeds in plain words: no form, no error, no sign-up promises', () => {
    for (const id of [CRYPTO, ...FASTAPI]) {
      const found = article(dist, id);
      const box = byClass(found, 'newsletter');
      const text = box?.text ?? '';
      expect(
        inside(box).some((e) => e.name === 'form'),
        id,
      ).toBe(false);
      expect(
        inside(box).some((e) => 'data-state' in e.attributes),
        id,
      ).toBe(false);
      expect(text, id).not.toMatch(/not set up|error|credit card|unsubscribe|inbox|sign[- ]?up/i);
      const feeds = inside(box)
        .filter((e) => e.name === 'a')
        .map((a) => a.attributes.href);
      const category = id === CRYPTO ? 'crypto-basics' : 'research';
      // Feed links for people open /subscribe/ at the right feeds; feed readers use the autodiscovery links.
      expect(feeds, id).toEqual([`/subscribe/#category-${category}`, '/subscribe/#all']);
    }
  });

  it('the FastAPI engineering posts pitch no crypto anywhere in their end matter', () => {
    for (const id of FASTAPI) {
      const text = byClass(article(dist, id), 'end-matter')?.text ?? '';
      expect(text, id).not.toMatch(/crypto picks|altcoins|BTC|Crypto Basics/);
    }
  });

  it('the crypto article is sent to no FastAPI post, and says why there is little to read next', () => {
    const found = article(dist, CRYPTO);
    const next = byClass(found, 'read-next');
    expect(postLinks(next)).toEqual([]);
    expect(found.some((e) => e.attributes.rel === 'prev' || e.attributes.rel === 'next')).toBe(false);
    expect(next?.text).toContain('This is the only Crypto Basics article so far.');
    expect(inside(next).find((e) => e.name === 'a' && e.attributes.href === '/tags/')).toBeDefined();
  });

  it('previous and next stay within the category, with rel and an accessible name that says which is which', () => {
    const links = (id: string) =>
      article(dist, id)
        .filter((e) => e.name === 'a' && (e.attributes.rel === 'prev' || e.attributes.rel === 'next'))
        .map((a) => ({ rel: a.attributes.rel, href: a.attributes.href, name: accessibleText(a.node) }));
    expect(links(FASTAPI[1]!)).toEqual([
      {
        rel: 'prev',
        href: `/posts/${FASTAPI[0]}/`,
        // The deck tells this post from the one of the same title.
        name: 'Previous in Research: Building High-Performance APIs with FastAPI: Where the speed comes from, and how to scale it out, January 14, 2025',
      },
      {
        rel: 'next',
        href: `/posts/${FASTAPI[2]}/`,
        name: 'Next in Research: Fast, Reliable APIs with FastAPI, February 25, 2025',
      },
    ]);
    expect(links(FASTAPI[0]!).map((l) => l.rel)).toEqual(['next']);
    expect(links(FASTAPI[2]!).map((l) => l.rel)).toEqual(['prev']);
  });

  it('related posts are the category posts the pager does not already show', () => {
    const related = (id: string) => postLinks(byClass(article(dist, id), 'related'));
    expect(related(FASTAPI[0]!)).toEqual([FASTAPI[2]]);
    expect(related(FASTAPI[1]!)).toEqual([]);
    expect(related(FASTAPI[2]!)).toEqual([FASTAPI[0]]);
    expect(related(CRYPTO)).toEqual([]);
  });
});

describe('the tags index', () => {
  const found = () => page(dist, 'tags/index.html');

  it('lists every tag page with its number of articles, A to Z', () => {
    const entries = found()
      .filter((e) => e.name === 'a' && /^\/tags\/[^/]+\/$/.test(e.attributes.href ?? ''))
      .map((a) => ({ href: a.attributes.href, text: a.text.replace(/\s+/g, ' ').trim() }));
    const tagPages = htmlFiles(join(dist, 'tags'))
      .map((file) => /tags\/([^/]+)\/index\.html$/.exec(file)?.[1])
      .filter((slug): slug is string => slug !== undefined && !/^\d+$/.test(slug));
    expect(entries.map((e) => e.href).sort()).toEqual(tagPages.map((slug) => `/tags/${slug}/`).sort());
    expect(entries.find((e) => e.href === '/tags/fastapi/')?.text).toBe('#fastapi, 3 articles');
    expect(entries.find((e) => e.href === '/tags/ai/')?.text).toBe('#ai, 2 articles');
    expect(entries.find((e) => e.href === '/tags/depin/')?.text).toBe('#depin, 1 article');
    const names = entries.map((e) => e.text.split(',')[0]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('is in the sitemap, and linked from the footer, every tag page and every article', () => {
    const sitemaps = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemaps).toContain(`<loc>${SITE.url}/tags/</loc>`);
    for (const path of ['index.html', 'tags/fastapi/index.html', `posts/${CRYPTO}/index.html`]) {
      const footer = page(dist, path).find((e) => e.name === 'footer' && /site-footer/.test(e.attributes.class ?? ''));
      expect(
        inside(footer).some((e) => e.name === 'a' && e.attributes.href === '/tags/'),
        path,
      ).toBe(true);
    }
    expect(
      page(dist, 'tags/fastapi/index.html').filter((e) => e.name === 'a' && e.attributes.href === '/tags/').length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('footer year', () => {
  it("is SOURCE_DATE_EPOCH's year on every page", () => {
    const year = new Date(Number(TEST_EPOCH) * 1000).getUTCFullYear();
    expect(year).toBe(2026);
    for (const file of htmlFiles(dist)) {
      if (file.includes('/pagefind/')) continue;
      const html = readFileSync(file, 'utf8');
      if (!html.includes('site-footer')) continue;
      expect(footerText(elements(html)), file).toContain(`© ${year} ${SITE.publisher.name}`);
    }
  });
});

describe('a build whose clock is in 2099 (the scheduled Moon Awards 2026 post is out)', () => {
  let root = '';
  let output = '';
  beforeAll(async () => {
    const result = await buildSite('end-matter-2099', { SOURCE_DATE_EPOCH: String(Date.UTC(2099, 1, 1) / 1000) });
    expect(result.ok, result.output).toBe(true);
    root = result.distDir;
    output = result.output;
  });

  it('prints 2099 in the footer', () => {
    expect(footerText(page(root, 'index.html'))).toContain(`© 2099 ${SITE.publisher.name}`);
  });

  it("the crypto article's onward links are crypto articles only", () => {
    expect(existsSync(join(root, 'posts/moon-awards-2026-preview/index.html'))).toBe(true);
    const found = article(root, CRYPTO);
    const onward = postLinks(byClass(found, 'read-next'));
    expect(onward).toEqual(['moon-awards-2026-preview']);
    expect(found.find((e) => e.name === 'a' && e.attributes.rel === 'next')?.attributes.href).toBe(
      '/posts/moon-awards-2026-preview/',
    );
  });

  it('a production build does not print the dev-only newsletter notice', () => {
    expect(output).not.toContain(NEWSLETTER_NOTICE);
  });
});
