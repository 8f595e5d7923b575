import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { describe, expect, it } from 'vitest';
import { headerCsp, sitePolicy } from '../../../src/lib/security/csp';
import { embeddableCsp, headersFile } from '../../../src/lib/security/headers';

async function parse(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  writeFileSync(join(dir, '_headers'), text);
  return parseAllHeaders({ headersFiles: [join(dir, '_headers')], configHeaders: undefined, minimal: false });
}

describe('_headers', () => {
  const csp = headerCsp(sitePolicy({ newsletterEndpoint: '', embedHosts: [] }), ['x()']);

  it('carries the base path and policy, and parses in the Netlify format with disjoint cache rules', async () => {
    const text = headersFile({ base: '/blog/', csp });
    const { headers, errors } = await parse(text);
    expect(errors).toEqual([]);
    const matching = (path: string) =>
      headers.filter((h) => ('forRegExp' in h ? h.forRegExp : new RegExp('^$')).test(path));
    const cacheFor = (path: string) =>
      matching(path).flatMap((h) => (h.values['Cache-Control'] ? [h.values['Cache-Control']] : []));
    expect(cacheFor('/blog/_astro/app.abc123.js')).toEqual(['public, max-age=31536000, immutable']);
    expect(cacheFor('/blog/posts/x/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/rss.xml')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/feed.json')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/categories/research/feed.json')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/subscribe/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/pagefind/pagefind.js')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/pagefind/fragment/en_1234.pf_fragment')).toEqual(['public, max-age=31536000, immutable']);
    // A search index in shards: each shard's chunks are hashed, its entry and the shard list are not.
    expect(cacheFor('/blog/pagefind/shard-2/index/en_1234.pf_index')).toEqual(['public, max-age=31536000, immutable']);
    expect(cacheFor('/blog/pagefind/shard-2/pagefind-entry.json')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/pagefind/shards.json')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/_astro/app.abc123.js')).toEqual([]);
    const everywhere = matching('/blog/posts/x/').find((h) => h.values['Content-Security-Policy']);
    expect(everywhere?.values).toMatchObject({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(everywhere?.values['Permissions-Policy']).toContain('camera=()');
    // Browsers dropped FLoC; naming the retired feature only draws a console warning.
    expect(everywhere?.values['Permissions-Policy']).not.toContain('interest-cohort');
  });

  it('serves a root site from /', async () => {
    const { headers, errors } = await parse(headersFile({ base: '/', csp }));
    expect(errors).toEqual([]);
    expect(headers.map((h) => h.for)).toContain('/*');
    expect(headers.map((h) => h.for)).toContain('/_astro/*');
  });

  it('has only comment lines that say what wrote the file, with nothing filled into them', () => {
    const comments = headersFile({ base: '/blog/', csp })
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(comments).toEqual([
      '# Written by the build from src/lib/security/headers.ts and the CSP in src/lib/security/csp.ts; edit those, not this file.',
    ]);
  });

  describe('with embed pages', () => {
    const topLevel = [
      { name: 'index.html', directory: false },
      { name: 'posts', directory: true },
      { name: 'embed', directory: true },
      { name: '_astro', directory: true },
      { name: 'rss.xml', directory: false },
      { name: 'pagefind', directory: true },
    ];
    const securityFor = async (base: string, path: string) => {
      const { headers, errors } = await parse(headersFile({ base, csp, topLevel }));
      expect(errors).toEqual([]);
      return headers
        .filter((h) => ('forRegExp' in h ? h.forRegExp : new RegExp('^$')).test(path))
        .filter((h) => h.values['Content-Security-Policy'])
        .map((h) => h.values);
    };

    it('only /embed/* lets any site frame it; every other path keeps frame-ancestors none and DENY', async () => {
      for (const base of ['/', '/blog/']) {
        const embed = await securityFor(base, `${base}embed/moon/`);
        // Exactly one rule: hosts merge matching rules, and a second policy with 'none' would still forbid framing.
        expect(embed).toHaveLength(1);
        expect(embed[0]!['Content-Security-Policy']).toContain('frame-ancestors *');
        expect(embed[0]!['Content-Security-Policy']).not.toContain("'none'; frame");
        expect(embed[0]!['Content-Security-Policy']).not.toMatch(
          /'unsafe-inline'|'unsafe-eval'|frame-ancestors 'none'/,
        );
        expect(embed[0]!['X-Frame-Options']).toBeUndefined();
        for (const path of ['', 'posts/x/', '_astro/a.js', 'rss.xml', 'pagefind/pagefind.js', 'index.html']) {
          const rules = await securityFor(base, base + path);
          expect(rules, base + path).toHaveLength(1);
          expect(rules[0]!['Content-Security-Policy'], base + path).toBe(csp);
          expect(rules[0]!['X-Frame-Options'], base + path).toBe('DENY');
        }
      }
    });

    it('every path, one outside dist/ included, gets each header from one rule, and the path-independent ones everywhere', async () => {
      for (const base of ['/', '/blog/']) {
        const { headers, errors } = await parse(headersFile({ base, csp, topLevel }));
        expect(errors).toEqual([]);
        for (const path of ['', 'posts/x/', 'embed/moon/', 'rss.xml', 'pagefind/pagefind.js', 'no-such-page/']) {
          const names = headers
            .filter((h) => ('forRegExp' in h ? h.forRegExp : new RegExp('^$')).test(base + path))
            .flatMap((h) => Object.keys(h.values));
          // Both hosts merge matching rules: a header named twice would reach the reader with two values.
          expect(names.length, base + path).toBe(new Set(names).size);
          for (const name of [
            'X-Content-Type-Options',
            'Referrer-Policy',
            'Permissions-Policy',
            'Cross-Origin-Opener-Policy',
          ]) {
            expect(names, `${base + path} ${name}`).toContain(name);
          }
        }
      }
    });

    it('the embed policy differs from the site policy in frame-ancestors alone', () => {
      const strip = (policy: string) =>
        policy
          .split('; ')
          .filter((d) => !d.startsWith('frame-ancestors'))
          .join('; ');
      expect(strip(embeddableCsp(csp))).toBe(strip(csp));
      expect(() => embeddableCsp("default-src 'self'")).toThrow(/no frame-ancestors/);
    });

    it('a site without embed pages keeps the single /* rule', async () => {
      const { headers } = await parse(
        headersFile({ base: '/', csp, topLevel: topLevel.filter((e) => e.name !== 'embed') }),
      );
      expect(headers.map((h) => h.for)).toContain('/*');
    });
  });
});
