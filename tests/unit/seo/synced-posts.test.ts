import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedSyncedPosts, recordSyncedPosts, SYNCED_POSTS_KEY } from '../../../src/lib/seo/synced-posts';

const day = (d: number) => new Date(Date.UTC(2025, 0, d));
const entry = (id: string, data: Record<string, unknown>) => ({
  id,
  data: {
    title: id,
    pubDate: day(1),
    draft: false,
    featured: false,
    tags: [],
    category: { collection: 'categories', id: 'research' },
    author: { collection: 'authors', id: 'ada' },
    bodyWords: 10,
    ...data,
  },
});

afterEach(() => {
  delete (globalThis as { [SYNCED_POSTS_KEY]?: unknown })[SYNCED_POSTS_KEY];
});

describe('the posts content sync hands to the sitemap (src/lib/seo/synced-posts.ts)', () => {
  it('keeps the published posts at the build clock, newest first, with the fields lastmod reads', () => {
    recordSyncedPosts([
      entry('old', { pubDate: day(1), tags: ['AI'] }),
      entry('draft', { pubDate: day(3), draft: true }),
      entry('new', { pubDate: day(5), updatedDate: day(9), featured: true }),
      entry('scheduled', { pubDate: day(20) }),
    ]);
    expect(publishedSyncedPosts(day(10))).toEqual([
      {
        id: 'new',
        data: {
          title: 'new',
          pubDate: day(5),
          updatedDate: day(9),
          featured: true,
          tags: [],
          category: { id: 'research' },
          author: { id: 'ada' },
        },
      },
      {
        id: 'old',
        data: {
          title: 'old',
          pubDate: day(1),
          updatedDate: undefined,
          featured: false,
          tags: ['AI'],
          category: { id: 'research' },
          author: { id: 'ada' },
        },
      },
    ]);
    expect(publishedSyncedPosts(day(25)).map((post) => post.id)).toEqual(['scheduled', 'new', 'old']);
  });

  it('is shared by every copy of the module in the process, and a later sync replaces an earlier one', async () => {
    recordSyncedPosts([entry('first', {})]);
    // A second copy, as astro.config.mjs and content.config.ts each load their own.
    vi.resetModules();
    const copy = await import('../../../src/lib/seo/synced-posts');
    expect(copy.publishedSyncedPosts).not.toBe(publishedSyncedPosts);
    expect(copy.publishedSyncedPosts(day(10)).map((post) => post.id)).toEqual(['first']);
    copy.recordSyncedPosts([entry('second', {})]);
    expect(publishedSyncedPosts(day(10)).map((post) => post.id)).toEqual(['second']);
  });

  it('refuses to guess: no sync yet, or an entry without the fields the schema promises', () => {
    expect(() => publishedSyncedPosts(day(10))).toThrow('no content sync has run in this process');
    expect(() => recordSyncedPosts([entry('odd', { pubDate: '2025-01-01' })])).toThrow(
      'posts entry "odd" does not have the fields the posts schema gives every post',
    );
    expect(() => recordSyncedPosts([entry('odd', { category: 'research' })])).toThrow('posts entry "odd"');
  });
});
