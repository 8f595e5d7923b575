/**
 * The site's one Content-Security-Policy. Astro's `security.csp` renders it as
 * a <meta> in every page, adding the hashes of the scripts and styles it emits
 * (the theme script included); `_headers` serves the same policy as a header,
 * plus what a <meta> cannot carry. No 'unsafe-inline' or 'unsafe-eval' for
 * scripts: Pagefind needs only 'wasm-unsafe-eval'.
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';

type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Directive = NonNullable<AstroCsp['directives']>[number];

export interface SitePolicy {
  /** Every directive besides script-src and style-src, which Astro writes with its hashes. */
  directives: Directive[];
  scriptResources: string[];
  styleResources: string[];
}

/** Browsers ignore these in a <meta> policy (and warn about it), so only the header carries them. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** Origin of an absolute endpoint URL, or nothing for a same-site path. */
export function endpointOrigins(endpoint: string): string[] {
  return /^https?:\/\//i.test(endpoint) ? [new URL(endpoint).origin] : [];
}

export function sitePolicy({
  newsletterEndpoint,
  embedHosts,
}: {
  newsletterEndpoint: string;
  embedHosts: readonly string[];
}): SitePolicy {
  // The newsletter form posts with fetch, falling back to a plain form submission.
  const formOrigins = endpointOrigins(newsletterEndpoint)
    .map((origin) => ` ${origin}`)
    .join('');
  return {
    directives: [
      // Only the embeds the HTML policy lets a post carry (https, SITE.content.embedHosts); none leaves frames to default-src.
      ...(embedHosts.length > 0 ? [`frame-src ${embedHosts.map((host) => `https://${host}`).join(' ')}` as const] : []),
      "default-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${formOrigins}`,
      // The offline service worker (<base>sw.js). No blob: Pagefind runs with noWorker, and its
      // own worker, when used, is a file (pagefind-worker.js); a path cannot be named without the origin.
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      `form-action 'self'${formOrigins}`,
    ],
    scriptResources: ["'self'", "'wasm-unsafe-eval'"],
    styleResources: ["'self'"],
  };
}

/** The policy as Astro's `security.csp` option. */
export function astroCsp(policy: SitePolicy): AstroCsp {
  return {
    algorithm: 'SHA-256',
    directives: policy.directives,
    scriptDirective: { resources: policy.scriptResources },
    styleDirective: { resources: policy.styleResources },
  };
}

/** A CSP hash source, computed as Astro computes the ones in its <meta> (SHA-256 of the exact text). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The same policy as an HTTP header: the inline scripts' hashes (scripts and
 * styles from files are covered by 'self') and the header-only directives.
 */
export function headerCsp(policy: SitePolicy, inlineScripts: readonly string[]): string {
  return [
    ...policy.directives,
    `script-src ${[...policy.scriptResources, ...inlineScripts.map(sha256Source)].join(' ')}`,
    `style-src ${policy.styleResources.join(' ')}`,
    ...HEADER_ONLY_DIRECTIVES,
  ].join('; ');
}
