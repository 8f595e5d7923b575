/**
 * Internal links in article bodies, checked against the built site: the pure
 * half of src/integrations/link-check.ts, which reads dist/ and the sources.
 *
 * A link is internal when it resolves, against the article's own URL, to the
 * site's origin: site-relative (`/posts/x/`), relative (`../x/`), a bare
 * `#fragment`, or an absolute URL on the site's origin. It must land under the
 * base path, on a file of the build (a page is its folder's index.html, as a
 * static host serves it), and a #fragment must be an id on that page.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { htmlToHast, markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { visit } from 'unist-util-visit';

export interface SiteLocation {
  /** `https://research.example.com` */
  origin: string;
  /** Path prefix with leading and trailing slash: `/` or `/blog/`. */
  base: string;
}

export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'invalid' }
  | { kind: 'outside-base' }
  /** `path` is base-relative and decoded (`posts/x/`); `fragment` is undefined when there is none to check. */
  | { kind: 'internal'; path: string; fragment: string | undefined; rawFragment: string | undefined };

/** The URL of a page from its base-relative path (`posts/x/`). */
export function pageUrl(path: string, site: SiteLocation): URL {
  return new URL(site.base + path, `${site.origin}/`);
}

export function resolveLink(href: string, page: URL, site: SiteLocation): LinkTarget {
  let url: URL;
  try {
    url = new URL(href, page);
  } catch {
    return { kind: 'invalid' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== new URL(site.origin).origin)
    return { kind: 'external' };
  // `/blog` is the base folder itself, which a static host serves as `/blog/`.
  const pathname = `${url.pathname}/` === site.base ? site.base : url.pathname;
  if (!pathname.startsWith(site.base)) return { kind: 'outside-base' };
  const rawFragment = url.hash === '' ? undefined : url.hash.slice(1);
  try {
    return {
      kind: 'internal',
      path: decodeURIComponent(pathname.slice(site.base.length)),
      fragment: rawFragment === undefined ? undefined : decodeURIComponent(rawFragment),
      rawFragment,
    };
  } catch {
    return { kind: 'invalid' };
  }
}

/** The files a static host could answer a base-relative path with, in the order it tries them. */
export function candidateFiles(path: string): string[] {
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}/index.html`];
}

export interface PageScan {
  /** Whether the page has the element that wraps an article body. */
  hasBody: boolean;
  /** href of every `<a>` inside the body, in document order, decoded as a browser reads the attribute. */
  bodyLinks: string[];
  /** Every fragment the page can scroll to: `id` attributes and `<a name>`. */
  ids: Set<string>;
}

/** The element ArticleLayout marks `data-pagefind-body`: an article's body, which the search index reads too. */
export const isArticleBody = (element: Element): boolean => 'dataPagefindBody' in element.properties;

/**
 * A built page read as browsers read it (satteri's htmlToHast, the parser of
 * Astro's own engine). `isBody` picks the element that wraps the article body;
 * links outside it are the layout's, not the author's.
 *
 * The walk is a plain loop because the build runs it on every article:
 * unist-util-visit's per-node parent bookkeeping took half as long again as
 * the parse itself on a built article page (0.65 ms against 1.1 ms).
 */
export function scanPage(html: string, isBody: (element: Element) => boolean = () => false): PageScan {
  const scan: PageScan = { hasBody: false, bodyLinks: [], ids: new Set() };
  const walk = (parent: Root | Element, inBody: boolean) => {
    for (const node of parent.children) {
      if (node.type !== 'element') continue;
      const { id, name, href } = node.properties;
      if (typeof id === 'string') scan.ids.add(id);
      if (node.tagName === 'a' && typeof name === 'string') scan.ids.add(name);
      const nodeInBody = inBody || isBody(node);
      if (nodeInBody && !inBody) scan.hasBody = true;
      if (nodeInBody && node.tagName === 'a' && typeof href === 'string') scan.bodyLinks.push(href);
      walk(node, nodeInBody);
    }
  };
  walk(htmlToHast(html) as Root, false);
  return scan;
}

export interface BuiltFiles {
  /** Whether a regular file exists at a base-relative path of the build. */
  isFile(path: string): boolean;
  /** The fragment targets of the built HTML page at a base-relative path. */
  idsOf(path: string): ReadonlySet<string>;
}

export interface BrokenLink {
  /** The href as it appears in the built page. */
  href: string;
  reason: string;
}

/**
 * Why each of a page's links is broken, one entry per distinct href.
 * `redirects` maps a redirect page (`posts/old/index.html`) to the page it
 * sends readers to, so a #fragment is looked for where the reader lands.
 */
export function brokenLinks(
  hrefs: readonly string[],
  pagePath: string,
  ownIds: ReadonlySet<string>,
  site: SiteLocation,
  files: BuiltFiles,
  redirects: ReadonlyMap<string, string> = new Map(),
): BrokenLink[] {
  const page = pageUrl(pagePath, site);
  const broken: BrokenLink[] = [];
  for (const href of new Set(hrefs)) {
    const target = resolveLink(href, page, site);
    if (target.kind === 'external') continue;
    if (target.kind === 'invalid') {
      broken.push({ href, reason: `link to ${href} is not a valid URL` });
      continue;
    }
    if (target.kind === 'outside-base') {
      broken.push({ href, reason: `link to ${href} is outside the site's base path ${site.base}` });
      continue;
    }
    const samePage = new URL(href, page).pathname === page.pathname;
    const file = samePage
      ? `${pagePath}index.html`
      : candidateFiles(target.path).find((candidate) => files.isFile(candidate));
    if (file === undefined) {
      broken.push({ href, reason: `link to ${href} points to no page` });
      continue;
    }
    const { fragment, rawFragment } = target;
    // "" and "top" scroll to the top of any page (HTML's "scroll to the fragment").
    if (fragment === undefined || !file.endsWith('.html') || fragment === '' || fragment.toLowerCase() === 'top')
      continue;
    const landing = redirects.get(file) ?? file;
    const ids = samePage ? ownIds : files.idsOf(landing);
    if (!ids.has(fragment) && !ids.has(rawFragment!))
      broken.push({ href, reason: `link to ${href} points to no element with id "${fragment}"` });
  }
  return broken;
}

