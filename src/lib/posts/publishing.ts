/**
 * The one rule for what ships. Pages, feeds, the sitemap and the search index
 * all reach posts through getSiteContent() (src/collections/posts.ts), which asks this function.
 */

export interface PublishableData {
  draft: boolean;
  pubDate: Date;
}

export interface PublishContext {
  /** `astro dev`: authors see drafts and scheduled posts, marked as such. */
  isDev: boolean;
  /** The moment the build treats as "now". */
  now: Date;
}

export type PublicationState = 'published' | 'draft' | 'scheduled';

export function publicationState(post: PublishableData, now: Date): PublicationState {
  if (post.draft) return 'draft';
  if (post.pubDate.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

export function isVisible(post: PublishableData, context: PublishContext): boolean {
  return context.isDev || publicationState(post, context.now) === 'published';
}

/**
 * The clock the publishing rule reads. SOURCE_DATE_EPOCH (src/env.ts) pins it
 * for reproducible builds and for tests; otherwise scheduled posts go live on
 * the first build after their date.
 */
export function buildNow(pinned: Date | undefined): Date {
  return pinned ?? new Date();
}
