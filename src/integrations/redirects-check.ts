/**
 * Build check over the redirects map (src/lib/content/redirects.ts): every
 * target is a page of this build (so, published) and every source produced a
 * redirect page, not a post. Fails `astro build` otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadPostRedirects, redirectsFile, type PostRedirects } from '../lib/content/redirects';
import { paths } from '../lib/routes/paths';

export default function redirectsCheck(map: PostRedirects = loadPostRedirects()): AstroIntegration {
  return {
    name: 'post-redirects-check',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        const built = new Set(pages.map((p) => p.pathname));
        const distDir = fileURLToPath(dir);
        const problems: string[] = [];
        for (const [from, to] of Object.entries(map)) {
          const target = paths.post(to);
          if (!built.has(target))
            problems.push(`"${from}" → "${to}": /${target} is not a page of this build (missing, draft or scheduled)`);
          const sourceFile = resolve(distDir, paths.post(from), 'index.html');
          const html = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
          if (!/http-equiv="refresh"/.test(html))
            problems.push(`"${from}": /${paths.post(from)} is not a redirect page (is "${from}" still a live post?)`);
        }
        if (problems.length) throw new Error(`${redirectsFile()}:\n  ${problems.join('\n  ')}`);
        if (Object.keys(map).length) logger.info(`${Object.keys(map).length} post redirect(s) checked`);
      },
    },
  };
}
