/**
 * Writes dist/_headers from public/_headers with the site's base path and
 * Content-Security-Policy filled in, and stops the build if any page carries
 * an inline script the policy would block.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspForHeader, endpointOrigins, renderHeadersTemplate, unhashedInlineScripts } from '../lib/security-headers';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

export default function securityHeaders(options: { base: string; newsletterEndpoint: string; embedHosts: readonly string[] }): AstroIntegration {
  return {
    name: 'site-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const problems: string[] = [];
        for await (const file of htmlFiles(out)) {
          for (const script of unhashedInlineScripts(await readFile(file, 'utf8'))) problems.push(`${file.slice(out.length)}: inline script not allowed by the CSP: ${script}…`);
        }
        if (problems.length > 0) throw new Error(`Pages would break under the Content-Security-Policy:\n${problems.join('\n')}`);
        const headersPath = join(out, '_headers');
        const template = await readFile(headersPath, 'utf8');
        const csp = cspForHeader({ formOrigins: endpointOrigins(options.newsletterEndpoint), embedHosts: options.embedHosts });
        await writeFile(headersPath, renderHeadersTemplate(template, { base: options.base, csp }));
        logger.info('wrote _headers with the Content-Security-Policy');
      },
    },
  };
}
