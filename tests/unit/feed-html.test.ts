import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../src/lib/feed-html';

const page = 'https://example.com/blog/posts/hello/';

describe('feed HTML', () => {
  it('makes links, images and srcsets absolute against the post URL', () => {
    const out = toFeedHtml('<a href="#intro">i</a><a href="/blog/tags/x/">t</a><img src="../img.png" srcset="/a.png 1x, /b.png 2x" alt="">', page);
    expect(out).toContain('href="https://example.com/blog/posts/hello/#intro"');
    expect(out).toContain('href="https://example.com/blog/tags/x/"');
    expect(out).toContain('src="https://example.com/blog/posts/img.png"');
    expect(out).toContain('srcset="https://example.com/a.png 1x, https://example.com/b.png 2x"');
  });
  it('drops scripts, styles and form controls, keeps custom element content', () => {
    const out = toFeedHtml('<script>alert(1)</script><style>p{}</style><vote-chart data-x="1"><figure><table><tr><td>30.2%</td></tr></table></figure><button>Switch</button></vote-chart>', page);
    expect(out).not.toMatch(/script|style|button|vote-chart|data-x/);
    expect(out).toContain('<td>30.2%</td>');
  });
  it('strips inline handlers and style attributes but keeps escaped text', () => {
    const out = toFeedHtml('<p onclick="x()" style="color:red" class="lede">Fish &amp; chips &lt;3</p>', page);
    expect(out).toBe('<p class="lede">Fish &amp; chips &lt;3</p>');
  });
  it('leaves absolute and mailto links alone', () => {
    expect(toFeedHtml('<a href="mailto:a@b.c">m</a><a href="https://other.org/x">o</a>', page)).toBe('<a href="mailto:a@b.c">m</a><a href="https://other.org/x">o</a>');
  });
});
