/**
 * The parts of the security setup that Astro's `security.csp` leaves to us:
 *
 * - The theme script (src/scripts/theme.js) goes into every page's <head> as a
 *   classic inline script, so it runs blocking before first paint (no theme
 *   flash). Astro hashes `head-inline` scripts into its CSP <meta> itself.
 * - dist/_headers, for Netlify and Cloudflare Pages, serves the same policy as a
 *   header with frame-ancestors, which a <meta> cannot carry. Astro hands the
 *   per-route CSP to integrations (`routeToHeaders`) only for an adapter with
 *   `staticHeaders`, and then drops the <meta> that GitHub Pages needs, so the
 *   header is written here from the same SitePolicy.
 */
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { readdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headerCsp, type SitePolicy } from '../lib/security/csp';
import { headersFile } from '../lib/security/headers';
import { SW_FILE } from '../lib/offline/worker-file';

/** What `npm run build` writes once astro build has exited, so build:done cannot see it yet. */
const WRITTEN_AFTER_ASTRO = [
  { name: 'pagefind', directory: true },
  { name: SW_FILE, directory: false },
];

// Minified here because Astro passes head-inline scripts through as written; every page carries it inline.
const themeScript = transformSync(readFileSync(new URL('../scripts/theme.js', import.meta.url), 'utf8'), {
  minify: true,
  target: 'es2020',
}).code;

export default function securityHeaders({ base, policy }: { base: string; policy: SitePolicy }): AstroIntegration {
  return {
    name: 'site-security-headers',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('head-inline', themeScript);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The top-level entries decide where the security rules go once embed pages exist (headers.ts).
        const listed = await readdir(dir, { withFileTypes: true });
        const entries = new Set(listed.map((e) => e.name));
        const topLevel = listed
          .filter((e) => e.name !== '_headers')
          .map((e) => ({ name: e.name, directory: e.isDirectory() }))
          .concat(WRITTEN_AFTER_ASTRO.filter((late) => !entries.has(late.name)));
        await writeFile(
          new URL('_headers', dir),
          headersFile({ base, csp: headerCsp(policy, [themeScript]), topLevel }),
        );
        logger.info('wrote _headers with the Content-Security-Policy');
      },
    },
  };
}
