import { describe, expect, it } from 'vitest';
import {
  groupByAuthor,
  groupByCategory,
  groupByTag,
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
