/**
 * Where a reader goes after an article: the previous and next post in its
 * category, and related posts scored by what they share with it.
 *
 * Computed once per build for every post from the category and tag groups the
 * build already holds (src/collections/posts.ts), never by comparing all pairs:
 * each post looks only at a bounded window of neighbours in each of its groups,
 * so the cost is posts × (tags + 1) × window, linear in posts however large a
 * tag or category grows.
 */
import { tagSlug } from '../routes/paths';
import type { PostLike } from './listing';

/** A shared category outweighs a single shared tag: it is the editor's own grouping. */
export const CATEGORY_WEIGHT = 2;
export const TAG_WEIGHT = 1;
/**
 * The least score that counts as related: the same category, or two shared tags
 * from another category. One shared broad tag ("ai") across categories is a
 * coincidence, not a reason to send a reader from crypto to Python.
 */
export const MIN_RELATED_SCORE = 2;

/** Posts looked at on each side of an article in each of its groups (see OnwardOptions.window). */
export const RELATED_SCAN_WINDOW = 24;

export interface OnwardOptions {
  /** Related posts per article. */
  count: number;
  /**
   * Posts looked at on each side of the article in each of its groups. Bounds the
   * work per post; a strong match further away in time than this is not seen.
   */
  window: number;
}

export interface OnwardLinks<P> {
  /** The next older post in the same category. */
  previous: P | undefined;
  /** The next newer post in the same category. */
  next: P | undefined;
  /** Best first; never the article itself, nor its previous or next post, which the reader already sees. */
  related: P[];
}

/**
 * Onward links for every post. `sorted` is newest first (sortNewestFirst) and every
 * group lists its posts in that same order, as groupByCategory and groupByTag build them.
 */
export function onwardLinks<P extends PostLike>(
  sorted: readonly P[],
  byCategory: ReadonlyMap<string, readonly P[]>,
  byTag: ReadonlyMap<string, { posts: readonly P[] }>,
  { count, window }: OnwardOptions,
): Map<string, OnwardLinks<P>> {
  const rank = new Map(sorted.map((post, index) => [post.id, index]));
  const rankOf = (post: P) => rank.get(post.id)!;
  const result = new Map<string, OnwardLinks<P>>();

  for (const post of sorted) {
    const own = rankOf(post);
    const scores = new Map<P, number>();
    const visit = (group: readonly P[] | undefined, weight: number): number => {
      if (!group) return -1;
      const at = indexByRank(group, own, rankOf);
      if (at < 0) return at;
      for (let i = Math.max(0, at - window); i <= Math.min(group.length - 1, at + window); i++) {
        const other = group[i]!;
        if (other !== post) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
      return at;
    };

    const category = byCategory.get(post.data.category.id);
    const at = visit(category, CATEGORY_WEIGHT);
    for (const slug of new Set(post.data.tags.map(tagSlug))) visit(byTag.get(slug)?.posts, TAG_WEIGHT);

    // Groups are newest first, so the older neighbour sits after the article.
    const previous = at >= 0 ? category?.[at + 1] : undefined;
    const next = at > 0 ? category?.[at - 1] : undefined;
    const related = [...scores]
      .filter(([other, score]) => score >= MIN_RELATED_SCORE && other !== previous && other !== next)
      .sort(
        ([a, scoreA], [b, scoreB]) =>
          scoreB - scoreA ||
          // Equal scores: the post written closest in time, then the newer of two equally close.
          Math.abs(rankOf(a) - own) - Math.abs(rankOf(b) - own) ||
          rankOf(a) - rankOf(b),
      )
      .slice(0, count)
      .map(([other]) => other);
    result.set(post.id, { previous, next, related });
  }
  return result;
}

/** Position of the post of global rank `target` in a group kept in global order. */
function indexByRank<P>(group: readonly P[], target: number, rankOf: (post: P) => number): number {
  let low = 0;
  let high = group.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = rankOf(group[middle]!);
    if (found === target) return middle;
    if (found < target) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
