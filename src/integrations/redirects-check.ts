/**
 * Build check over the redirects map (src/lib/content/redirects.ts): every
 * target is a page of this build (so, published) and every source produced a
 * redirect page, not a post. Fails `astro build` otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { assertNoProblems, type ContentProblem } from '../lib/content/content-error';
import { readPostRedirects, type RedirectsFile } from '../lib/content/redirects';
import { paths } from '../lib/routes/paths';

export default function redirectsCheck(redirects: RedirectsFile = readPostRedirects()): AstroIntegration {
  const { file, map, lineOf } = redirects;
  return {
    name: 'post-redirects-check',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        const built = new Set(pages.map((p) => p.pathname));
        const distDir = fileURLToPath(dir);
        const problems: ContentProblem[] = [];
        const problem = (from: string, reason: string) =>
          problems.push({ file, line: lineOf(from), field: from, reason });
        for (const [from, to] of Object.entries(map)) {
          const target = paths.post(to);
          if (!built.has(target))
            problem(
              from,
              `redirects to "${to}", but /${target} is not a page of this build (missing, draft or scheduled)`,
            );
          const sourceFile = resolve(distDir, paths.post(from), 'index.html');
          const html = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
          if (!/http-equiv="refresh"/.test(html))
            problem(from, `/${paths.post(from)} is not a redirect page (is "${from}" still a live post?)`);
        }
        assertNoProblems(problems);
        if (Object.keys(map).length) logger.info(`${Object.keys(map).length} post redirect(s) checked`);
      },
    },
  };
}
