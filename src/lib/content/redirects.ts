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

export type PostRedirects = Record<string, string>;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** Where the map is read from: the content folder in use, like the posts. */
export function redirectsFile(contentDir: string | undefined = env.CONTENT_DIR): string {
  return join(contentDir ?? REAL_CONTENT_DIR, 'redirects.json');
}

/** Problems with the map on its own (shape, ids, self-redirects, chains). */
export function redirectShapeProblems(map: unknown): string[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    return ['must be a JSON object of "old-post-id": "new-post-id"'];
  const problems: string[] = [];
  const entries = Object.entries(map as Record<string, unknown>);
  for (const [from, to] of entries) {
    if (!ID.test(from))
      problems.push(`"${from}": an old post id is lower-case words joined by "-" (the file name without .mdx)`);
    if (typeof to !== 'string' || !ID.test(to)) {
      problems.push(`"${from}": the target must be a post id such as "my-post", got ${JSON.stringify(to)}`);
      continue;
    }
    if (from === to) problems.push(`"${from}" redirects to itself`);
    else if (Object.hasOwn(map, to))
      problems.push(`"${from}" → "${to}" is a chain: "${to}" is itself redirected; point "${from}" at the final id`);
  }
  return problems;
}

export function loadPostRedirects(file = redirectsFile()): PostRedirects {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const problems = redirectShapeProblems(parsed);
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return parsed as PostRedirects;
}
