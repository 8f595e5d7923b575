/**
 * The URL id a file in the posts folder asks for: its path without the
 * extension, each segment slugged, a trailing /index dropped; undefined for a
 * file that is not a post (not .md/.mdx, or named with a leading `_`).
 *
 * The posts loader accepts a post only when this id is its bare file name, so
 * nothing is renamed silently; new-post and the link check use the same rule.
 */
import { slug } from 'github-slugger';

export function postIdFromPath(relativePath: string): string | undefined {
  const path = relativePath.split('\\').join('/');
  if (!/\.(md|mdx)$/.test(path) || path.split('/').pop()!.startsWith('_')) return undefined;
  return path
    .replace(/\.(md|mdx)$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
