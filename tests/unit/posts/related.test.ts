import { describe, expect, it } from 'vitest';
import { groupByCategory, groupByTag, sortNewestFirst } from '../../../src/lib/posts/listing';
import { onwardLinks, type OnwardOptions } from '../../../src/lib/posts/related';

const make = (id: string, date: string, category: string, tags: string[] = []) => ({
  id,
  data: {
    title: id,
    pubDate: new Date(date),
    tags,
    category: { id: category },
    author: { id: 'team' },
  },
});
type Made = ReturnType<typeof make>;

function onward(posts: Made[], options: Partial<OnwardOptions> = {}) {
  const sorted = sortNewestFirst(posts);
  const links = onwardLinks(sorted, groupByCategory(sorted), groupByTag(sorted), {
    count: 3,
    window: 50,
    ...options,
  });
  return (id: string) => {
    const found = links.get(id)!;
    return { previous: found.previous?.id, next: found.next?.id, related: found.related.map((p) => p.id) };
  };
}

// The seed's shape: one crypto article, three engineering posts, one broad tag ("ai") shared across.
const seed = [
  make('narratives', '2024-03-12', 'crypto', ['moon-awards', 'narratives', 'ai', 'defi', 'survey']),
  make('fastapi-scale', '2025-01-14', 'research', ['fastapi', 'python', 'api', 'performance', 'async', 'ai']),
  make('fastapi-async', '2025-02-04', 'research', ['fastapi', 'python', 'api', 'performance', 'asyncio']),
  make('fastapi-reliable', '2025-02-25', 'research', ['fastapi', 'python', 'api', 'pydantic']),
];

describe('previous and next within the category', () => {
  const of = onward(seed);
  it('previous is the next older post in the category and next the next newer one', () => {
    expect(of('fastapi-async')).toMatchObject({ previous: 'fastapi-scale', next: 'fastapi-reliable' });
  });
  it('the oldest has no previous and the newest no next', () => {
    expect(of('fastapi-scale')).toMatchObject({ previous: undefined, next: 'fastapi-async' });
    expect(of('fastapi-reliable')).toMatchObject({ previous: 'fastapi-async', next: undefined });
  });
  it('skips posts of other categories, however close in time', () => {
    const of2 = onward([
      make('r1', '2025-01-01', 'research'),
      make('c1', '2025-01-02', 'crypto'),
      make('r2', '2025-01-03', 'research'),
    ]);
    expect(of2('r2')).toMatchObject({ previous: 'r1', next: undefined });
    expect(of2('c1')).toMatchObject({ previous: undefined, next: undefined });
  });
});

describe('related posts', () => {
  const of = onward(seed);
  it('a lone crypto article is sent to no engineering post on one shared broad tag', () => {
    expect(of('narratives').related).toEqual([]);
  });
  it('never repeats the previous or next post, nor the article itself', () => {
    expect(of('fastapi-scale').related).toEqual(['fastapi-reliable']);
    expect(of('fastapi-async').related).toEqual([]);
    expect(of('fastapi-reliable').related).toEqual(['fastapi-scale']);
  });

  it('ranks by shared tags plus the category, then by closeness in time, then the newer', () => {
    const posts = [
      make('article', '2025-06-01', 'research', ['a', 'b', 'c']),
      make('prev', '2025-05-31', 'research'),
      make('three-tags', '2020-01-01', 'research', ['a', 'b', 'c']),
      make('one-tag-near', '2025-05-20', 'research', ['a']),
      make('one-tag-far', '2024-01-01', 'research', ['b']),
      make('category-only', '2025-05-25', 'research'),
      make('elsewhere-two-tags', '2025-06-02', 'crypto', ['a', 'c']),
      make('elsewhere-one-tag', '2025-06-03', 'crypto', ['a']),
      make('next', '2025-07-01', 'research'),
    ];
    expect(onward(posts, { count: 10 })('article').related).toEqual([
      'three-tags', // 2 + 3
      'one-tag-near', // 2 + 1, closer in time than one-tag-far
      'one-tag-far',
      'elsewhere-two-tags', // 0 + 2, ties the category-only post and is closer in time
      'category-only',
    ]);
    expect(onward(posts, { count: 2 })('article').related).toEqual(['three-tags', 'one-tag-near']);
  });

  it('falls back to the category posts closest in time when no tags are shared', () => {
    const posts = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01'].map((d, i) =>
      make(`p${i}`, d, 'research'),
    );
    // p2's neighbours p1 and p3 are previous and next; then the closest, newer first on a tie.
    expect(onward(posts)('p2').related).toEqual(['p4', 'p0', 'p5']);
  });

  it('counts a tag once per post however it is spelt, and reads tags by slug', () => {
    const posts = [
      make('article', '2025-01-02', 'crypto', ['DeFi', 'defi', 'Layer 2']),
      make('other', '2025-01-01', 'research', ['defi', 'layer-2']),
      make('once', '2025-01-03', 'research', ['DeFi']),
    ];
    expect(onward(posts)('article').related).toEqual(['other']);
  });

  it('reads a bounded window of each group, so the work per post does not grow with the site', () => {
    // Every post in one category and under one tag: an all-pairs pass would read n² entries.
    const n = 2_000;
    const window = 8;
    const posts = sortNewestFirst(
      Array.from({ length: n }, (_, i) =>
        make(`p${i}`, new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString(), 'research', ['everywhere']),
      ),
    );
    let reads = 0;
    const counted = <T>(group: T[]): T[] =>
      new Proxy(group, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const byCategory = new Map([...groupByCategory(posts)].map(([id, group]) => [id, counted(group)]));
    const byTag = new Map(
      [...groupByTag(posts)].map(([slug, group]) => [slug, { ...group, posts: counted(group.posts) }]),
    );
    const links = onwardLinks(posts, byCategory, byTag, { count: 3, window });
    expect(links.get('p1000')!.related).toHaveLength(3);
    // Per post and group: a binary search, the window, and the previous and next post.
    const perGroup = Math.ceil(Math.log2(n)) + 1 + (2 * window + 1) + 2;
    expect(reads).toBeLessThanOrEqual(n * 2 * perGroup);
  });

  it('handles a large site with one tag on every post', () => {
    const posts = Array.from({ length: 5_000 }, (_, i) =>
      make(`p${i}`, new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString(), i % 2 ? 'a' : 'b', ['everywhere']),
    );
    const of5k = onward(posts, { window: 12 });
    const middle = of5k('p2500');
    expect(middle).toMatchObject({ previous: 'p2498', next: 'p2502' });
    expect(middle.related).toHaveLength(3);
  });
});
