/**
 * dist/_headers for Netlify and Cloudflare Pages (both read this format): the
 * security headers on every path, and the cache rules.
 *
 * Why a redeploy never strands a reader: /_astro/* and Pagefind's
 * index/fragment/filter chunks carry content hashes in their names, so they are
 * immutable for a year and a new deploy writes new names. HTML, feeds, the
 * sitemap and Pagefind's entry files keep stable names and are revalidated on
 * every request, so a cached page always points at hashed files this or the
 * previous deploy served. The rules are disjoint on purpose: both hosts merge
 * the values of every matching rule, and two Cache-Control values would
 * contradict each other.
 */
import { OFFLINE_PAGE } from '../offline/names';
import { SW_FILE } from '../offline/worker-file';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';
/**
 * The service worker: browsers already skip their HTTP cache when they check
 * it for updates, and no-cache makes every other cache ask too, so a new
 * deploy's worker (or the kill switch's) reaches readers at their next visit.
 */
const SERVICE_WORKER = 'no-cache';

const CACHE_RULES: [path: string, cacheControl: string][] = [
  ['/_astro/*', IMMUTABLE],
  ['/pagefind/index/*', IMMUTABLE],
  ['/pagefind/fragment/*', IMMUTABLE],
  ['/pagefind/filter/*', IMMUTABLE],
  ...['pagefind.js', 'pagefind-entry.json', 'pagefind-worker.js', 'pagefind-highlight.js'].map(
    (file): [string, string] => [`/pagefind/${file}`, REVALIDATE],
  ),
  ...[
    '/',
    '/posts/*',
    '/categories/*',
    '/tags/*',
    '/authors/*',
    '/search/*',
    '/data/*',
    '/og/*',
    '/rss.xml',
    '/feed.json',
    '/subscribe/*',
    '/sitemap-*',
    '/robots.txt',
    '/404.html',
    // /offline/ and the coverage file beside it (src/lib/offline/names.ts)
    `/${OFFLINE_PAGE}*`,
  ].map((path): [string, string] => [path, REVALIDATE]),
  [`/${SW_FILE}`, SERVICE_WORKER],
];

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The _headers file for a site under `base` ("/" or "/blog/"). */
export function headersFile({ base, csp }: { base: string; csp: string }): string {
  const prefix = base.replace(/\/$/, '');
  const rules: [string, Record<string, string>][] = [
    ['/*', securityHeaders(csp)],
    ...CACHE_RULES.map(([path, cache]): [string, Record<string, string>] => [path, { 'Cache-Control': cache }]),
  ];
  const blocks = rules.map(([path, headers]) =>
    [prefix + path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build from src/lib/security/headers.ts and the CSP in src/lib/security/csp.ts; edit those, not this file.\n\n${blocks.join('\n')}\n`;
}
