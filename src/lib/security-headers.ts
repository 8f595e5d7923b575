/**
 * The Content-Security-Policy and the rest of the security headers. One policy
 * serves every page: the only inline script is the theme script, whose hash is
 * computed here from its exact text; all other scripts and styles are files on
 * the site's own origin. Pagefind needs 'wasm-unsafe-eval' and blob: workers.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { THEME_SCRIPT } from './theme-script';

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const INLINE_SCRIPT_HASHES = [sha256Source(THEME_SCRIPT)];

export interface PolicyOptions {
  /** Origins besides 'self' that forms may post to and fetch may reach (the newsletter endpoint). */
  formOrigins?: string[];
  /** Hosts a post may embed in an iframe (SITE.content.embedHosts); the HTML policy allows only these, over https. */
  embedHosts?: readonly string[];
}

export function cspDirectives({ formOrigins = [], embedHosts = [] }: PolicyOptions = {}): string[] {
  const extra = formOrigins.length > 0 ? ` ${formOrigins.join(' ')}` : '';
  return [
    ...(embedHosts.length > 0 ? [`frame-src ${embedHosts.map((host) => `https://${host}`).join(' ')}`] : []),
    "default-src 'self'",
    `script-src 'self' ${INLINE_SCRIPT_HASHES.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${extra}`,
    "frame-ancestors 'none'",
  ];
}

/** Meta-tag policies cannot carry frame-ancestors; hosts without _headers (GitHub Pages) still get the rest. */
export function cspForMeta(options: PolicyOptions = {}): string {
  return cspDirectives(options).filter((d) => !d.startsWith('frame-ancestors')).join('; ');
}

export function cspForHeader(options: PolicyOptions = {}): string {
  return cspDirectives(options).join('; ');
}

/** Origin of an absolute endpoint URL, or nothing for a same-site path. */
export function endpointOrigins(endpoint: string): string[] {
  return /^https?:\/\//i.test(endpoint) ? [new URL(endpoint).origin] : [];
}

/** Fills public/_headers' placeholders: {{BASE}} (path prefix without trailing slash) and {{CSP}}. */
export function renderHeadersTemplate(template: string, values: { base: string; csp: string }): string {
  const base = values.base.replace(/\/$/, '');
  return template.replaceAll('{{BASE}}', base).replaceAll('{{CSP}}', values.csp);
}

/** Every real script start tag begins with this, whatever the tokenizer state around it. */
const SCRIPT_START = /<script[\s/>]/gi;
/** Script tags our templates write, each safe under the policy wherever it occurs. */
const KNOWN_SAFE_SCRIPT = new RegExp(
  [
    /<script type="module" src="[^"<>]*"><\/script>/.source,
    /<script type="application\/ld\+json">[^<]*<\/script>/.source,
    `<script>${THEME_SCRIPT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</script>`,
  ].join('|'),
  'y',
);

/**
 * True when every "<script" in the page is one of the tags our templates
 * write. Such a page cannot hold a blocked script, so the full tokenizer is
 * needed only for pages with anything else (about 20 s saved at 10,000 posts).
 */
function onlyKnownScriptTags(html: string): boolean {
  SCRIPT_START.lastIndex = 0;
  for (let match = SCRIPT_START.exec(html); match !== null; match = SCRIPT_START.exec(html)) {
    KNOWN_SAFE_SCRIPT.lastIndex = match.index;
    if (!KNOWN_SAFE_SCRIPT.test(html)) return false;
    SCRIPT_START.lastIndex = KNOWN_SAFE_SCRIPT.lastIndex;
  }
  return true;
}

/**
 * Inline <script> bodies in a page that the policy would block (JSON-LD is
 * data, not script). htmlparser2 tokenizes as browsers do (a "<script>" inside
 * an attribute value or escaped text is not a script); pages holding only the
 * script tags our templates write skip it.
 */
export function unhashedInlineScripts(html: string): string[] {
  if (onlyKnownScriptTags(html)) return [];
  const blocked: string[] = [];
  let body: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && attributes.src === undefined && attributes.type !== 'application/ld+json') body = '';
      },
      ontext(text) {
        if (body !== undefined) body += text;
      },
      onclosetag(name) {
        if (name !== 'script' || body === undefined) return;
        if (!INLINE_SCRIPT_HASHES.includes(sha256Source(body))) blocked.push(body.slice(0, 80));
        body = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return blocked;
}
