import { describe, expect, it } from 'vitest';
import { allFeedSets, feedPaths } from '../../../src/lib/feeds/feed-list';

describe('feed sets', () => {
  it('lists the site feed, then one per category, each in RSS and JSON Feed', () => {
    const sets = allFeedSets('Site', [{ id: 'research', name: 'Research' }]);
    expect(sets).toEqual([
      { key: 'all', title: 'Site — all posts', rss: 'rss.xml', json: 'feed.json' },
      {
        key: 'category-research',
        title: 'Site — Research',
        rss: 'categories/research/rss.xml',
        json: 'categories/research/feed.json',
      },
    ]);
    expect(feedPaths(sets)).toEqual([
      'rss.xml',
      'feed.json',
      'categories/research/rss.xml',
      'categories/research/feed.json',
    ]);
  });
});
