import { describe, expect, it } from 'vitest';
import {
  brokenLinks,
  candidateFiles,
  linkKey,
  pageUrl,
  resolveLink,
  scanPage,
  sourceLinks,
  type BuiltFiles,
  type SiteLocation,
} from '../../../src/lib/content/links';

const root: SiteLocation = { origin: 'https://research.example.com', base: '/' };
const blog: SiteLocation = { origin: 'https://research.example.com', base: '/blog/' };

describe('resolving a link from an article', () => {
  const page = pageUrl('posts/here/', root);
  it('reads site-relative, relative, same-origin and bare #fragment links as internal, decoded', () => {
    expect(resolveLink('/posts/x/', page, root)).toEqual({
      kind: 'internal',
      path: 'posts/x/',
      fragment: undefined,
      rawFragment: undefined,
    });
    expect(resolveLink('../x/#a%20b', page, root)).toEqual({
      kind: 'internal',
      path: 'posts/x/',
      fragment: 'a b',
      rawFragment: 'a%20b',
    });
    expect(resolveLink('https://research.example.com/data/s.csv?dl=1', page, root)).toMatchObject({
      kind: 'internal',
      path: 'data/s.csv',
    });
    expect(resolveLink('#part', page, root)).toMatchObject({ kind: 'internal', path: 'posts/here/', fragment: 'part' });
    expect(resolveLink('/caf%C3%A9/', page, root)).toMatchObject({ path: 'café/' });
    expect(resolveLink('/', page, root)).toMatchObject({ kind: 'internal', path: '' });
  });
  it('leaves other origins and schemes alone', () => {
    for (const href of [
      'https://example.org/x/',
      '//example.org/x/',
      'http://research.example.com/x/',
      'mailto:a@b.c',
      'tel:+1',
      'javascript:void(0)',
    ]) {
      expect(resolveLink(href, page, root), href).toEqual({ kind: 'external' });
    }
  });
  it('honours the base path: the page URL carries it and a link must stay under it', () => {
    const blogPage = pageUrl('posts/here/', blog);
    expect(blogPage.href).toBe('https://research.example.com/blog/posts/here/');
    expect(resolveLink('../x/', blogPage, blog)).toMatchObject({ kind: 'internal', path: 'posts/x/' });
    expect(resolveLink('/blog/posts/x/', blogPage, blog)).toMatchObject({ kind: 'internal', path: 'posts/x/' });
    expect(resolveLink('/blog', blogPage, blog)).toMatchObject({ kind: 'internal', path: '' });
    expect(resolveLink('/posts/x/', blogPage, blog)).toEqual({ kind: 'outside-base' });
    expect(resolveLink('/blogger/', blogPage, blog)).toEqual({ kind: 'outside-base' });
  });
  it('calls a URL that does not parse or decode invalid', () => {
    expect(resolveLink('http://[', page, root)).toEqual({ kind: 'invalid' });
    expect(resolveLink('/bad%E0%A4%A/', page, root)).toEqual({ kind: 'invalid' });
  });
  it('serves a folder as its index.html and a file as itself', () => {
    expect(candidateFiles('')).toEqual(['index.html']);
    expect(candidateFiles('posts/x/')).toEqual(['posts/x/index.html']);
    expect(candidateFiles('rss.xml')).toEqual(['rss.xml', 'rss.xml/index.html']);
  });
});

describe('scanning a built page', () => {
  const html = `<!doctype html><html><body>
    <a href="/layout/" id="skip">layout</a>
    <main><div class="prose" data-pagefind-body>
      <p>One <a href="/a/">a</a><img src="x.png"><br>
      <svg><path d="M0"/><a href="/in-svg/"></a></svg>
      <p>Two <a href="/b/?x=1&amp;y=2">b</a></div>
      <nav><a href="/tags/x/" name="anchor">tag</a></nav>
      <h2 id="later">Later</h2>
    </main></body></html>`;
  const scan = scanPage(html, (element) => 'dataPagefindBody' in element.properties);
  it('takes the links inside the body element only, entities decoded', () => {
    expect(scan.hasBody).toBe(true);
    expect(scan.bodyLinks).toEqual(['/a/', '/in-svg/', '/b/?x=1&y=2']);
  });
  it('collects every id and <a name> of the page', () => {
    expect([...scan.ids].sort()).toEqual(['anchor', 'later', 'skip']);
  });
  it('says when the page has no body element', () => {
    expect(scanPage('<p><a href="/x/">x</a></p>', () => false)).toEqual({
      hasBody: false,
      bodyLinks: [],
      ids: new Set(),
    });
  });
});

