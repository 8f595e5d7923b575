import { describe, expect, it } from 'vitest';
import {
  groupByAuthor,
  groupByCategory,
  groupByTag,
  homeListing,
  latestDate,
  sortNewestFirst,
  tagIndex,
} from '../../../src/lib/posts/listing';

const make = (
  id: string,
  date: string,
  extra: Partial<{ tags: string[]; category: string; author: string; updated: string }> = {},
) => ({
  id,
  data: {
    title: id,
    pubDate: new Date(date),
    updatedDate: extra.updated ? new Date(extra.updated) : undefined,
    tags: extra.tags ?? [],
    category: { id: extra.category ?? 'research' },
    author: { id: extra.author ?? 'team' },
  },
});

describe('post queries', () => {
  const posts = [make('b', '2024-01-02'), make('a', '2024-01-02'), make('c', '2025-05-01'), make('d', '2023-01-01')];
  it('sorts newest first with a stable tie-break on id', () => {
    expect(sortNewestFirst(posts).map((p) => p.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(posts.map((p) => p.id)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('groups by category and author preserving order', () => {
    const list = [
      make('x', '2025-01-01', { category: 'crypto' }),
      make('y', '2024-01-01'),
      make('z', '2023-01-01', { category: 'crypto', author: 'ann' }),
    ];
    expect([...groupByCategory(list).entries()].map(([k, v]) => [k, v.map((p) => p.id)])).toEqual([
      ['crypto', ['x', 'z']],
      ['research', ['y']],
    ]);
    expect(
      groupByAuthor(list)
        .get('ann')
        ?.map((p) => p.id),
    ).toEqual(['z']);
  });
  it('merges tags that share a URL slug and keeps the newest spelling', () => {
    const list = [
      make('x', '2025-01-01', { tags: ['Machine Learning'] }),
      make('y', '2024-01-01', { tags: ['machine-learning', 'machine learning'] }),
    ];
    const groups = groupByTag(list);
    expect([...groups.keys()]).toEqual(['machine-learning']);
    expect(groups.get('machine-learning')).toMatchObject({ label: 'Machine Learning' });
    expect(groups.get('machine-learning')?.posts.map((p) => p.id)).toEqual(['x', 'y']);
  });
  it('finds the latest content date, counting updates', () => {
    expect(
      latestDate([make('x', '2024-01-01', { updated: '2025-02-02' }), make('y', '2024-06-01')])?.toISOString(),
    ).toBe('2025-02-02T00:00:00.000Z');
    expect(latestDate([])).toBeUndefined();
  });
  it('indexes every tag with its post count, alphabetically whatever the case', () => {
    const list = sortNewestFirst([
      make('x', '2025-01-01', { tags: ['python', 'DeFi', 'Layer 2'] }),
      make('y', '2024-01-01', { tags: ['python', 'ai'] }),
      make('z', '2023-01-01', { tags: ['defi'] }),
    ]);
    expect(tagIndex(groupByTag(list))).toEqual([
      { slug: 'ai', label: 'ai', count: 1 },
      { slug: 'defi', label: 'DeFi', count: 2 },
      { slug: 'layer-2', label: 'Layer 2', count: 1 },
      { slug: 'python', label: 'python', count: 2 },
    ]);
    expect(tagIndex(new Map())).toEqual([]);
  });
});

describe('home listing: the featured post and the latest others', () => {
  const post = (id: string, featured = false) => ({ id, data: { featured } });
  const ids = ({ featured, latest }: { featured?: { id: string } | undefined; latest: { id: string }[] }) => ({
    featured: featured?.id,
    latest: latest.map((p) => p.id),
  });
  // Newest first, as the site's lists are.
  const plain = ['e', 'd', 'c', 'b', 'a'].map((id) => post(id));

  it('features the newest post when none is pinned, then lists the next ones up to the count', () => {
    expect(ids(homeListing(plain, 2))).toEqual({ featured: 'e', latest: ['d', 'c'] });
    expect(ids(homeListing(plain, 10))).toEqual({ featured: 'e', latest: ['d', 'c', 'b', 'a'] });
    expect(ids(homeListing(plain, 0))).toEqual({ featured: 'e', latest: [] });
  });

  it('features the newest pinned post and leaves it out of the latest, which keep their order', () => {
    const list = [post('e'), post('d'), post('c', true), post('b'), post('a', true)];
    expect(ids(homeListing(list, 3))).toEqual({ featured: 'c', latest: ['e', 'd', 'b'] });
    // The older pinned post is just another post in the latest.
    expect(ids(homeListing(list, 4))).toEqual({ featured: 'c', latest: ['e', 'd', 'b', 'a'] });
  });

  it('shows nothing for no posts and leaves its input alone', () => {
    expect(homeListing([], 6)).toEqual({ featured: undefined, latest: [] });
    const list = [post('b'), post('a', true)];
    const { featured } = homeListing(list, 6);
    expect(featured).toBe(list[1]);
    expect(list.map((p) => p.id)).toEqual(['b', 'a']);
  });
});
