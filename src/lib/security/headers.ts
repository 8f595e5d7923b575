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
import { SHARD_MANIFEST } from '../search/shards';

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
  // The index's first bundle is Pagefind's folder; other shards are folders in it (src/lib/search/shards.ts).
  ...['/pagefind/', '/pagefind/:shard/'].flatMap((bundle) =>
    ['index', 'fragment', 'filter'].map((folder): [string, string] => [`${bundle}${folder}/*`, IMMUTABLE]),
  ),
  ...['pagefind.js', 'pagefind-entry.json', 'pagefind-worker.js', 'pagefind-highlight.js', SHARD_MANIFEST].map(
    (file): [string, string] => [`/pagefind/${file}`, REVALIDATE],
  ),
  ['/pagefind/:shard/pagefind-entry.json', REVALIDATE],
  ...[
    '/',
    '/posts/*',
    '/categories/*',
    '/tags/*',
    '/authors/*',
    '/search/*',
    '/data/*',
    '/og/*',
    '/social/*',
    '/rss.xml',
    '/feed.json',
    '/subscribe/*',
    '/embed/*',
    '/sitemap-*',
    '/robots.txt',
    '/404.html',
    // /offline/ and the coverage file beside it (src/lib/offline/names.ts)
    `/${OFFLINE_PAGE}*`,
  ].map((path): [string, string] => [path, REVALIDATE]),
  [`/${SW_FILE}`, SERVICE_WORKER],
];

/**
 * Embeddable pages: the one path that any site may frame (issue 15, /embed/<survey>/). Its
 * policy differs from the rest only in frame-ancestors, and it drops X-Frame-Options, which
 * has no "any site" value.
 */
export const EMBED_DIR = 'embed';
const FRAME_ANYWHERE = 'frame-ancestors *';

/** The same policy with frame-ancestors relaxed to any site, for the embed pages only. */
export function embeddableCsp(csp: string): string {
  const directives = csp.split(';').map((d) => d.trim());
  if (!directives.some((d) => /^frame-ancestors\s/.test(d))) throw new Error('CSP has no frame-ancestors to relax');
  return directives.map((d) => (/^frame-ancestors\s/.test(d) ? FRAME_ANYWHERE : d)).join('; ');
}

/** The headers that do not depend on who may frame the page: the same on every path, embed pages included. */
const PATH_INDEPENDENT_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The policy and the legacy framing ban, which differ between the embed pages and the rest. */
const framingHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Frame-Options': 'DENY',
});

export function securityHeaders(csp: string): Record<string, string> {
  return { ...framingHeaders(csp), ...PATH_INDEPENDENT_HEADERS };
}

/** A top-level entry of dist/, as the build lists it. */
export interface TopLevelEntry {
  name: string;
  directory: boolean;
}

/**
 * Where the security headers go. Without embed pages, one `/*` rule. With them, Netlify and
 * Cloudflare Pages merge every matching rule and neither can exclude a path from `/*`, so a `/*`
 * policy with frame-ancestors 'none' would still forbid framing the embed pages. Then:
 * - `/*` keeps the headers that are the same everywhere, so any path, a 404 included, has them;
 * - the policy and X-Frame-Options go on one rule per top-level entry of dist/ but the embed folder;
 * - `/embed/*` gets the policy with frame-ancestors relaxed, and no X-Frame-Options (it has no
 *   "any site" value).
 * No header name is set by two rules that match one path. What a path outside dist/'s entries
 * lacks is the header policy alone: it is served 404.html, whose <meta> policy still applies.
 */
function securityRules(
  csp: string,
  topLevel: readonly TopLevelEntry[] | undefined,
): [string, Record<string, string>][] {
  const hasEmbeds = topLevel?.some((e) => e.directory && e.name === EMBED_DIR) ?? false;
  if (!topLevel || !hasEmbeds) return [['/*', securityHeaders(csp)]];
  const others = [...topLevel]
    .filter((e) => !(e.directory && e.name === EMBED_DIR))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e): [string, Record<string, string>] => [e.directory ? `/${e.name}/*` : `/${e.name}`, framingHeaders(csp)]);
  return [
    ['/*', PATH_INDEPENDENT_HEADERS],
    ['/', framingHeaders(csp)],
    ...others,
    [`/${EMBED_DIR}/*`, { 'Content-Security-Policy': embeddableCsp(csp) }],
  ];
}

/**
 * The _headers file for a site under `base` ("/" or "/blog/"). `topLevel` lists dist/'s
 * top-level files and folders, needed once the site has embed pages (see securityRules).
 */
export function headersFile({
  base,
  csp,
  topLevel,
}: {
  base: string;
  csp: string;
  topLevel?: readonly TopLevelEntry[];
}): string {
  const prefix = base.replace(/\/$/, '');
  const rules: [string, Record<string, string>][] = [
    ...securityRules(csp, topLevel),
    ...CACHE_RULES.map(([path, cache]): [string, Record<string, string>] => [path, { 'Cache-Control': cache }]),
  ];
  const blocks = rules.map(([path, headers]) =>
    [prefix + path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build from src/lib/security/headers.ts and the CSP in src/lib/security/csp.ts; edit those, not this file.\n\n${blocks.join('\n')}\n`;
}
