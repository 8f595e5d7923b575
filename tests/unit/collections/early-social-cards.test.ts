/**
 * The cards content sync starts drawing (src/collections/early-social-cards.ts)
 * must be the cards the route lists, word for word, or the route draws them a
 * second time under other keys. The build test (tests/build/social-cards.test.ts)
 * checks that on real content; these pin each rule that leaves a post out.
 */
import { describe, expect, it } from 'vitest';
import { cardLookups, earlyPostCard, siteCards } from '../../../src/collections/early-social-cards';
import type { SyncedEntry } from '../../../src/lib/content/synced-entry';
import { postCardContent, siteCard } from '../../../src/collections/social-card-content';
import { authorCard, categoryCard } from '../../../src/lib/social/cards';

const categories: SyncedEntry[] = [
  { id: 'research', data: { name: 'Research', description: 'Long reads.', disclaimer: 'Not advice.' } },
];
const authors: SyncedEntry[] = [{ id: 'team', data: { name: 'The Team', role: 'Editors', bio: 'We write.' } }];
const surveys: SyncedEntry[] = [{ id: 'moon-awards', data: { article: 'chart-post', title: 'Survey' } }];
const lookups = cardLookups(categories, authors, surveys);
const now = new Date('2026-01-15T00:00:00Z');

function post(id: string, data: Record<string, unknown> = {}): SyncedEntry {
  return {
    id,
    data: {
      title: `Title of ${id}`,
      pubDate: new Date('2025-06-01T00:00:00Z'),
      draft: false,
      category: { collection: 'categories', id: 'research' },
      author: { collection: 'authors', id: 'team' },
      ...data,
    },
  };
}

describe('the cards content sync draws', () => {
  it('a published post gets the card the route builds from the same fields', () => {
    const entry = post('plain', { deck: 'Part two' });
    expect(earlyPostCard(entry, lookups, now)).toEqual(
      postCardContent(
        { title: 'Title of plain', deck: 'Part two', pubDate: new Date('2025-06-01T00:00:00Z') },
        { category: 'Research', author: 'The Team' },
      ),
    );
  });

  it('leaves out drafts, scheduled posts, posts with a survey chart and posts whose hero is their card', () => {
    expect(earlyPostCard(post('draft', { draft: true }), lookups, now)).toBeUndefined();
    expect(earlyPostCard(post('later', { pubDate: new Date('2026-02-01T00:00:00Z') }), lookups, now)).toBeUndefined();
    expect(earlyPostCard(post('chart-post'), lookups, now)).toBeUndefined();
    expect(
      earlyPostCard(post('hero', { heroImage: { alt: 'A view', socialCard: true } }), lookups, now),
    ).toBeUndefined();
    // A hero kept off social cards still gets a drawn card.
    expect(
      earlyPostCard(post('page-hero', { heroImage: { alt: 'A view', socialCard: false } }), lookups, now),
    ).toBeDefined();
  });

  it('leaves a post to the route when a name it needs is unknown or its data is not the schema’s shape', () => {
    expect(
      earlyPostCard(post('lost', { category: { collection: 'categories', id: 'gone' } }), lookups, now),
    ).toBeUndefined();
    expect(earlyPostCard(post('odd', { pubDate: '2025-06-01' }), lookups, now)).toBeUndefined();
    expect(earlyPostCard(post('odd-deck', { deck: 7 }), lookups, now)).toBeUndefined();
  });

  it('the site, category and author cards match the route’s', () => {
    expect(siteCards(categories, authors)).toEqual([
      siteCard,
      categoryCard({ name: 'Research', description: 'Long reads.' }),
      authorCard({ name: 'The Team', role: 'Editors', bio: 'We write.' }),
    ]);
  });
});
