/**
 * The `cacheKey` each content page returns from getStaticPaths(), for Astro's
 * incremental build (see src/lib/build/cache-key.ts for what a key must cover).
 * Astro already re-renders a page when its code, the config or the lockfile
 * change, and when a content entry it rendered (an MDX body) changes; these
 * keys add the data: a post is its source digest, and every page also carries
 * what every page shows (categories in the header, the footer's year, authors,
 * surveys, the env knobs).
 */
import type { Page } from 'astro';
import { getCollection } from 'astro:content';
import { env } from '../env';
import { cacheKeyOf } from '../lib/build/cache-key';
import { getSiteContent, type Post } from './posts';

/** What a listing or a link shows of a post: its frontmatter and what the loader derived (reading time's word count). */
function shownPost(post: Post) {
  return { id: post.id, data: post.data, state: post.state };
}

/** A post's own page renders its body too: its source file's digest covers it. */
function ownPost(post: Post) {
  return { ...shownPost(post), digest: post.digest };
}

let siteInputs: Promise<string> | undefined;

async function digestSite(): Promise<string> {
  const [content, surveys] = await Promise.all([getSiteContent(), getCollection('surveys')]);
  return cacheKeyOf(
    // The cache folder says where keys are kept, not what a page says (JSON leaves undefined out).
    { ...env, ASTRO_CACHE_DIR: undefined },
    content.buildYear,
    [...content.categories.values()].map(({ id, data }) => ({ id, data })),
    [...content.authors.values()].map(({ id, data }) => ({ id, data })),
    surveys.map(({ id, digest, data }) => ({ id, digest, data })),
  );
}

/** Every page's share: site-wide data and settings, digested once per build (per request in dev, as the content is). */
function siteKey(): Promise<string> {
  if (import.meta.env.DEV) return digestSite();
  return (siteInputs ??= digestSite());
}

/** An article: its own post, the posts its Keep reading block links to, and its category's size. */
export async function articleCacheKey(post: Post): Promise<string> {
  const content = await getSiteContent();
  const onward = content.onward.get(post.id);
  return cacheKeyOf(
    await siteKey(),
    ownPost(post),
    onward && {
      previous: onward.previous && shownPost(onward.previous),
      next: onward.next && shownPost(onward.next),
      related: onward.related.map(shownPost),
    },
    content.byCategory.get(post.data.category.id)?.length ?? 0,
  );
}

/** What a listing page shows: paginate()'s page (its posts and links) and the rest of its props. */
interface ListingPath {
  props: { page: Page<Post> };
}

/** Adds a cacheKey to each of paginate()'s paths: the page's posts, its links and position, and its other props. */
export async function withListingCacheKeys<P extends ListingPath>(paths: P[]): Promise<(P & { cacheKey: string })[]> {
  const site = await siteKey();
  return paths.map((path) => {
    const { page, ...rest } = path.props;
    return { ...path, cacheKey: cacheKeyOf(site, { ...page, data: page.data.map(shownPost) }, rest) };
  });
}
