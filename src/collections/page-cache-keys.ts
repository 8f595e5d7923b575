/**
 * The `cacheKey` each content page returns from getStaticPaths(), for Astro's
 * incremental build (see src/lib/build/cache-key.ts for what a key must cover).
 * Astro already re-renders a page when its code, the config or the lockfile
 * change, and when a content entry it rendered (an MDX body) changes; these
 * keys add the data: a post is its source digest, and every page also carries
 * what every page shows (categories in the header, the footer's year, authors,
 * surveys, the env knobs).
 */
import { getCollection } from 'astro:content';
import { env } from '../env';
import { cacheKeyOf } from '../lib/build/cache-key';
import { getSiteContent, type Post } from './posts';

/** What a post contributes to a page that shows it: its source file's digest covers the body and frontmatter. */
function postInputs(post: Post) {
  return { id: post.id, digest: post.digest, data: post.data, state: post.state };
}

let siteInputs: Promise<string> | undefined;

/** Every page's share: site-wide data and settings, digested once per build. */
function siteKey(): Promise<string> {
  return (siteInputs ??= (async () => {
    const [content, surveys] = await Promise.all([getSiteContent(), getCollection('surveys')]);
    // The cache folder names where keys are kept, not what a page says.
    const { ASTRO_CACHE_DIR: _cacheDir, ...settings } = env;
    return cacheKeyOf(
      settings,
      content.buildYear,
      [...content.categories.values()].map(({ id, data }) => ({ id, data })),
      [...content.authors.values()].map(({ id, data }) => ({ id, data })),
      surveys.map(({ id, digest, data }) => ({ id, digest, data })),
    );
  })());
}

/** An article: its own post, the posts its Keep reading block links to, and its category's size. */
export async function articleCacheKey(post: Post): Promise<string> {
  const content = await getSiteContent();
  const onward = content.onward.get(post.id);
  return cacheKeyOf(
    await siteKey(),
    postInputs(post),
    onward && {
      previous: onward.previous && postInputs(onward.previous),
      next: onward.next && postInputs(onward.next),
      related: onward.related.map(postInputs),
    },
    content.byCategory.get(post.data.category.id)?.length ?? 0,
  );
}

/** What a listing page shows: paginate()'s page (its posts and links) and the rest of its props. */
interface ListingPath {
  props: { page: { data: Post[] } & Record<string, unknown> } & Record<string, unknown>;
}

/** Adds a cacheKey to each of paginate()'s paths: the page's posts, its links and position, and its other props. */
export async function withListingCacheKeys<P extends ListingPath>(paths: P[]): Promise<(P & { cacheKey: string })[]> {
  const site = await siteKey();
  return paths.map((path) => {
    const { page, ...rest } = path.props;
    return { ...path, cacheKey: cacheKeyOf(site, { ...page, data: page.data.map(postInputs) }, rest) };
  });
}
