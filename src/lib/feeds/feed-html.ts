/**
 * Turns a post's rendered HTML into what feed readers receive in
 * content:encoded. Readers are not protected by the site's CSP, so the feed
 * carries only inert markup: parsed as browsers parse HTML (satteri's
 * htmlToHast), every URL made absolute against the post (readers resolve
 * nothing against the site), then cut down to FEED_SCHEMA by
 * hast-util-sanitize and written out by hast-util-to-html.
 */
import type { Element, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { parseSrcset, stringifySrcset } from 'srcset';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { HEADING_ANCHOR_CLASS, HEADING_WRAPPER_CLASS } from '../content/heading-anchors';

const WEB = ['http', 'https'];

/**
 * What a feed item may contain. Built from defaultSchema (GitHub's rules);
 * every difference is deliberate:
 *
 * - strip (removed with everything inside): script and style; iframe, embed,
 *   svg and canvas, which readers drop anyway (an inline SVG chart gives way to
 *   the PNG and table the feed variant renders, see VoteChartForFeed.astro);
 *   forms and their controls, dialog and template, whose text means nothing
 *   without the UI; noscript, noembed and noframes, whose content is raw markup
 *   text. Any other element outside tagNames, custom elements (`vote-chart`)
 *   and object included, is unwrapped: its tags go, its static content stays.
 * - tagNames: the defaults minus `input` (GitHub keeps it for task lists; feeds
 *   have no controls), plus figure/figcaption/caption so charts keep their
 *   caption, and a few inline text elements that carry meaning.
 * - attributes: no event handlers, style, data-*, tabindex or accesskey (none
 *   is listed, so all are dropped). `class` stays everywhere: it cannot run
 *   anything, and readers that style by it get the site's hooks (td.num).
 *   GitHub's legacy presentational and form attributes are gone.
 * - protocols: http and https only, plus mailto for href. Relative URLs never
 *   reach the sanitizer: absolutiseUrls has resolved them or removed them.
 * - clobber [] and clobberPrefix '': ids are written as they are, so heading
 *   anchors and aria-labelledby match the fragments the absolute links point
 *   at (post URL + #id) and the page itself. The prefix only guards a page
 *   that runs scripts reading ids; the feed has none, and readers render
 *   items in their own sandbox.
 */
export const FEED_SCHEMA: Schema = {
  ...defaultSchema,
  strip: [
    'script',
    'style',
    'noscript',
    'noembed',
    'noframes',
    'template',
    'iframe',
    'embed',
    'svg',
    'canvas',
    'form',
    'button',
    'select',
    'textarea',
    'dialog',
  ],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'figure',
    'figcaption',
    'caption',
    'colgroup',
    'col',
    'abbr',
    'cite',
    'dfn',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  ancestors: {
    ...defaultSchema.ancestors,
    caption: ['table'],
    col: ['table'],
    colgroup: ['table'],
    figcaption: ['figure'],
    // A <source> outside <picture> belongs to video or audio, which are unwrapped.
    source: ['picture'],
  },
  attributes: {
    '*': ['id', 'className', 'title', 'lang', 'dir', 'ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy'],
    a: ['href', 'hrefLang', 'download'],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    img: ['src', 'srcSet', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    source: ['srcSet', 'sizes', 'type', 'media'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    details: ['open'],
    col: ['span'],
    colgroup: ['span'],
    th: ['scope', 'colSpan', 'rowSpan', 'headers', 'abbr', 'align'],
    td: ['colSpan', 'rowSpan', 'headers', 'align'],
  },
  protocols: { href: [...WEB, 'mailto'], src: WEB, cite: WEB },
  required: {},
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** URL-valued properties (hast names) and the schemes each may keep. */
const URL_PROPERTIES: Record<string, readonly string[]> = {
  href: [...WEB, 'mailto'],
  src: WEB,
  poster: WEB,
  cite: WEB,
};

/** `value` resolved against the post, or undefined when it is not a URL or not an allowed scheme. */
function absolute(value: string, pageUrl: string, schemes: readonly string[]): string | undefined {
  // The URL parser strips the whitespace and control characters that hide a
  // scheme (" JAVASCRIPT:"), so the scheme is judged as a browser would see it.
  const url = URL.parse(value, pageUrl);
  return url && schemes.includes(url.protocol.slice(0, -1)) ? url.href : undefined;
}

/** Each candidate resolved; a candidate that is not http(s) is left out, and an empty set removed. */
function absoluteSrcset(value: string, pageUrl: string): string | undefined {
  const candidates = parseSrcset(value).flatMap((candidate) => {
    const url = absolute(candidate.url, pageUrl, WEB);
    return url ? [{ ...candidate, url }] : [];
  });
  return candidates.length ? stringifySrcset(candidates) : undefined;
}

function absoluteUrls(element: Element, pageUrl: string): void {
  const { properties } = element;
  for (const [name, schemes] of Object.entries(URL_PROPERTIES)) {
    const value = properties[name];
    if (value === undefined || value === null) continue;
    const url = absolute(String(value), pageUrl, schemes);
    if (url) properties[name] = url;
    else delete properties[name];
  }
  const srcset = properties.srcSet;
  if (srcset !== undefined && srcset !== null) {
    // hast may hold a comma-separated property as a list; srcset is one string to its parser.
    const url = absoluteSrcset(Array.isArray(srcset) ? srcset.join(', ') : String(srcset), pageUrl);
    if (url) properties.srcSet = url;
    else delete properties.srcSet;
  }
}

/** HTML whitespace only (not U+00A0, which is content). */
const isBlank = (node: Root['children'][number]) => node.type === 'text' && /^[\t\n\f\r ]*$/.test(node.value);

/**
 * The link beside each section heading (src/lib/content/heading-anchors.ts) holds no text: the page
 * draws its "#" with CSS, which readers do not load, so a feed would carry an empty link. Readers
 * get the heading alone, as the source wrote it, out of the wrapper that placed the link beside it.
 */
const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);
const isHeadingAnchor = (node: Root['children'][number]) =>
  node.type === 'element' && node.tagName === 'a' && hasClass(node, HEADING_ANCHOR_CLASS);

function withoutHeadingAnchors(tree: Root): void {
  visit(tree, 'element', (element, index, parent) => {
    if (!parent || index === undefined || !element.children.some(isHeadingAnchor)) return CONTINUE;
    const heading = element.children.filter((child) => !isHeadingAnchor(child));
    if (element.tagName === 'div' && hasClass(element, HEADING_WRAPPER_CLASS)) {
      parent.children.splice(index, 1, ...heading);
      return [SKIP, index + heading.length];
    }
    element.children = heading;
    return CONTINUE;
  });
}

export function toFeedHtml(html: string, pageUrl: string): string {
  const tree = htmlToHast(html, { fragment: true }) as Root;
  withoutHeadingAnchors(tree);
  visit(tree, 'element', (element) => absoluteUrls(element, pageUrl));
  const clean = sanitize(tree, FEED_SCHEMA) as Root;
  while (clean.children.length && isBlank(clean.children[0]!)) clean.children.shift();
  while (clean.children.length && isBlank(clean.children.at(-1)!)) clean.children.pop();
  return toHtml(clean, { characterReferences: { useNamedReferences: true } });
}
