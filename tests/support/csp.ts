/** Checking built pages against their Content-Security-Policy, as a browser would enforce it. */
import { join } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { sha256Source } from '../../src/lib/security/csp';
import { elements } from './dist';

const scriptSources = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1) ?? [];

/**
 * Inline scripts a page carries that its CSP <meta>, or the header policy when
 * given, would block (JSON-LD is data, not script), and any policy that lets
 * every inline script run. Empty when the page is sound.
 */
export function blockedInlineScripts(html: string, headerPolicy?: string): string[] {
  const found = elements(html);
  const metaIndex = found.findIndex(
    (e) => e.name === 'meta' && e.attributes['http-equiv']?.toLowerCase() === 'content-security-policy',
  );
  if (metaIndex === -1) return ['no CSP <meta>'];
  const policies = {
    meta: found[metaIndex]!.attributes.content ?? '',
    ...(headerPolicy === undefined ? {} : { header: headerPolicy }),
  };
  const problems: string[] = [];
  for (const [where, policy] of Object.entries(policies)) {
    if (/'unsafe-inline'|'unsafe-eval'/.test(policy)) problems.push(`${where} policy allows unsafe scripts`);
  }
  found.forEach((e, index) => {
    if (e.name !== 'script' || e.attributes.src !== undefined || e.attributes.type === 'application/ld+json') return;
    // A <meta> policy governs only what follows it.
    if (index < metaIndex) problems.push(`inline script before the CSP <meta>: ${e.text.slice(0, 80)}`);
    for (const [where, policy] of Object.entries(policies)) {
      if (!scriptSources(policy).includes(sha256Source(e.text)))
        problems.push(`inline script not allowed by the ${where} policy: ${e.text.slice(0, 80)}`);
    }
  });
  return problems;
}

/** The Content-Security-Policy dist/_headers gives every path. */
export async function headersPolicy(distDir: string, base = '/'): Promise<string> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [join(distDir, '_headers')],
    configHeaders: undefined,
    minimal: false,
  });
  if (errors.length > 0) throw new Error(`_headers: ${errors.map((e) => e.message).join('; ')}`);
  // One `/*` rule, or, once the site has embed pages, one rule per top-level path beginning with the root.
  const everywhere = headers
    .filter((h) => h.for === `${base}*` || h.for === base)
    .find((h) => h.values['Content-Security-Policy'] !== undefined)?.values['Content-Security-Policy'];
  if (everywhere === undefined) throw new Error(`_headers has no Content-Security-Policy for ${base}*`);
  return everywhere;
}