export interface SourceLink {
  /** The destination as the author wrote it. */
  url: string;
  /** 1-based line in the source file. */
  line: number | undefined;
}

/**
 * Link destinations written in a post's source, with their lines: Markdown
 * links and link definitions (satteri's mdast, the tree Astro renders from),
 * and `<a href="…">` as MDX JSX or in a raw HTML block (hast-util-from-html,
 * which keeps the source positions satteri's htmlToHast does not).
 */
export function sourceLinks(source: string, format: 'md' | 'mdx'): SourceLink[] {
  const tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(source);
  const found: SourceLink[] = [];
  visit(tree as never, (node: MdastNode) => {
    const line = node.position?.start.line;
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string')
      found.push({ url: node.url, line });
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string')
          found.push({ url: attribute.value, line });
      }
    } else if (node.type === 'html') {
      for (const anchor of htmlAnchors(node.value))
        found.push({ url: anchor.href, line: line === undefined ? undefined : line + anchor.lineOffset });
    }
  });
  return found;
}

/** `<a href>` in a raw HTML block, with how many lines into the block each tag starts. */
function htmlAnchors(html: string): { href: string; lineOffset: number }[] {
  const anchors: { href: string; lineOffset: number }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element) => {
    const { href } = element.properties;
    if (element.tagName === 'a' && typeof href === 'string')
      anchors.push({ href, lineOffset: element.position!.start.line - 1 });
  });
  return anchors;
}

/** Links compare by where they lead, so `/a b/` in the source matches `/a%20b/` in the page. */
export function linkKey(href: string, page: URL): string {
  try {
    return new URL(href, page).href;
  } catch {
    return href;
  }
}
