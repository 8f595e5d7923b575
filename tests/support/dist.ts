/** Reading a built dist/: files, pages, links and fragments. */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element as HastElement, Nodes, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';
import { htmlToHast } from 'satteri';

export interface Element {
  name: string;
  attributes: Record<string, string>;
  /** Text content, decoded as a browser would. */
  text: string;
  /** The element in the page's hast tree, for serializing (hast-util-to-html) or walking it. */
  node: HastElement;
}

/** A page as the site's own HTML parser reads it (satteri's htmlToHast, as the link check and feeds do). */
export const parseHtml = (html: string): Root => htmlToHast(html) as Root;

export function listFiles(dir: string, filter: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (filter(full)) out.push(full);
    }
  };
  visit(dir);
  return out.sort();
}

/** 404 and /offline/ stand in for other URLs: no canonical of their own, and not in the sitemap. */
export const isStandInPage = (file: string) =>
  file.endsWith('404.html') || file.endsWith(join('offline', 'index.html'));

/** /embed/<survey>/: the figure alone for other sites' iframes (noindex, outside the sitemap, no service worker). */
export const isEmbedPage = (file: string) => file.includes(`${sep}embed${sep}`);

export const htmlFiles = (dist: string) => listFiles(dist, (p) => p.endsWith('.html'));

/** Site path ("/base/posts/x/") for a dist file. */
export function pagePath(dist: string, file: string, base = '/'): string {
  const rel = relative(dist, file).split('\\').join('/');
  return base + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** hast properties back to attribute names and values as written in HTML (property-information's mapping). */
function attributesOf(properties: Properties, space: 'html' | 'svg'): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const info = find(space === 'svg' ? svgSchema : htmlSchema, property);
    attributes[info.attribute] =
      value === true ? '' : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  }
  return attributes;
}

/** Every element of a page, in document order, parsed as browsers parse HTML. */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes, space: 'html' | 'svg') => {
    if (node.type === 'element') {
      if (node.tagName === 'svg') space = 'svg';
      found.push({ name: node.tagName, attributes: attributesOf(node.properties, space), text: toString(node), node });
      if (node.tagName === 'foreignObject') space = 'html';
    }
    if ('children' in node) for (const child of node.children) walk(child, space);
  };
  walk(parseHtml(html), 'html');
  return found;
}

export function ids(html: string): Set<string> {
  return new Set(
    elements(html)
      .map((e) => e.attributes.id)
      .filter((id): id is string => Boolean(id)),
  );
}

/** Map a same-site URL path to the dist file that serves it, or undefined. */
export function resolveToFile(dist: string, pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = decodeURIComponent(pathname.slice(base.length));
  const candidates =
    rel === '' || rel.endsWith('/')
      ? [join(dist, rel, 'index.html')]
      : [join(dist, rel), join(dist, rel, 'index.html'), join(dist, `${rel}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export interface LinkProblem {
  page: string;
  url: string;
  problem: string;
}

const URL_ATTRS = ['href', 'src', 'poster', 'action'];

/**
 * Every same-origin href, src, srcset and #fragment in every page must resolve
 * to a file in dist (and a fragment to an id in that file).
 */
export function checkInternalLinks(
  dist: string,
  options: { site: string; base: string },
): { checked: number; problems: LinkProblem[] } {
  const { site, base } = options;
  const origin = new URL(site).origin;
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = idCache.get(file);
    if (!set) idCache.set(file, (set = ids(readFileSync(file, 'utf8'))));
    return set;
  };
  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const page = pagePath(dist, file, base);
    const pageUrl = new URL(page, `${origin}/`);
    const html = readFileSync(file, 'utf8');
    for (const element of elements(html)) {
      const urls: string[] = [];
      for (const attr of URL_ATTRS) if (element.attributes[attr] !== undefined) urls.push(element.attributes[attr]);
      for (const attr of ['srcset', 'imagesrcset']) {
        const srcset = element.attributes[attr];
        if (srcset)
          urls.push(
            ...srcset
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0]!)
              .filter(Boolean),
          );
      }
      for (const raw of urls) {
        if (element.name === 'form' && raw === '') continue;
        let target: URL;
        try {
          target = new URL(raw, pageUrl);
        } catch {
          problems.push({ page, url: raw, problem: 'unparseable URL' });
          continue;
        }
        if (target.origin !== origin || !/^https?:$/.test(target.protocol)) continue;
        checked++;
        const targetFile = resolveToFile(dist, target.pathname, base);
        if (!targetFile) {
          problems.push({ page, url: raw, problem: `no file for ${target.pathname}` });
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        // "#top" scrolls to the top of any page, element or not (HTML's "scroll to the fragment").
        const toTop = fragment.toLowerCase() === 'top';
        if (fragment && !toTop && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
          problems.push({ page, url: raw, problem: `no element with id "${fragment}"` });
        }
      }
    }
  }
  return { checked, problems };
}

export interface TrailingContent {
  /** 1-based line and column where the first non-whitespace character after </html> starts. */
  line: number;
  column: number;
  /** The start of that content, for the message. */
  excerpt: string;
}

/**
 * Where the first `</html>` end tag that a browser's parser honours ends (not one inside a script or a
 * comment), from parse5's end tag location (hast-util-from-html; satteri's htmlToHast keeps no source
 * offsets). parse5 records the last `</html>` it honours, so the document is cut before that one until
 * no earlier one is left: a prefix parses as the document does up to the cut, which falls before a tag.
 */
function firstHtmlEndTag(html: string): number | undefined {
  let found: number | undefined;
  for (let source = html; ;) {
    const root = fromHtml(source, { verbose: true });
    const closing = root.children.find(
      (node): node is HastElement => node.type === 'element' && node.tagName === 'html',
    )?.data?.position.closing;
    if (closing?.start.offset === undefined || closing.end.offset === undefined) return found;
    found = closing.end.offset;
    source = source.slice(0, closing.start.offset);
  }
}

/**
 * Anything but whitespace after a page's </html> end tag (invalid HTML: browsers move it into
 * <body>, the W3C checker reports it); undefined when only whitespace follows. A page whose
 * </html> is implied has nothing after it.
 */
export function contentAfterHtmlEnd(html: string): TrailingContent | undefined {
  const endTag = firstHtmlEndTag(html);
  if (endTag === undefined) return undefined;
  // HTML's whitespace is ASCII only: a no-break space after </html> is content.
  const start = html.slice(endTag).search(/[^\t\n\f\r ]/);
  if (start === -1) return undefined;
  const offset = endTag + start;
  const before = html.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, excerpt: html.slice(offset, offset + 80) };
}
