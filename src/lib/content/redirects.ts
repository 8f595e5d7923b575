/**
 * Renamed posts keep their old URLs working, and feed readers keep their guids.
 * This module reads and checks the map; src/lib/routes/redirects.ts turns it
 * into Astro's `redirects` option, src/integrations/redirects-check.ts checks it
 * against the built pages, and src/lib/feeds/guid.ts says which guid each post keeps.
 *
 * The map lives in one file, `redirects.json` beside the collections
 * (src/content/redirects.json, or $CONTENT_DIR/redirects.json for fixtures):
 *
 *   { "old-post-id": "new-post-id" }
 *
 * Post ids are the file names without extension, as in /posts/<id>/. Astro
 * writes a static redirect page (meta refresh + canonical) at each old URL.
 *
 * Rules, checked when the config loads and again over the built pages:
 * - a target must be a published post (its page exists in the build);
 * - a source must not be a live post (that would shadow or collide with it);
 * - no chains: when a post is renamed twice, point every old id at the newest.
 * scripts/new-post.ts refuses a slug that is a redirect source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../../env';
import { REAL_CONTENT_DIR } from './collection-dirs';
import { assertNoProblems } from './content-error';
import { parseJsonDocument } from './json-document';

export type PostRedirects = Record<string, string>;

/** The map as read from its file, with the line of each entry for messages about it. */
export interface RedirectsFile {
  file: string;
  map: PostRedirects;
  lineOf: (from: string) => number | undefined;
}

/** A problem with the map; `from` is the old id of the entry it is about, when it is about one. */
export interface RedirectProblem {
  from?: string;
  reason: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** Where the map is read from: the content folder in use, like the posts. */
export function redirectsFile(contentDir: string | undefined = env.CONTENT_DIR): string {
  return join(contentDir ?? REAL_CONTENT_DIR, 'redirects.json');
}

/** Problems with the map on its own (shape, ids, self-redirects, chains). */
export function redirectShapeProblems(map: unknown): RedirectProblem[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    return [{ reason: 'must be a JSON object of "old-post-id": "new-post-id"' }];
  const problems: RedirectProblem[] = [];
  const entries = Object.entries(map as Record<string, unknown>);
  for (const [from, to] of entries) {
    if (!ID.test(from))
      problems.push({ from, reason: 'an old post id is lower-case words joined by "-" (the file name without .mdx)' });
    if (typeof to !== 'string' || !ID.test(to)) {
      problems.push({ from, reason: `the target must be a post id such as "my-post", got ${JSON.stringify(to)}` });
      continue;
    }
    if (from === to) problems.push({ from, reason: 'redirects to itself' });
    else if (Object.hasOwn(map, to))
      problems.push({
        from,
        reason: `redirects to "${to}", which is itself redirected (a chain); point "${from}" at the final id`,
      });
  }
  return problems;
}

/**
 * Reads and checks the map. Astro's config reads it too (astro.config.mjs), so a
 * mistake must surface as a ContentError: Astro prints that as file:line and reason,
 * where a plain Error thrown while the config loads came with a stack trace.
 */
export function readPostRedirects(file = redirectsFile()): RedirectsFile {
  if (!existsSync(file)) return { file, map: {}, lineOf: () => undefined };
  const document = parseJsonDocument(readFileSync(file, 'utf8'), file);
  assertNoProblems(document.problems);
  const lineOf = (from: string) => document.lineOf([from]);
  assertNoProblems(
    redirectShapeProblems(document.data).map(({ from, reason }) => ({
      file,
      field: from,
      line: from === undefined ? 1 : lineOf(from),
      reason,
    })),
  );
  return { file, map: document.data as PostRedirects, lineOf };
}

export function loadPostRedirects(file = redirectsFile()): PostRedirects {
  return readPostRedirects(file).map;
}
