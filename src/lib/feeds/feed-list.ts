/**
 * Which feeds the site publishes, spelled once: the site's own and one per
 * category, each as RSS and as JSON Feed. Autodiscovery links (BaseHead), the
 * /subscribe/ page and the WebSub ping (scripts/websub-ping.ts) all list them
 * from here, so none of them can forget a feed the build writes.
 */
import { paths } from '../routes/paths';

export interface FeedSet {
  /** An id for the set, usable as a fragment: "all", or "category-<id>". */
  key: string;
  /** What the feed follows, as a reader's feed list shows it. */
  title: string;
  /** Site-relative paths (wrap with absoluteUrl or withBase). */
  rss: string;
  json: string;
}

export function siteFeedSet(siteName: string): FeedSet {
  return { key: 'all', title: `${siteName} — all posts`, rss: paths.feed(), json: paths.jsonFeed() };
}

export function categoryFeedSet(siteName: string, category: { id: string; name: string }): FeedSet {
  return {
    key: `category-${category.id}`,
    title: `${siteName} — ${category.name}`,
    rss: paths.categoryFeed(category.id),
    json: paths.categoryJsonFeed(category.id),
  };
}

/** Every feed the build writes: the site's, then each category's in the order given. */
export function allFeedSets(siteName: string, categories: readonly { id: string; name: string }[]): FeedSet[] {
  return [siteFeedSet(siteName), ...categories.map((category) => categoryFeedSet(siteName, category))];
}

/** Every feed path, both formats: what a WebSub hub is told changed. */
export function feedPaths(sets: readonly FeedSet[]): string[] {
  return sets.flatMap((set) => [set.rss, set.json]);
}
