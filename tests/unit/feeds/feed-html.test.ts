import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../../src/lib/feeds/feed-html';

const page = 'https://example.com/blog/posts/hello/';
const clean = (html: string) => toFeedHtml(html, page);

describe('feed HTML', () => {
  it('makes links, images and srcsets absolute against the post URL', () => {
    const out = clean(
      '<a href="#intro">i</a><a href="/blog/tags/x/">t</a><img src="../img.png" srcset="/a.png 1x, /b.png 2x" alt="">',
    );
    expect(out).toBe(
      '<a href="https://example.com/blog/posts/hello/#intro">i</a><a href="https://example.com/blog/tags/x/">t</a>' +
        '<img src="https://example.com/blog/posts/img.png" srcset="https://example.com/a.png 1x, https://example.com/b.png 2x" alt="">',
    );
  });
  it('drops scripts, styles and form controls, keeps custom element content', () => {
    const out = clean(
      '<script>alert(1)</script><style>p{}</style><vote-chart data-x="1"><figure><table><tr><td>30.2%</td></tr></table></figure><button>Switch</button></vote-chart>',
    );
    expect(out).toBe('<figure><table><tbody><tr><td>30.2%</td></tr></tbody></table></figure>');
  });
  it('strips inline handlers and style attributes but keeps escaped text', () => {
    expect(clean('<p onclick="x()" style="color:red" class="lede">Fish &amp; chips &lt;3</p>')).toBe(
      '<p class="lede">Fish &amp; chips &lt;3</p>',
    );
  });
  it('leaves absolute and mailto links alone', () => {
    expect(clean('<a href="mailto:a@b.c">m</a><a href="https://other.org/x">o</a>')).toBe(
      '<a href="mailto:a@b.c">m</a><a href="https://other.org/x">o</a>',
    );
  });
});

