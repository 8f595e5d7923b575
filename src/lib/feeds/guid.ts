/**
 * Feed readers tell items apart by <guid>. A renamed post keeps the permalink
 * it was first published under (that URL still resolves, through its redirect
 * page), so subscribers do not get the post a second time. Every other post's
 * guid is its link.
 */

/** The redirects map (src/lib/content/redirects.ts): old post id → current post id. */
export type Renames = Readonly<Record<string, string>>;

/**
 * The id each renamed post was first published under, keyed by its current id:
 * the old id listed first in the map (renames are appended at the end).
 */
export function firstPublishedIds(renames: Renames): Map<string, string> {
  const first = new Map<string, string>();
  for (const [from, to] of Object.entries(renames)) if (!first.has(to)) first.set(to, from);
  return first;
}
