/**
 * The `redirects` option of astro.config.mjs, from the map in redirects.json
 * (src/lib/content/redirects.ts reads and checks it).
 */
import { loadPostRedirects, type PostRedirects } from '../content/redirects';
import { withBase } from '../../site.config';
import { paths } from './paths';

/**
 * Sources are base-relative (Astro adds the base); a destination is used
 * verbatim, so it carries the base itself.
 */
export function astroRedirects(map: PostRedirects = loadPostRedirects()): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([from, to]) => [`/${paths.post(from)}`, withBase(paths.post(to))]),
  );
}
