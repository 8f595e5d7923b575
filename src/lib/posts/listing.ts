/**
 * Pure queries over posts. Inputs are already filtered by the publishing rule;
 * these functions sort, group and slice. Grouping is done once per build and
 * shared by every page that needs it, so build cost stays linear in posts.
 */
import { tagSlug } from '../routes/paths';

export interface PostLike {
  id: string;
  data: {
    title: string;
    pubDate: Date;
    tags: string[];
    category: { id: string };
    author: { id: string };
  };
}

/** Newest first; ties broken by id so output never depends on file order. */
export function sortNewestFirst<P extends PostLike>(posts: readonly P[]): P[] {
  return [...posts].sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id));
}

function groupBy<P>(items: readonly P[], keysOf: (item: P) => Iterable<string>): Map<string, P[]> {
  const groups = new Map<string, P[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export const groupByCategory = <P extends PostLike>(sorted: readonly P[]) =>
  groupBy(sorted, (p) => [p.data.category.id]);
export const groupByAuthor = <P extends PostLike>(sorted: readonly P[]) => groupBy(sorted, (p) => [p.data.author.id]);

export interface TagGroup<P> {
  slug: string;
  /** The spelling used by the newest post carrying the tag. */
  label: string;
  posts: P[];
}

/**
 * Tags keyed by URL slug. Two spellings of one slug ("AI" and "ai") never get
 * this far in a build: src/lib/content/tags.ts stops it first.
 */
export function groupByTag<P extends PostLike>(sorted: readonly P[]): Map<string, TagGroup<P>> {
  const bySlug = groupBy(sorted, (p) => p.data.tags.map(tagSlug));
  const groups = new Map<string, TagGroup<P>>();
  for (const [slug, posts] of bySlug) {
    const label = posts[0]!.data.tags.find((t) => tagSlug(t) === slug) ?? slug;
    groups.set(slug, { slug, label, posts });
  }
  return groups;
}

/** Latest content date: stands in for "build date" wherever a date is printed, so builds reproduce. */
export function latestDate(
  posts: readonly { data: { pubDate: Date; updatedDate?: Date | undefined } }[],
): Date | undefined {
  let latest: Date | undefined;
  for (const { data } of posts) {
    const candidate = data.updatedDate && data.updatedDate > data.pubDate ? data.updatedDate : data.pubDate;
    if (!latest || candidate > latest) latest = candidate;
  }
  return latest;
}

export interface HomeListing<P> {
  /** The newest pinned post (`featured: true`), else the newest post; undefined when there are none. */
  featured: P | undefined;
  /** Up to `latestCount` of the other posts, newest first. */
  latest: P[];
}

/**
 * The posts the home page shows. One rule for the page and for its sitemap
 * lastmod, so the date a crawler sees moves exactly when the page does.
 * `sorted` is newest first, as sortNewestFirst leaves it.
 */
export function homeListing<P extends { data: { featured?: boolean | undefined } }>(
  sorted: readonly P[],
  latestCount: number,
): HomeListing<P> {
  const featured = sorted.find((post) => post.data.featured) ?? sorted[0];
  return { featured, latest: sorted.filter((post) => post !== featured).slice(0, latestCount) };
}

export interface TagCount {
  slug: string;
  label: string;
  count: number;
}

/**
 * Every tag with its number of posts, for the tags index: alphabetical, as a
 * reader scans an index for a name, case and accents aside.
 */
export function tagIndex(byTag: ReadonlyMap<string, TagGroup<unknown>>): TagCount[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return [...byTag.values()]
    .map(({ slug, label, posts }) => ({ slug, label, count: posts.length }))
    .sort((a, b) => collator.compare(a.label, b.label) || a.slug.localeCompare(b.slug));
}
