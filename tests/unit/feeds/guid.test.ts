import { describe, expect, it } from 'vitest';
import { firstPublishedIds } from '../../../src/lib/feeds/guid';

describe('firstPublishedIds', () => {
  it('maps each renamed post to the old id listed first, and leaves other posts out', () => {
    expect(firstPublishedIds({ first: 'current', second: 'current', 'old-b': 'b' })).toEqual(
      new Map([
        ['current', 'first'],
        ['b', 'old-b'],
      ]),
    );
    expect(firstPublishedIds({})).toEqual(new Map());
  });
});
