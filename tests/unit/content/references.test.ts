import { describe, expect, it } from 'vitest';
import { componentReferenceProblems, referenceProblems, SyncedStores } from '../../../src/lib/content/references';

const targets = {
  category: { label: 'category', ids: new Set(['research', 'crypto-basics']) },
  author: { label: 'author', ids: new Set(['token-metrics-team']) },
};

describe('referenceProblems', () => {
  it('accepts ids the collections hold, written with spaces around them as YAML allows', () => {
    expect(referenceProblems({ category: ' research ', author: 'token-metrics-team' }, targets)).toEqual([]);
  });

  it('names the field of an id no entry has, with the ids there are', () => {
    expect(referenceProblems({ category: 'gossip', author: 'nobody' }, targets)).toEqual([
      { field: 'category', reason: 'unknown category "gossip" (known: crypto-basics, research)' },
      { field: 'author', reason: 'unknown author "nobody" (known: token-metrics-team)' },
    ]);
  });

  it('refuses a path to a file that exists: an id is a name in the collection, not a file', () => {
    expect(
      referenceProblems({ category: '../authors/token-metrics-team', author: 'token-metrics-team' }, targets),
    ).toEqual([
      {
        field: 'category',
        reason:
          '"../authors/token-metrics-team" is not a category id, which is a file name without .json (known: crypto-basics, research)',
      },
    ]);
  });

  it('leaves a missing or non-string value to the schema, which says what it should be', () => {
    expect(referenceProblems({ category: 7 }, targets)).toEqual([]);
  });

  it('says when a collection is empty', () => {
    expect(referenceProblems({ author: 'a' }, { author: { label: 'author', ids: new Set() } })).toEqual([
      { field: 'author', reason: 'unknown author "a" (known: (none))' },
    ]);
  });
});

describe('SyncedStores', () => {
  it('waits for the collection to sync, then reads its store as it is when asked', async () => {
    const stores = new SyncedStores<'categories'>();
    const keys = ['research'];
    let answered: ReadonlySet<string> | undefined;
    const asked = stores.ids('categories').then((ids) => (answered = ids));
    await Promise.resolve();
    expect(answered).toBeUndefined();
    stores.synced('categories', { keys: () => keys });
    await asked;
    expect([...answered!]).toEqual(['research']);
    // A file added later (astro dev: glob() updates its own store) counts at the next question.
    keys.push('defi');
    expect([...(await stores.ids('categories'))]).toEqual(['research', 'defi']);
  });
});

describe('componentReferenceProblems', () => {
  const chart = (id: string, line: number) => ({
    collection: 'surveys',
    label: 'survey',
    id,
    line,
    where: '<VoteChart> survey',
  });

  it('names each survey the collection does not hold, at its line, and asks only for the collections named', async () => {
    const asked: string[] = [];
    const idsOf = (collection: string) => {
      asked.push(collection);
      return Promise.resolve(new Set(['moon-2024', 'moon-2025']));
    };
    expect(await componentReferenceProblems([chart('moon-2024', 8), chart('moon-2023', 12)], idsOf)).toEqual([
      { line: 12, reason: '<VoteChart> survey: unknown survey "moon-2023" (known: moon-2024, moon-2025)' },
    ]);
    expect(asked).toEqual(['surveys', 'surveys']);
    asked.length = 0;
    expect(await componentReferenceProblems([], idsOf)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
