/**
 * The posts as the posts loader stored them (after the collection's schema), handed to the sitemap's
 * lastmod (sitemap-lastmod.ts).
 *
 * Why a hand-over and not astro:content: @astrojs/sitemap calls its serialize hook from
 * astro.config.mjs, where no collection can be queried. Content sync runs earlier in the same process,
 * so the loader leaves its entries here. astro.config.mjs and content.config.ts load separate copies of
 * this module, so the entries sit on globalThis under a Symbol.for key, as the social cards in flight do
 * (src/lib/social/social-card.ts).
 *
 * Reading the sources again instead cost 0.5 s at 1,000 posts and 2.7 s at 10,000, after every page, and
 * repeated the loader's rules (parser, dates, publishing) in a copy that could drift from them.
 */
import { referencedId, type SyncedEntry } from '../content/synced-entry';
import { sortNewestFirst } from '../posts/listing';
import { isVisible } from '../posts/publishing';

export interface SitemapPost {
  id: string;
  data: {
    title: string;
    pubDate: Date;
    updatedDate?: Date | undefined;
    featured: boolean;
    tags: string[];
    category: { id: string };
    author: { id: string };
  };
}

interface SyncedPost extends SitemapPost {
  draft: boolean;
}

/** Where the entries wait: one key for every copy of this module in the process. */
export const SYNCED_POSTS_KEY = Symbol.for('site.sitemap.synced-posts');

type Holder = { [SYNCED_POSTS_KEY]?: readonly SyncedPost[] };

/** The fields the sitemap reads, checked: the schema promised them, so a mismatch is a bug here, not bad content. */
function syncedPost({ id, data }: SyncedEntry): SyncedPost {
  const { title, pubDate, updatedDate, draft, featured, tags } = data;
  const category = referencedId(data.category);
  const author = referencedId(data.author);
  if (
    typeof title !== 'string' ||
    !(pubDate instanceof Date) ||
    (updatedDate !== undefined && !(updatedDate instanceof Date)) ||
    typeof draft !== 'boolean' ||
    typeof featured !== 'boolean' ||
    !Array.isArray(tags) ||
    !tags.every((tag) => typeof tag === 'string') ||
    category === undefined ||
    author === undefined
  )
    throw new Error(`posts entry "${id}" does not have the fields the posts schema gives every post`);
  return {
    id,
    draft,
    data: { title, pubDate, updatedDate, featured, tags, category: { id: category }, author: { id: author } },
  };
}

/** Called by the posts loader once every post is stored: replaces whatever an earlier sync left. */
export function recordSyncedPosts(entries: Iterable<SyncedEntry>): void {
  (globalThis as Holder)[SYNCED_POSTS_KEY] = [...entries].map(syncedPost);
}

/** The posts published at `now`, newest first, as the listings order them. */
export function publishedSyncedPosts(now: Date): SitemapPost[] {
  const posts = (globalThis as Holder)[SYNCED_POSTS_KEY];
  if (!posts)
    throw new Error(
      'the sitemap needs the posts as content sync stored them, and no content sync has run in this process',
    );
  return sortNewestFirst(
    posts.filter((post) => isVisible({ draft: post.draft, pubDate: post.data.pubDate }, { isDev: false, now })),
  ).map(({ id, data }) => ({ id, data }));
}
