import { describe, expect, it } from 'vitest';
import { lastmodByPath, withLastmod, type DatedPost } from '../../../src/lib/seo/sitemap-lastmod';

const day = (d: number) => new Date(Date.UTC(2025, 0, d));
const post = (id: string, pub: number, extra: Partial<DatedPost['data']> = {}): DatedPost => ({
  id,
  data: { pubDate: day(pub), tags: [], category: { id: 'research' }, author: { id: 'ada' }, ...extra },
});

describe('lastmodByPath', () => {
  // Newest first, as the listings show them.
  const posts = [
    post('e', 5, { tags: ['AI'] }),
    post('d', 4, { category: { id: 'basics' } }),
    post('c', 3, { updatedDate: day(20), tags: ['AI'] }),
    post('b', 2),
    post('a', 1, { author: { id: 'bo' } }),
  ];
  const dates = lastmodByPath(posts, { pageSize: 2, homeLatestCount: 1 });

  it('dates a post by its revision, else its publication', () => {
    expect(dates.get('posts/c/')).toEqual(day(20));
    expect(dates.get('posts/e/')).toEqual(day(5));
  });

  it('dates each listing page by the newest post it lists', () => {
    expect(dates.get('posts/')).toEqual(day(5));
    expect(dates.get('posts/2/')).toEqual(day(20));
    expect(dates.get('posts/3/')).toEqual(day(1));
    expect(dates.has('posts/4/')).toBe(false);
    expect(dates.get('categories/research/')).toEqual(day(20));
    expect(dates.get('categories/research/2/')).toEqual(day(2));
    expect(dates.get('categories/basics/')).toEqual(day(4));
    expect(dates.get('tags/ai/')).toEqual(day(20));
    expect(dates.get('authors/ada/')).toEqual(day(5));
    expect(dates.get('authors/ada/2/')).toEqual(day(20));
    expect(dates.get('authors/bo/')).toEqual(day(1));
  });

  it('dates the home page by the featured post and the latest ones it shows', () => {
    expect(dates.get('')).toEqual(day(5));
    const pinned = lastmodByPath([post('new', 9), post('old', 1, { featured: true, updatedDate: day(30) })], {
      pageSize: 10,
      homeLatestCount: 0,
    });
    expect(pinned.get('')).toEqual(day(30));
  });

  it('gives no date without posts (the sitemap leaves lastmod out)', () => {
    expect(lastmodByPath([], { pageSize: 10, homeLatestCount: 6 })).toEqual(new Map());
  });
});

describe('withLastmod', () => {
  const dates = new Map([['posts/c/', day(20)]]);
  it('adds lastmod to the URLs it knows under the site root, and leaves others alone', () => {
    expect(withLastmod({ url: 'https://x.org/blog/posts/c/' }, dates, 'https://x.org/blog/')).toEqual({
      url: 'https://x.org/blog/posts/c/',
      lastmod: '2025-01-20T00:00:00.000Z',
    });
    expect(withLastmod({ url: 'https://x.org/blog/search/' }, dates, 'https://x.org/blog/')).toEqual({
      url: 'https://x.org/blog/search/',
    });
    expect(withLastmod({ url: 'https://x.org/posts/c/' }, dates, 'https://x.org/blog/')).toEqual({
      url: 'https://x.org/posts/c/',
    });
  });
});