describe('feed HTML: hostile input comes out inert', () => {
  it.each([
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['a scheme hidden behind a space and capitals', '<a href=" JAVASCRIPT:alert(1)">x</a>', '<a>x</a>'],
    ['a scheme split by an encoded tab', '<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['data:text/html', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['a scheme other than http(s) and mailto', '<a href="tel:+1555">call</a>', '<a>call</a>'],
    [
      'an iframe, fallback text and all',
      '<p>a</p><iframe src="https://evil.example"><p>fallback</p></iframe><p>b</p>',
      '<p>a</p><p>b</p>',
    ],
    [
      'an unquoted onerror handler',
      '<img src=x onerror=alert(1)>',
      '<img src="https://example.com/blog/posts/hello/x">',
    ],
    ['an SVG animation handler', '<p>a</p><svg><animate onbegin=alert(1) attributeName=x dur=1s /></svg>', '<p>a</p>'],
    [
      'a form and its controls',
      '<form action="https://evil.example/steal"><label>Name <input name=q></label><button>Go</button></form>',
      '',
    ],
    [
      'an object, keeping its fallback content',
      '<object data="https://evil.example/x.swf"><param name=a value=b><p>Fallback text</p></object>',
      '<p>Fallback text</p>',
    ],
    ['an embed', '<embed src="https://evil.example/x.swf">', ''],
    [
      'a base element',
      '<base href="https://evil.example/"><a href="x">x</a>',
      '<a href="https://example.com/blog/posts/hello/x">x</a>',
    ],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
    ['a script with a protocol-relative src', '<script src=//evil.example/x.js></script>', ''],
    [
      'template, noscript, dialog, canvas, textarea and select',
      '<template><p>t</p></template><noscript><img src=y></noscript><dialog open>d</dialog><canvas>c</canvas><textarea>x</textarea><select><option>o</option></select>',
      '',
    ],
    ['a stylesheet link and a comment', '<!-- hidden --><link rel=stylesheet href=x.css><p>x</p>', '<p>x</p>'],
    [
      'data-*, tabindex, accesskey and style attributes',
      '<p data-x=1 tabindex=0 accesskey=k style="color:red" id=p1>x</p>',
      '<p id="p1">x</p>',
    ],
    ['a URL the parser cannot read', '<a href="https://exa mple.com/">bad</a>', '<a>bad</a>'],
  ])('%s', (_, input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('relative href, src and srcset become absolute, and a srcset candidate with another scheme is left out', () => {
    expect(
      clean(
        '<img src="pic.png" srcset="small.png 480w, /big.png 960w, javascript:alert(1) 1200w" sizes="100vw" alt="A">',
      ),
    ).toBe(
      '<img src="https://example.com/blog/posts/hello/pic.png" srcset="https://example.com/blog/posts/hello/small.png 480w, https://example.com/big.png 960w" sizes="100vw" alt="A">',
    );
    expect(clean('<img src="a.png" srcset="javascript:alert(1) 2x" alt="">')).toBe(
      '<img src="https://example.com/blog/posts/hello/a.png" alt="">',
    );
  });
  it('a same-page fragment link points at the post', () => {
    expect(clean('<a href="#section">s</a>')).toBe('<a href="https://example.com/blog/posts/hello/#section">s</a>');
  });
  it('cite URLs become absolute', () => {
    expect(clean('<blockquote cite="/source">q</blockquote>')).toBe(
      '<blockquote cite="https://example.com/source">q</blockquote>',
    );
  });
  it('unquoted attribute values with ampersands and spaces come out quoted and escaped', () => {
    expect(clean('<a href=/search?q=fish&chips=1 title=Fish&amp;chips>q</a><img alt=two words src=pic.png>')).toBe(
      '<a href="https://example.com/search?q=fish&amp;chips=1" title="Fish&amp;chips">q</a><img alt="two" src="https://example.com/blog/posts/hello/pic.png">',
    );
  });
  it('a custom element is unwrapped, its static content kept', () => {
    expect(clean('<p>Before</p><fancy-note kind="tip" onclick="x()"><p>Inside <b>bold</b></p></fancy-note>')).toBe(
      '<p>Before</p><p>Inside <b>bold</b></p>',
    );
  });
  it('an inline SVG chart gives way to its fallback image', () => {
    expect(
      clean('<figure><svg viewBox="0 0 10 10"><text>30%</text></svg><img src="/og/chart.png" alt="Chart"></figure>'),
    ).toBe('<figure><img src="https://example.com/og/chart.png" alt="Chart"></figure>');
  });
  it('video and audio are unwrapped to their fallback text; a stray <source> goes', () => {
    expect(clean('<video src=v.mp4 poster=p.jpg controls>Watch it on the site.<source src=v.webm></video>')).toBe(
      'Watch it on the site.',
    );
  });
});

describe('feed HTML: what feeds keep', () => {
  it('pictures with sources, and images with their sizing attributes', () => {
    const html =
      '<picture><source srcset="/a.avif 480w, /b.avif 960w" sizes="100vw" type="image/avif" media="(min-width: 1px)">' +
      '<img src="/a.jpg" width="10" height="5" loading="lazy" decoding="async" alt="A"></picture>';
    expect(clean(html)).toBe(
      '<picture><source srcset="https://example.com/a.avif 480w, https://example.com/b.avif 960w" sizes="100vw" type="image/avif" media="(min-width: 1px)">' +
        '<img src="https://example.com/a.jpg" width="10" height="5" loading="lazy" decoding="async" alt="A"></picture>',
    );
  });
  it('figures, captions and tables with scope, colspan and rowspan', () => {
    const html =
      '<figure class="vote-chart" aria-labelledby="c"><figcaption id="c">Votes</figcaption><table class="t"><caption>Shares</caption>' +
      '<thead><tr><th scope="col" colspan="2">Name</th></tr></thead><tbody><tr><th scope="row" rowspan=2>DePIN</th><td class="num">30.2%</td></tr></tbody></table></figure>';
    expect(clean(html)).toBe(
      '<figure class="vote-chart" aria-labelledby="c"><figcaption id="c">Votes</figcaption><table class="t"><caption>Shares</caption>' +
        '<thead><tr><th scope="col" colspan="2">Name</th></tr></thead><tbody><tr><th scope="row" rowspan="2">DePIN</th><td class="num">30.2%</td></tr></tbody></table></figure>',
    );
  });
  it('heading ids and the FAQ markup as the page has them, with no clobber prefix', () => {
    const html =
      '<h2 id="faq">FAQ</h2><section class="faq" aria-labelledby="faq"><details><summary><h3>Q?</h3></summary><p>A.</p></details></section>';
    expect(clean(html)).toBe(html);
  });
  it('drops the link beside a section heading and the wrapper that placed it, keeping the heading', () => {
    const html =
      '<div class="heading"><h2 id="why">Why <em>now</em></h2><a class="heading-anchor" href="#why" aria-label="Link to section: Why now" data-pagefind-ignore=""></a></div><p>Text.</p>' +
      '<div class="heading"><p>An author\'s own div</p></div>';
    expect(clean(html)).toBe(
      '<h2 id="why">Why <em>now</em></h2><p>Text.</p><div class="heading"><p>An author\'s own div</p></div>',
    );
  });
  it('text with markup-looking characters stays text, and whitespace around the post is trimmed', () => {
    expect(clean('\n  <p>1 &lt; 2 &amp;&amp; 3 &gt; 2, "]]>" too</p>\n')).toBe(
      '<p>1 &lt; 2 &amp;&amp; 3 > 2, "]]>" too</p>',
    );
  });
});
