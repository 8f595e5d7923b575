/**
 * The build fails on a broken internal link in an article body: a page that
 * is not in the build, a path outside the base path, or a #fragment that is no
 * id on its page. It runs on the built output (`astro:build:done`), so what is
 * checked is what deploys, for whichever content folder the build reads.
 *
 * Each failing link is reported at its source line, found by parsing the post
 * with satteri; a link no source node wrote (a component's) is reported
 * without a line:
 *
 *   src/content/posts/x.mdx:14: link to /no-such-post/ points to no page
 *
 * The article body is the element ArticleLayout marks `data-pagefind-body`
 * (the same element the search index reads); links in the layout around it
 * are the templates', covered by tests/build/site.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectionDir } from '../lib/content/collection-dirs';
import { loadPostRedirects } from '../lib/content/redirects';
import { paths } from '../lib/routes/paths';
import { postIdFromPath } from '../lib/routes/post-id';
import { assertNoProblems, type ContentProblem } from '../lib/content/content-error';
import { PageScanCache } from '../lib/content/page-scan-cache';
import { scanPagesInParallel } from '../lib/content/page-scan-pool';
import { OWN_CACHE_FILES } from '../lib/build/code-fingerprint';
import {
  brokenLinks,
  isArticleBody,
  linkKey,
  pageUrl,
  scanPage,
  sourceLinks,
  type BrokenLink,
  type PageScan,
  type SiteLocation,
  type SourceLink,
} from '../lib/content/links';

/** Source files of the posts folder with their post ids, as the posts collection derives them. */
function postSources(postsDir: string): { file: string; id: string }[] {
  if (!existsSync(postsDir)) return [];
  return readdirSync(postsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .flatMap((file) => {
      const id = postIdFromPath(relative(postsDir, file));
      return id === undefined ? [] : [{ file, id }];
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** One problem per source link that leads where a broken href does; hrefs no source wrote get no line. */
function problemsFor(file: string, broken: BrokenLink[], page: URL): ContentProblem[] {
  let written: SourceLink[] = [];
  try {
    written = sourceLinks(readFileSync(file, 'utf8'), file.endsWith('.md') ? 'md' : 'mdx');
  } catch {
    // The build rendered this file, so its parser accepted it; without a tree the report just has no lines.
  }
  const problems: ContentProblem[] = [];
  for (const { href, reason } of broken) {
    const key = linkKey(href, page);
    const sources = written.filter((link) => linkKey(link.url, page) === key);
    if (sources.length === 0) problems.push({ file, reason });
    // The author's own spelling of the href, which can differ from the rendered one (`/a b/` → `/a%20b/`).
    for (const source of sources)
      problems.push({ file, line: source.line, reason: reason.replace(`link to ${href}`, `link to ${source.url}`) });
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

export default function linkCheck(): AstroIntegration {
  let site: SiteLocation = { origin: 'http://localhost', base: '/' };
  let scansFile = '';
  return {
    name: 'article-link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = {
          origin: new URL(config.site ?? 'http://localhost').origin,
          base: config.base.endsWith('/') ? config.base : `${config.base}/`,
        };
        scansFile = join(fileURLToPath(config.cacheDir), OWN_CACHE_FILES.linkCheckScans);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const distDir = fileURLToPath(dir);
        const inDist = (path: string) => {
          const file = resolve(distDir, path);
          return file.startsWith(distDir.endsWith(sep) ? distDir : distDir + sep) ? file : undefined;
        };
        const isFile = (path: string) => {
          const file = inDist(path);
          return file !== undefined && existsSync(file) && statSync(file).isFile();
        };
        // One parse per page: a page an earlier article links to with a #fragment is often an article too.
        const scans = new Map<string, PageScan | undefined>();
        // Across builds, by the page's bytes: pages an incremental build copied are not parsed again.
        const scanCache = PageScanCache.load(scansFile);
        const scanOf = (path: string) => {
          if (!scans.has(path)) {
            const html = isFile(path) ? readFileSync(inDist(path)!, 'utf8') : undefined;
            scans.set(path, html === undefined ? undefined : scanCache.scan(html, (h) => scanPage(h, isArticleBody)));
          }
          return scans.get(path);
        };
        const idsOf = (path: string): ReadonlySet<string> => scanOf(path)?.ids ?? new Set();
        const redirects = new Map(
          Object.entries(loadPostRedirects()).map(([from, to]) => [
            `${paths.post(from)}index.html`,
            `${paths.post(to)}index.html`,
          ]),
        );

        // The articles' own pages are parsed on worker threads; a page linked with a #fragment is parsed here, when asked.
        // Drafts and scheduled posts are not built; they are checked on the build that publishes them.
        const articles = postSources(collectionDir('posts'))
          .map(({ file, id }) => ({ file, pagePath: paths.post(id), page: `${paths.post(id)}index.html` }))
          .filter(({ page }) => isFile(page));
        const pageOfFile = new Map(articles.map(({ page }) => [inDist(page)!, page]));
        for (const { file, key, scan } of await scanPagesInParallel([...pageOfFile.keys()], scanCache.knownKeys()))
          scans.set(pageOfFile.get(file)!, scanCache.adopt(key, scan));

        const problems: ContentProblem[] = [];
        for (const { file, pagePath, page } of articles) {
          const scan = scanOf(page)!;
          if (!scan.hasBody)
            throw new Error(
              `link check: /${pagePath} has no element with data-pagefind-body around the article; src/integrations/link-check.ts must follow src/layouts/ArticleLayout.astro`,
            );
          const broken = brokenLinks(scan.bodyLinks, pagePath, scan.ids, site, { isFile, idsOf }, redirects);
          if (broken.length > 0) problems.push(...problemsFor(file, broken, pageUrl(pagePath, site)));
        }
        scanCache.save(scansFile);
        assertNoProblems(
          problems,
          'Fix the link or the heading it points to; links inside the site are checked against this build.',
        );
        const checked = articles.length;
        logger.info(
          `internal links checked in ${checked} article${checked === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
