/**
 * The built site's CSP: Astro's <meta> on every page and the _headers policy
 * both allow exactly the inline scripts the pages carry (the theme script), so
 * no page depends on 'unsafe-inline', and a page served by a host that ignores
 * _headers (GitHub Pages) keeps the same protection.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, listFiles } from '../support/dist';
import { blockedInlineScripts, headersPolicy } from '../support/csp';

const dist = inject('mainDistDir');

describe('built site: Content-Security-Policy', () => {
  it('every page carries a CSP <meta> that, like the header, allows each of its inline scripts by hash', async () => {
    const header = await headersPolicy(dist);
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) =>
      blockedInlineScripts(readFileSync(file, 'utf8'), header).map(
        (problem) => `${file.slice(dist.length)}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('the theme script runs in <head>, blocking, before the body is parsed', () => {
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    // Minified by esbuild (src/integrations/security-headers.ts), so match its first statement's shape.
    expect(head).toMatch(/<script>\(\(\)=>\{const \w+=document\.documentElement[,;]/);
  });

  it('the <meta> policy leaves out frame-ancestors (browsers ignore it there) and the header keeps it', async () => {
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    expect(html).not.toMatch(/<meta http-equiv="content-security-policy"[^>]*frame-ancestors/);
    expect(await headersPolicy(dist)).toContain("frame-ancestors 'none'");
  });

  it('only the embed pages may be framed by another site, under the same strict policy otherwise', async () => {
    const { parseAllHeaders } = await import('@netlify/headers-parser');
    const { headers } = await parseAllHeaders({
      headersFiles: [`${dist}/_headers`],
      configHeaders: undefined,
      minimal: false,
    });
    const policies = (path: string) =>
      headers
        .filter((h) => 'forRegExp' in h && h.forRegExp.test(path))
        .flatMap((h) => h.values['Content-Security-Policy'] ?? []);
    const embed = policies('/embed/moon-awards-2024-narratives/');
    expect(embed).toHaveLength(1);
    expect(embed[0]).toContain('frame-ancestors *');
    expect(embed[0]).not.toMatch(/'unsafe-inline'|'unsafe-eval'|frame-ancestors 'none'/);
    // Every file the build wrote, the ones written after Astro's own build (sitemaps, Pagefind, sw.js) included.
    for (const file of listFiles(dist, (f) => !f.endsWith('_headers'))) {
      const path = file.slice(dist.length).replace(/index\.html$/, '');
      if (path.startsWith('/embed/')) continue;
      expect(policies(path), path).toEqual([expect.stringContaining("frame-ancestors 'none'")]);
    }
    expect(
      blockedInlineScripts(readFileSync(`${dist}/embed/moon-awards-2024-narratives/index.html`, 'utf8'), embed[0]),
    ).toEqual([]);
  });
});
