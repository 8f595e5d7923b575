import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllHeaders } from '@netlify/headers-parser';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cspForHeader, cspForMeta, endpointOrigins, INLINE_SCRIPT_HASHES, renderHeadersTemplate, sha256Source, unhashedInlineScripts } from '../../src/lib/security-headers';
import { THEME_SCRIPT } from '../../src/lib/theme-script';

describe('content security policy', () => {
  it('allows scripts only from the origin and the hashed theme script, plus wasm for Pagefind', () => {
    const csp = cspForHeader();
    const script = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(script).toBe(`script-src 'self' ${sha256Source(THEME_SCRIPT)} 'wasm-unsafe-eval'`);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it('drops frame-ancestors from the meta variant, which browsers ignore there', () => {
    expect(cspForMeta()).not.toContain('frame-ancestors');
  });
  it('lets the newsletter form reach an external endpoint origin only', () => {
    expect(endpointOrigins('https://list.example.com/subscribe?x=1')).toEqual(['https://list.example.com']);
    expect(endpointOrigins('/api/subscribe')).toEqual([]);
    expect(cspForHeader({ formOrigins: ['https://list.example.com'] })).toContain("form-action 'self' https://list.example.com");
    // Embeds the HTML policy allows can load; no frame-src at all leaves frames to default-src 'self'.
    expect(cspForHeader({ embedHosts: ['www.youtube-nocookie.com'] })).toContain('frame-src https://www.youtube-nocookie.com;');
    expect(cspForHeader()).not.toContain('frame-src');
  });
  it('finds inline scripts whose hash is not allowed, ignoring JSON-LD and external scripts', () => {
    const html = `<script>${THEME_SCRIPT}</script><script type="application/ld+json">{}</script><script type="module" src="/a.js"></script><script>alert(1)</script>`;
    expect(unhashedInlineScripts(html)).toEqual(['alert(1)']);
    expect(INLINE_SCRIPT_HASHES).toHaveLength(1);
  });
});

describe('_headers', () => {
  const template = readFileSync('public/_headers', 'utf8');
  it('fills the base path and policy, and parses in the Netlify format with disjoint cache rules', async () => {
    const text = renderHeadersTemplate(template, { base: '/blog/', csp: cspForHeader() });
    expect(text).not.toContain('{{');
    const dir = mkdtempSync(join(tmpdir(), 'headers-'));
    writeFileSync(join(dir, '_headers'), text);
    const { headers, errors } = await parseAllHeaders({ headersFiles: [join(dir, '_headers')], configHeaders: undefined, minimal: false });
    expect(errors).toEqual([]);
    const matching = (path: string) => headers.filter((h) => ('forRegExp' in h ? h.forRegExp : new RegExp('^$')).test(path));
    const cacheFor = (path: string) => matching(path).flatMap((h) => (h.values['Cache-Control'] ? [h.values['Cache-Control']] : []));
    expect(cacheFor('/blog/_astro/app.abc123.js')).toEqual(['public, max-age=31536000, immutable']);
    expect(cacheFor('/blog/posts/x/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/rss.xml')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/pagefind/pagefind.js')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/pagefind/fragment/en_1234.pf_fragment')).toEqual(['public, max-age=31536000, immutable']);
    const everywhere = matching('/blog/posts/x/').find((h) => h.values['Content-Security-Policy']);
    expect(everywhere?.values).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
    expect(everywhere?.values['Permissions-Policy']).toContain('camera=()');
  });
});

describe('inline script detection parses like a browser', () => {
  it('ignores script-looking text inside attribute values and text', () => {
    const html = '<meta content="</script><script>alert(1)</script>"><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>';
    expect(unhashedInlineScripts(html)).toEqual([]);
  });
  it('finds scripts inside <template> too', () => {
    expect(unhashedInlineScripts('<template><script>x()</script></template>')).toEqual(['x()']);
  });
});

describe('inline script detection: pages with only our own script tags skip the tokenizer, nothing else does', () => {
  const theme = `<script>${THEME_SCRIPT}</script>`;
  const known = `${theme}<script type="application/ld+json">{"a":"\\u003c/script>"}</script><script type="module" src="/_astro/x.js"></script>`;
  it('passes a page made of the tags the templates write', () => {
    expect(unhashedInlineScripts(`<html><head>${known}</head><body><p>text</p></body></html>`)).toEqual([]);
  });
  it.each([
    ['an inline script after the known tags', `${known}<script>alert(1)</script>`, ['alert(1)']],
    ['an upper-case script tag', `${known}<SCRIPT>alert(2)</SCRIPT>`, ['alert(2)']],
    ['a theme script with one character changed', `<script>${THEME_SCRIPT} </script>`, [`${THEME_SCRIPT} `.slice(0, 80)]],
    ['a module script with an inline body', '<script type="module" src="/a.js">alert(3)</script>', []],
    ['a script whose attribute value hides src', '<script title=" src=x">alert(4)</script>', ['alert(4)']],
    ['a script tag with a tab before its attributes', '<script\tdata-x="1">alert(5)</script>', ['alert(5)']],
    ['a script in inline SVG', '<svg><script>alert(6)</script></svg>', ['alert(6)']],
  ])('still finds the blocked script in %s', (_name, html, blocked) => {
    expect(unhashedInlineScripts(html)).toEqual(blocked);
  });
});
