/**
 * The only module that asks astro:content for posts. It applies the publishing
 * rule once, derives reading time once, and memoises the result for the
 * production build so every page shares one pass over the collection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { env } from '../env';
import { SITE } from '../site.config';
import { assertNoStoredProblems } from '../lib/content/problem-entries';
import { buildNow, isVisible, publicationState, type PublicationState } from '../lib/posts/publishing';
import { readingTimeFromWords, type ReadingTime } from '../lib/posts/reading-time';
import { assertNoProblems, ContentError } from '../lib/content/content-error';
import { tagProblems } from '../lib/content/tags';
import { groupByAuthor, groupByCategory, groupByTag, sortNewestFirst, type TagGroup } from '../lib/posts/listing';
import { onwardLinks, RELATED_SCAN_WINDOW, type OnwardLinks } from '../lib/posts/related';

export type Post = CollectionEntry<'posts'> & {
  readingTime: ReadingTime;
  state: PublicationState;
};
export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

export interface SiteContent {
  /** Visible posts, newest first. Production: published only. Dev: drafts and scheduled too. */
  posts: Post[];
  byId: Map<string, Post>;
  categories: Map<string, Category>;
  authors: Map<string, Author>;
  byCategory: Map<string, Post[]>;
  byAuthor: Map<string, Post[]>;
  byTag: Map<string, TagGroup<Post>>;
  /** Previous, next and related posts under each article, worked out once for every post. */
  onward: Map<string, OnwardLinks<Post>>;
  /**
   * The year on the publishing rule's clock: SOURCE_DATE_EPOCH when set (CI and deploys set it from the
   * commit date, so a rebuild of the same commit is byte-identical), else the time of the build.
   */
  buildYear: number;
}

async function loadSiteContent(): Promise<SiteContent> {
  const context = { isDev: import.meta.env.DEV, now: buildNow(env.SOURCE_DATE_EPOCH) };
  const [allEntries, categoryEntries, authorEntries] = await Promise.all([
    getCollection('posts'),
    getCollection('categories'),
    getCollection('authors'),
  ]);
  // Dev only: a post that failed its checks is stored as its problems (src/lib/content/problem-entries.ts).
  if (import.meta.env.DEV) assertNoStoredProblems(allEntries);
  // Drafts and scheduled posts too: a clashing tag should fail while the post is written, not on the day it goes live.
  assertNoProblems(
    tagProblems(allEntries.map((entry) => ({ file: entry.filePath ?? entry.id, tags: entry.data.tags }))),
  );
  const entries = allEntries.filter((entry) => isVisible(entry.data, context));
  const posts = sortNewestFirst(
    entries.map((entry) => ({
      ...entry,
      readingTime: readingTimeFromWords(entry.data.bodyWords, ...entry.data.faq.flatMap((f) => [f.question, f.answer])),
      state: publicationState(entry.data, context.now),
    })),
  );
  const byCategory = groupByCategory(posts);
  const byTag = groupByTag(posts);
  return {
    posts,
    byId: new Map(posts.map((p) => [p.id, p])),
    categories: new Map(categoryEntries.map((c) => [c.id, c])),
    authors: new Map(authorEntries.map((a) => [a.id, a])),
    byCategory,
    byAuthor: groupByAuthor(posts),
    byTag,
    onward: onwardLinks(posts, byCategory, byTag, { count: SITE.relatedPostsCount, window: RELATED_SCAN_WINDOW }),
    buildYear: context.now.getUTCFullYear(),
  };
}

let memo: Promise<SiteContent> | undefined;

/** Everything pages need about posts. Dev re-reads on every request so edits show up. */
export function getSiteContent(): Promise<SiteContent> {
  if (import.meta.env.DEV) return loadSiteContent();
  return (memo ??= loadSiteContent());
}

export function categoryOf(content: SiteContent, post: Post): Category {
  return lookup(content.categories, post.data.category.id, 'category', post);
}

export function authorOf(content: SiteContent, post: Post): Author {
  return lookup(content.authors, post.data.author.id, 'author', post);
}

/**
 * The posts loader checks every reference on each sync (src/lib/content/references.ts); this is for `astro dev`,
 * where a category file deleted after its posts synced is noticed only when a page asks for it.
 */
function lookup<T>(map: Map<string, T>, id: string, field: string, post: Post): T {
  const found = map.get(id);
  if (!found) throw new ContentError([{ file: post.filePath ?? post.id, field, reason: `unknown ${field} "${id}"` }]);
  return found;
}
