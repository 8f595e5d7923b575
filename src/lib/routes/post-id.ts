/**
 * The URL id a file in the posts folder asks for: its path without the
 * extension, each segment slugged, a trailing /index dropped; undefined for a
 * file that is not a post (not .md/.mdx, or named with a leading `_`).
 *
 * The posts loader accepts a post only when this id is its bare file name, so
 * nothing is renamed silently; new-post and the link check use the same rule.
 */
import { slug } from 'github-slugger';

/**
 * Whether `id` is already a slug as github-slugger makes one from a file name,
 * as Astro's glob() does for the authors and categories: no capitals, spaces,
 * dots or slashes (so no `../`), nothing the slugger would rewrite.
 */
export function isSlug(id: string): boolean {
  return id !== '' && slug(id) === id;
}

/**
 * Whether `id` may be a post's id, the `<id>` of /posts/<id>/: a slug with at
 * least one letter a-z. An id of digits and hyphens alone (`2`, `2025-10-01`)
 * would share its URL with, or look to the search index like, the listing
 * pages /posts/2/…: Pagefind indexes only `posts/*[a-z]*` (src/lib/search/pagefind-index.ts).
 */
export function isPostId(id: string): boolean {
  return isSlug(id) && /[a-z]/.test(id);
}

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
