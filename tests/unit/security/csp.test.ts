import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  astroCsp,
  endpointOrigins,
  headerCsp,
  HEADER_ONLY_DIRECTIVES,
  sha256Source,
  sitePolicy,
} from '../../../src/lib/security/csp';

const policy = sitePolicy({ newsletterEndpoint: '', embedHosts: [] });
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  it('allows scripts only from the origin and the hashed inline scripts, plus wasm for Pagefind', () => {
    const theme = readFileSync('src/scripts/theme.js', 'utf8');
    const csp = headerCsp(policy, [theme]);
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${sha256Source(theme)}`);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(directive(csp, 'worker-src')).toBe("worker-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('hashes as Astro does: SHA-256 of the exact text, base64', () => {
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(astroCsp(policy).algorithm).toBe('SHA-256');
  });

  it('keeps frame-ancestors out of the <meta> policy, where browsers ignore it', () => {
    const meta = astroCsp(policy);
    expect(meta.directives?.join('; ')).not.toContain('frame-ancestors');
    expect(HEADER_ONLY_DIRECTIVES).toEqual(["frame-ancestors 'none'"]);
    expect(meta.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(meta.styleDirective?.resources).toEqual(["'self'"]);
  });

  it('lets the newsletter form reach an external endpoint origin only', () => {
    expect(endpointOrigins('https://list.example.com/subscribe?x=1')).toEqual(['https://list.example.com']);
    expect(endpointOrigins('/api/subscribe')).toEqual([]);
    const csp = headerCsp(sitePolicy({ newsletterEndpoint: 'https://list.example.com/subscribe', embedHosts: [] }), []);
    expect(directive(csp, 'form-action')).toBe("form-action 'self' https://list.example.com");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://list.example.com");
    expect(directive(headerCsp(policy, []), 'form-action')).toBe("form-action 'self'");
  });

  it('frames only the embed hosts the HTML policy allows, over https', () => {
    // No frame-src at all leaves frames to default-src 'self'.
    expect(headerCsp(sitePolicy({ newsletterEndpoint: '', embedHosts: ['www.youtube-nocookie.com'] }), [])).toContain(
      'frame-src https://www.youtube-nocookie.com;',
    );
    expect(headerCsp(policy, [])).not.toContain('frame-src');
  });
});
