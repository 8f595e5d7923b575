import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPolicyViolations, type HtmlPolicyOptions } from '../../../src/lib/security/html-policy';

const EMBEDS: HtmlPolicyOptions = { embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] };

/** Four lines of frontmatter and a blank line: a post's body starts on file line 6. */
const FRONTMATTER = '---\ntitle: "A post"\ndescription: "Testing the HTML policy"\n---\n\n';

function check(body: string, format: 'md' | 'mdx', options: HtmlPolicyOptions = EMBEDS) {
  return htmlPolicyViolations(FRONTMATTER + body, format, options).map(({ line, reason }) => ({ line, reason }));
}

const SCRIPTS = '(scripts in posts are not allowed)';
const ALLOWED_EMBEDS = 'only https URLs on www.youtube-nocookie.com, player.vimeo.com can be embedded';

describe('event-handler attributes', () => {
  it('refuses them in Markdown raw HTML, whatever their case', () => {
    expect(
      check('<img src="/a.png" alt="A" onerror="alert(1)">\n\n<IMG SRC="/a.png" ALT="A" ONERROR="alert(1)">', 'md'),
    ).toEqual([
      { line: 6, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
      { line: 8, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
    ]);
  });
  it('refuses them in MDX, as a string or as an expression, named as the author wrote them', () => {
    const body =
      '<img src="/a.png" alt="A" onError="alert(1)" />\n\n<img src="/a.png" alt="A" onerror="alert(1)" />\n\n<a href="/x" onClick={() => alert(1)}>x</a>';
    expect(check(body, 'mdx')).toEqual([
      { line: 6, reason: `<img> has an event-handler attribute onError ${SCRIPTS}` },
      { line: 8, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
      { line: 10, reason: `<a> has an event-handler attribute onClick ${SCRIPTS}` },
    ]);
  });
  it('lists every violation with its line, even identical ones on one line', () => {
    expect(check('<img src="/a.png" alt="" onerror="a"><img src="/b.png" alt="" onerror="b">', 'md')).toEqual([
      { line: 6, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
      { line: 6, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
    ]);
  });
});

describe('URL schemes', () => {
  it('refuses javascript:, vbscript: and data: in Markdown links, images and raw HTML, through case, control-character and entity tricks', () => {
    const body = [
      '[a](javascript:alert(1))',
      '<a href="JaVaScRiPt:alert(1)">b</a>',
      '<a href=" &#1;javascript:alert(1)">c</a>',
      '<a href="\u0001 javascript:alert(1)">d</a>',
      '<a href="&#106;avascript:alert(1)">e</a>',
      '<a href="java&#9;script:alert(1)">f</a>',
      '[g](&#106;avascript:alert(1))',
      '<JaVaScRiPt:alert(1)>',
      '<a href="vbscript:msgbox(1)">h</a>',
      '[i](data:text/html;base64,PHNjcmlwdD4=)',
      '![j](data:image/png;base64,iVBORw0KGgo=)',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="k">',
    ].join('\n\n');
    expect(check(body, 'md')).toEqual([
      { line: 6, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 8, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 10, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 12, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 14, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 16, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 18, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 20, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 22, reason: 'vbscript: URL in href on <a> is not allowed' },
      { line: 24, reason: 'data: URL in href on <a> is not allowed' },
      { line: 26, reason: 'data: URL in src on <img> is not allowed' },
      { line: 28, reason: 'data: URL in src on <img> is not allowed' },
    ]);
  });
  it('refuses them in MDX links, images and JSX', () => {
    const body = [
      '[a](javascript:alert(1))',
      '<a href="JaVaScRiPt:alert(1)">b</a>',
      '<a href="\u0001 javascript:alert(1)">c</a>',
      '<a href="&#106;avascript:alert(1)">d</a>',
      '<a href="java&#9;script:alert(1)">e</a>',
      '<a href="vbscript:msgbox(1)">f</a>',
      '![g](data:image/png;base64,iVBORw0KGgo=)',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="h" />',
    ].join('\n\n');
    expect(check(body, 'mdx')).toEqual([
      { line: 6, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 8, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 10, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 12, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 14, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 16, reason: 'vbscript: URL in href on <a> is not allowed' },
      { line: 18, reason: 'data: URL in src on <img> is not allowed' },
      { line: 20, reason: 'data: URL in src on <img> is not allowed' },
    ]);
  });
  it('says so when a URL with an allowed scheme is written in a way the check cannot read', () => {
    expect(check('<a href="HTTPS://example.com/">a</a>', 'md')).toEqual([
      {
        line: 6,
        reason:
          'URL "HTTPS://example.com/" in href on <a> is not allowed as written: start it with its scheme in lower case (https:) and nothing before it',
      },
    ]);
  });
  it('refuses a URL attribute whose value is an expression, which cannot be checked', () => {
    expect(check('<a href={"javascript:alert(1)"}>a</a>\n\n<img src={source} alt="b" />', 'mdx')).toEqual([
      { line: 6, reason: 'href on <a> is an expression; write the URL as a quoted string so it can be checked' },
      { line: 8, reason: 'src on <img> is an expression; write the URL as a quoted string so it can be checked' },
    ]);
  });
  it('checks every srcset candidate', () => {
    const md =
      '<img src="/a.png" alt="" srcset="/a.png 1x,javascript:alert(1) 2x">\n\n<picture><source srcset="data:image/png;base64,AAAA 2x"><img src="/a.png" alt=""></picture>';
    expect(check(md, 'md')).toEqual([
      { line: 6, reason: 'javascript: URL in srcset on <img> is not allowed' },
      { line: 8, reason: 'data: URL in srcset on <source> is not allowed' },
    ]);
    expect(check('<img src="/a.png" alt="" srcSet="/a.png 1x, javascript:alert(1) 2x" />', 'mdx')).toEqual([
      { line: 6, reason: 'javascript: URL in srcSet on <img> is not allowed' },
    ]);
    expect(
      check(
        '<img src="/a.png" alt="" srcset="/a-400.png 400w,/a-800.png 800w, ./a-1600.png 1600w" sizes="50vw">',
        'md',
      ),
    ).toEqual([]);
  });

  it("refuses images and media from another site, which the site's CSP would block", () => {
    const blocked = (attribute: string, url: string, tag: string) =>
      `${attribute} ${JSON.stringify(url)} on <${tag}> loads from another site, which the site's Content-Security-Policy blocks; put the file beside the post and give its relative path`;
    expect(
      check(
        [
          '![A chart](https://cdn.example.com/a.png)',
          '<img src="/a.png" alt="" srcset="/a-800.png 800w, https://cdn.example.com/a.png 1600w">',
          '<video src="//cdn.example.com/a.mp4" poster="https://cdn.example.com/a.jpg" controls></video>',
          '<audio src="/\\cdn.example.com/a.mp3" controls></audio>',
          '[a link to another site](https://example.org/) and ![a local image](./a.png)',
        ].join('\n\n') + '\n',
        'md',
      ),
    ).toEqual([
      { line: 6, reason: blocked('src', 'https://cdn.example.com/a.png', 'img') },
      { line: 8, reason: blocked('srcset', 'https://cdn.example.com/a.png', 'img') },
      { line: 10, reason: blocked('src', '//cdn.example.com/a.mp4', 'video') },
      { line: 10, reason: blocked('poster', 'https://cdn.example.com/a.jpg', 'video') },
      { line: 12, reason: blocked('src', '/\\cdn.example.com/a.mp3', 'audio') },
    ]);
    expect(check('<img src="https://cdn.example.com/a.png" alt="" />', 'mdx')).toEqual([
      { line: 6, reason: blocked('src', 'https://cdn.example.com/a.png', 'img') },
    ]);
  });
});

describe('elements', () => {
  it('refuses script, object, embed, form, base, meta, style, link and template in Markdown', () => {
    const body = [
      '<script>alert(1)</script>',
      '<object data="/x.swf"></object>',
      '<embed src="/x.swf">',
      '<form action="https://evil.example/"></form>',
      '<base href="https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<style>body { display: none }</style>',
      '<link rel="stylesheet" href="https://evil.example/x.css">',
      '<template><img src="/a.png" alt="" onerror="alert(1)"></template>',
      // satteri ends a <script> HTML block only at a lower-case </script>, so from here to the end is one raw block.
      '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>',
      'Markdown *text* after it.',
    ].join('\n\n');
    expect(check(body, 'md')).toEqual([
      { line: 6, reason: `<script> is not allowed ${SCRIPTS}` },
      {
        line: 8,
        reason: '<object> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      },
      {
        line: 10,
        reason: '<embed> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      },
      { line: 12, reason: '<form> is not allowed (a post cannot collect input)' },
      { line: 14, reason: '<base> is not allowed (it would change where every relative link on the page points)' },
      { line: 16, reason: '<meta> is not allowed (page metadata comes from the frontmatter)' },
      {
        line: 18,
        reason: "<style> is not allowed (the site's Content-Security-Policy blocks inline styles; use a class)",
      },
      { line: 20, reason: '<link> is not allowed (a post cannot load stylesheets or other resources)' },
      { line: 22, reason: '<template> is not allowed (its content is never shown)' },
      { line: 22, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
      { line: 24, reason: `<script> is not allowed ${SCRIPTS}` },
    ]);
  });
  it('refuses the same elements written as JSX in MDX', () => {
    const body = [
      '<script>alert(1)</script>',
      '<object data="/x.swf" />',
      '<embed src="/x.swf" />',
      '<form action="https://evil.example/" />',
      '<base href="https://evil.example/" />',
      '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />',
      '<style>{"body { display: none }"}</style>',
      '<link rel="stylesheet" href="https://evil.example/x.css" />',
      '<template><img src="/a.png" alt="" onError="alert(1)" /></template>',
    ].join('\n\n');
    expect(check(body, 'mdx')).toEqual([
      { line: 6, reason: `<script> is not allowed ${SCRIPTS}` },
      {
        line: 8,
        reason: '<object> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      },
      {
        line: 10,
        reason: '<embed> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      },
      { line: 12, reason: '<form> is not allowed (a post cannot collect input)' },
      { line: 14, reason: '<base> is not allowed (it would change where every relative link on the page points)' },
      { line: 16, reason: '<meta> is not allowed (page metadata comes from the frontmatter)' },
      {
        line: 18,
        reason: "<style> is not allowed (the site's Content-Security-Policy blocks inline styles; use a class)",
      },
      { line: 20, reason: '<link> is not allowed (a post cannot load stylesheets or other resources)' },
      { line: 22, reason: '<template> is not allowed (its content is never shown)' },
      { line: 22, reason: `<img> has an event-handler attribute onError ${SCRIPTS}` },
    ]);
  });
  it('refuses SVG and MathML and still reports the scripts and URLs inside them', () => {
    const md = [
      '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"></animate></svg>',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<math href="javascript:alert(1)"><mi>x</mi></math>',
      '<math><mtext><table><mglyph><style><img src="/a.png" onerror="alert(1)">',
    ].join('\n\n');
    expect(check(md, 'md')).toEqual([
      { line: 6, reason: '<svg> is not allowed (inline SVG can run scripts; put it in an image file and use <img>)' },
      { line: 6, reason: '<animate> is not allowed' },
      { line: 6, reason: `<animate> has an event-handler attribute onbegin ${SCRIPTS}` },
      { line: 8, reason: '<svg> is not allowed (inline SVG can run scripts; put it in an image file and use <img>)' },
      { line: 8, reason: 'javascript: URL in xlink:href on <a> is not allowed' },
      { line: 8, reason: '<text> is not allowed' },
      { line: 10, reason: '<math> is not allowed (inline MathML is not allowed)' },
      { line: 10, reason: 'javascript: URL in href on <math> is not allowed' },
      { line: 10, reason: '<mi> is not allowed' },
      { line: 12, reason: '<math> is not allowed (inline MathML is not allowed)' },
      { line: 12, reason: '<mtext> is not allowed' },
      { line: 12, reason: '<mglyph> is not allowed' },
      {
        line: 12,
        reason: "<style> is not allowed (the site's Content-Security-Policy blocks inline styles; use a class)",
      },
      { line: 12, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
    ]);
    const mdx =
      '<svg><animate onBegin="alert(1)" /></svg>\n\n<svg><a xlinkHref="javascript:alert(1)">x</a></svg>\n\n<math href="javascript:alert(1)"><mi>x</mi></math>';
    expect(check(mdx, 'mdx')).toEqual([
      { line: 6, reason: '<svg> is not allowed (inline SVG can run scripts; put it in an image file and use <img>)' },
      { line: 6, reason: '<animate> is not allowed' },
      { line: 6, reason: `<animate> has an event-handler attribute onBegin ${SCRIPTS}` },
      { line: 8, reason: '<svg> is not allowed (inline SVG can run scripts; put it in an image file and use <img>)' },
      { line: 8, reason: 'javascript: URL in xlinkHref on <a> is not allowed' },
      { line: 10, reason: '<math> is not allowed (inline MathML is not allowed)' },
      { line: 10, reason: 'javascript: URL in href on <math> is not allowed' },
      { line: 10, reason: '<mi> is not allowed' },
    ]);
  });
  it('treats a component tag in a .md post as the unknown HTML element it is there', () => {
    expect(check('<VoteChart survey="moon-awards-2024-narratives" />', 'md')).toEqual([
      { line: 6, reason: '<votechart> is not allowed' },
    ]);
  });
});

describe('iframes', () => {
  const allowed =
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" width="560" height="315" allowfullscreen loading="lazy"></iframe>';
  it('allows an https embed from a configured host, in .md and .mdx', () => {
    expect(check(allowed, 'md')).toEqual([]);
    expect(
      check('<iframe src="https://player.vimeo.com/video/1" title="Video" width="640" allowFullScreen />', 'mdx'),
    ).toEqual([]);
  });
  it('refuses other hosts, plain http, other ports, srcdoc and a missing src', () => {
    const body = [
      '<iframe src="https://evil.example/embed/abc" title="Video"></iframe>',
      '<iframe src="http://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>',
      '<iframe src="https://www.youtube-nocookie.com:8443/embed/abc" title="Video"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>" title="Video"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
    ].join('\n\n');
    expect(check(body, 'md')).toEqual([
      { line: 6, reason: `<iframe> src "https://evil.example/embed/abc" is not an allowed embed (${ALLOWED_EMBEDS})` },
      {
        line: 8,
        reason: `<iframe> src "http://www.youtube-nocookie.com/embed/abc" is not an allowed embed (${ALLOWED_EMBEDS})`,
      },
      {
        line: 10,
        reason: `<iframe> src "https://www.youtube-nocookie.com:8443/embed/abc" is not an allowed embed (${ALLOWED_EMBEDS})`,
      },
      { line: 12, reason: 'attribute srcdoc on <iframe> is not allowed' },
      { line: 12, reason: `<iframe> without a src is not allowed (${ALLOWED_EMBEDS})` },
      { line: 14, reason: 'javascript: URL in src on <iframe> is not allowed' },
      { line: 14, reason: `<iframe> src "javascript:alert(1)" is not an allowed embed (${ALLOWED_EMBEDS})` },
    ]);
    expect(check('<iframe src="https://evil.example/embed/abc" title="Video" />', 'mdx')).toEqual([
      { line: 6, reason: `<iframe> src "https://evil.example/embed/abc" is not an allowed embed (${ALLOWED_EMBEDS})` },
    ]);
  });
  it('refuses every iframe when no embed host is configured', () => {
    expect(check(allowed, 'md', { embedHosts: [] })).toEqual([
      { line: 6, reason: '<iframe> is not allowed (no embed hosts are configured)' },
    ]);
  });
});

describe('attributes', () => {
  const INLINE_STYLE =
    "attribute style on <p> is not allowed (the site's Content-Security-Policy blocks inline styles; use a class)";
  it('refuses style, which the site CSP would block anyway', () => {
    expect(check('<p style="color: red">Red</p>', 'md')).toEqual([{ line: 6, reason: INLINE_STYLE }]);
    expect(check('<p style="color: red">Red</p>\n\n<p style={{ color: "red" }}>Red</p>', 'mdx')).toEqual([
      { line: 6, reason: INLINE_STYLE },
      { line: 8, reason: INLINE_STYLE },
    ]);
  });
  it('refuses attributes and values outside the schema, and allows class and id as written', () => {
    const body =
      '<a href="/x" target="_blank">x</a>\n\n<input type="text">\n\n<div data-x="1" class="lead" id="intro">y</div>';
    const expected = [
      { line: 6, reason: 'attribute target on <a> is not allowed' },
      { line: 8, reason: 'attribute type="text" on <input> is not allowed' },
      { line: 10, reason: 'attribute data-x on <div> is not allowed' },
    ];
    expect(check(body, 'md')).toEqual(expected);
    expect(check(body.replace('<input type="text">', '<input type="text" />'), 'mdx')).toEqual(expected);
  });
  it('allows other expression-valued attributes on HTML elements, but not spreads, and checks a repeated attribute too', () => {
    const body = [
      '<div className={classes} title={caption}>x</div>',
      '<a href="/x" {...props}>x</a>',
      '<a href="/ok" HREF="javascript:alert(1)">x</a>',
    ].join('\n\n');
    expect(check(body, 'mdx')).toEqual([
      { line: 8, reason: '<a> has a spread attribute {...props}; write each attribute out so it can be checked' },
      { line: 10, reason: 'attribute HREF on <a> repeats href; write each attribute once' },
      { line: 10, reason: 'javascript: URL in HREF on <a> is not allowed' },
    ]);
  });
});

describe('Markdown raw HTML', () => {
  it('refuses raw HTML that ends inside a tag, which would turn the Markdown after it into attributes', () => {
    const body = '<div>\n<img src="/a.png" alt="" title="\n\nx" onerror="alert(1)">\n';
    expect(check(body, 'md')).toEqual([
      {
        line: 7,
        reason:
          'raw HTML ends inside an unfinished tag, so the Markdown after it would become part of that tag; finish the tag (its quotes and closing >) before the blank line',
      },
    ]);
  });
  it('reports what is inside a multi-line HTML block at the block’s first line', () => {
    expect(check('<div>\n<p>Fine.</p>\n<img src="/a.png" alt="" onerror="alert(1)">\n</div>', 'md')).toEqual([
      { line: 6, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` },
    ]);
  });
  it('accepts an HTML table split by blank lines around Markdown cells, and an open tag closed in a later block', () => {
    expect(
      check('<table>\n<tr>\n<td>\n\n**Bold** cell\n\n</td>\n</tr>\n</table>\n\nSome <b>bold\n\ntext</b>.', 'md'),
    ).toEqual([]);
  });
});

describe('JavaScript in MDX', () => {
  it('checks JSX in expressions and exports, at their own lines', () => {
    const body = [
      'export const Evil = () => <script>alert(1)</script>',
      '{<img src="/a.png" alt="" onError="alert(1)" />}',
      '{[1, 2].map((n) =>\n  <a key={n} href="javascript:alert(1)">{n}</a>\n)}',
      '<VoteChart survey="x" note={<img src="/a.png" alt="" onError="alert(1)" />} />',
      'Text with {1 < 2} and {"<script>alert(1)</script>"} as plain text.',
    ].join('\n\n');
    expect(check(body, 'mdx')).toEqual([
      { line: 6, reason: `<script> is not allowed ${SCRIPTS}` },
      { line: 8, reason: `<img> has an event-handler attribute onError ${SCRIPTS}` },
      { line: 11, reason: 'javascript: URL in href on <a> is not allowed' },
      { line: 14, reason: `<img> has an event-handler attribute onError ${SCRIPTS}` },
    ]);
  });
  it('refuses set:html on any element, components included', () => {
    expect(check('<Fragment set:html="<script>alert(1)</script>" />\n\n<div set:html={html} />', 'mdx')).toEqual([
      {
        line: 6,
        reason:
          'set:html on <Fragment> is not allowed (it inserts HTML that cannot be checked; write the HTML in the post instead)',
      },
      {
        line: 8,
        reason:
          'set:html on <div> is not allowed (it inserts HTML that cannot be checked; write the HTML in the post instead)',
      },
    ]);
  });
  it('leaves components alone but checks what they contain', () => {
    expect(
      check('<Callout type="note">\n  Careful: <img src="/a.png" alt="" onerror="alert(1)" />\n</Callout>', 'mdx'),
    ).toEqual([{ line: 7, reason: `<img> has an event-handler attribute onerror ${SCRIPTS}` }]);
  });
  it('throws satteri’s own error for MDX that does not parse', () => {
    expect(() => check('An HTML comment is not MDX:\n\n<!-- note -->', 'mdx')).toThrow(
      '8:1: Unexpected character `!` (U+0021) before name',
    );
  });
});

describe('clean posts', () => {
  const shared = [
    '# A heading',
    'A paragraph with [a link](https://example.com/research), [a relative link](/posts/x/#y), *emphasis*, **strong**, `<iframe src="x">` in inline code and a footnote.[^1]',
    '![A chart](/images/chart.png "The chart")',
    '> A quote with `<script>` in code.',
    '| Coin | Score |\n| --- | ---: |\n| BTC | 91 |\n| ETH | **88** |',
    '```html\n<script>alert(1)</script>\n<iframe src="https://evil.example"></iframe>\n```',
    '- [x] done\n- [ ] to do',
    '## Another heading',
    '<details>\n<summary>Method</summary>\n\nThe **method** in full.\n\n</details>',
    '<a href="/posts/x/#y">Jump</a> to <span id="y">here</span>, or <a href="mailto:research@example.com">write</a>.',
    '<figure><img src="/images/a.png" alt="A" width="640" height="360" loading="lazy" /><figcaption>Source: <abbr title="Token Metrics">TM</abbr>, <time datetime="2024-05-01">May 2024</time></figcaption></figure>',
    '[^1]: The footnote, with a [link](https://example.com/).',
  ];
  it('has no violations as Markdown', () => {
    expect(check(shared.join('\n\n'), 'md')).toEqual([]);
  });
  it('has no violations as MDX, with a component', () => {
    const mdx = [
      ...shared.slice(0, -1),
      '<VoteChart survey="moon-awards-2024-narratives" />',
      '{/* an MDX comment */}',
      shared.at(-1)!,
    ];
    expect(check(mdx.join('\n\n'), 'mdx')).toEqual([]);
  });
});

describe('the repository’s posts', () => {
  const folders = [
    'src/content/posts',
    ...readdirSync('tests/fixtures').map((name) => join('tests/fixtures', name, 'posts')),
  ];
  const files = folders.flatMap((folder) => {
    try {
      return readdirSync(folder)
        .filter((file) => /\.mdx?$/.test(file))
        .map((file) => join(folder, file));
    } catch {
      return [];
    }
  });
  it('finds the real posts and every fixture folder with posts', () => {
    expect(files.filter((file) => file.startsWith('src/')).length).toBeGreaterThanOrEqual(6);
    const withPosts = new Set(files.map((file) => file.split('/').slice(0, 3).join('/')));
    const fixtureFolders = readdirSync('tests/fixtures').filter((name) =>
      existsSync(join('tests/fixtures', name, 'posts')),
    );
    expect([...withPosts].sort()).toEqual(
      ['src/content/posts', ...fixtureFolders.map((name) => `tests/fixtures/${name}`)].sort(),
    );
  });
  it.each(files)('%s has no violations', (file) => {
    expect(htmlPolicyViolations(readFileSync(file, 'utf8'), file.endsWith('.md') ? 'md' : 'mdx', EMBEDS)).toEqual([]);
  });
});