describe('broken links', () => {
  const files = new Map<string, string[]>([
    ['index.html', []],
    ['posts/here/index.html', ['own']],
    ['posts/other/index.html', ['section', 'a b']],
    ['posts/old/index.html', []],
    ['rss.xml', []],
  ]);
  const built: BuiltFiles = { isFile: (path) => files.has(path), idsOf: (path) => new Set(files.get(path)) };
  const redirects = new Map([['posts/old/index.html', 'posts/other/index.html']]);
  const check = (hrefs: string[], site = root) =>
    brokenLinks(hrefs, 'posts/here/', new Set(['own']), site, built, redirects);

  it('accepts links to built files, pages and their ids, redirects included', () => {
    expect(
      check([
        '/posts/other/',
        '../other/#section',
        '#own',
        '#',
        '#top',
        '#TOP',
        '/posts/other/#a%20b',
        '/posts/old/#section',
        '/rss.xml#x',
        '/',
        '/posts/other',
        'https://example.org/nope/',
      ]),
    ).toEqual([]);
  });
  it('names each broken href once, with why', () => {
    expect(
      check([
        '/no-such-post/',
        '/no-such-post/',
        '#nope',
        '/posts/other/#missing',
        '/posts/old/#missing',
        'http://[',
        '/bad%E0%A4%A/',
      ]),
    ).toEqual([
      { href: '/no-such-post/', reason: 'link to /no-such-post/ points to no page' },
      { href: '#nope', reason: 'link to #nope points to no element with id "nope"' },
      { href: '/posts/other/#missing', reason: 'link to /posts/other/#missing points to no element with id "missing"' },
      { href: '/posts/old/#missing', reason: 'link to /posts/old/#missing points to no element with id "missing"' },
      { href: 'http://[', reason: 'link to http://[ is not a valid URL' },
      { href: '/bad%E0%A4%A/', reason: 'link to /bad%E0%A4%A/ is not a valid URL' },
    ]);
  });
  it('refuses a link that leaves the base path', () => {
    expect(check(['/posts/other/', '/blog/posts/other/'], blog)).toEqual([
      { href: '/posts/other/', reason: "link to /posts/other/ is outside the site's base path /blog/" },
    ]);
  });
  it('never looks outside the build for a path that climbs', () => {
    expect(check(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd'])).toEqual([
      { href: '/../../etc/passwd', reason: 'link to /../../etc/passwd points to no page' },
      { href: '/%2e%2e/%2e%2e/etc/passwd', reason: 'link to /%2e%2e/%2e%2e/etc/passwd points to no page' },
    ]);
  });
});

describe('links in the source, with their lines', () => {
  const frontmatter = '---\ntitle: "T"\n---\n';
  it('finds Markdown links, link definitions and raw HTML anchors in .md', () => {
    const source = `${frontmatter}\nA [link](/a/) and a [ref][r].\n\n<p>\n<a href="/html/">h</a>\n</p>\n\n[r]: ../ref/\n`;
    expect(sourceLinks(source, 'md')).toEqual([
      { url: '/a/', line: 5 },
      { url: '/html/', line: 8 },
      { url: '../ref/', line: 11 },
    ]);
  });
  it('finds links inside MDX components and <a href> written as JSX', () => {
    const source = `${frontmatter}\n<Callout>\n  Inside [a link](#frag).\n</Callout>\n\nText <a href="/jsx/">j</a> and <a href={computed}>c</a>.\n`;
    expect(sourceLinks(source, 'mdx')).toEqual([
      { url: '#frag', line: 6 },
      { url: '/jsx/', line: 9 },
    ]);
  });
  it('matches a source href to the rendered one by where it leads', () => {
    const page = pageUrl('posts/here/', root);
    expect(linkKey('/a b/', page)).toBe(linkKey('/a%20b/', page));
    expect(linkKey('../x/', page)).toBe(linkKey('/posts/x/', page));
    expect(linkKey('http://[', page)).toBe('http://[');
  });
});
