/**
 * The link beside each section heading, through satteri with the plugins
 * astro.config.mjs gives Astro's Markdown engine, for Markdown and for MDX.
 */
import type { Element, Root, RootContent } from 'hast';
import { markdownToHtml, mdxToJs, htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { headingAnchorPlugins } from '../../../src/lib/content/heading-anchors-plugin';

const astroData = () => ({
  astro: {
    frontmatter: {},
    headings: [] as { depth: number; slug: string; text: string }[],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  },
});
const source =
  '# Title\n\nIntro.\n\n## Why *now*?\n\nText.\n\n### The `async` part\n\nMore.\n\n## Why *now*?\n\n#### Deep\n';

const elementsIn = (node: Root | RootContent): Element[] =>
  node.type === 'element' || node.type === 'root'
    ? [...(node.type === 'element' ? [node] : []), ...node.children.flatMap(elementsIn)]
    : [];

describe('heading anchors', () => {
  it('puts a labelled, text-free link beside every h2–h6, leaving h1 and the heading data alone', async () => {
    const data = astroData();
    const { html } = await markdownToHtml(source, { hastPlugins: headingAnchorPlugins, data });
    const all = elementsIn(htmlToHast(html, { fragment: true }));
    const anchors = all.filter((e) => e.tagName === 'a');
    expect(anchors.map((a) => [a.properties.href, a.properties.ariaLabel])).toEqual([
      ['#why-now', 'Link to section: Why now?'],
      ['#the-async-part', 'Link to section: The async part'],
      ['#why-now-1', 'Link to section: Why now?'],
      ['#deep', 'Link to section: Deep'],
    ]);
    for (const anchor of anchors) {
      expect(anchor.children).toEqual([]);
      expect(anchor.properties.className).toEqual(['heading-anchor']);
      expect(anchor.properties.dataPagefindIgnore).toBe('');
    }
    // The link sits beside its heading inside one wrapper, so the heading's text and name stay its own.
    const h1 = all.find((e) => e.tagName === 'h1')!;
    expect(h1.properties.id).toBe('title');
    expect(all.filter((e) => e.tagName === 'div').map((d) => d.children.map((c) => (c as Element).tagName))).toEqual([
      ['h2', 'a'],
      ['h3', 'a'],
      ['h2', 'a'],
      ['h4', 'a'],
    ]);
    expect(data.astro.headings).toEqual([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'why-now', text: 'Why now?' },
      { depth: 3, slug: 'the-async-part', text: 'The async part' },
      { depth: 2, slug: 'why-now-1', text: 'Why now?' },
      { depth: 4, slug: 'deep', text: 'Deep' },
    ]);
  });

  it('gives MDX the same links and ids', async () => {
    const data = astroData();
    const { code } = await mdxToJs(source, { hastPlugins: headingAnchorPlugins, data, jsxImportSource: 'astro' });
    expect(code).toContain('"Link to section: Why now?"');
    expect(code).toContain('"#why-now-1"');
    expect(data.astro.headings.map((h) => h.slug)).toEqual(['title', 'why-now', 'the-async-part', 'why-now-1', 'deep']);
  });

  it('escapes heading text in the label', async () => {
    const { html } = await markdownToHtml('## A "quoted" <b>bold</b> & more\n', {
      hastPlugins: headingAnchorPlugins,
      data: astroData(),
    });
    const anchor = elementsIn(htmlToHast(html, { fragment: true }) as Root).find((e) => e.tagName === 'a')!;
    expect(anchor.properties.ariaLabel).toBe('Link to section: A "quoted" bold & more');
  });
});
