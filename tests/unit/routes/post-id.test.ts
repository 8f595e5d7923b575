import { describe, expect, it } from 'vitest';
import { isPostId, isSlug, postIdFromPath } from '../../../src/lib/routes/post-id';
import { paths } from '../../../src/lib/routes/paths';

describe('isPostId', () => {
  it('takes a slug with a letter anywhere in it', () => {
    for (const id of ['hello-world', 'web3', '2025-10-01-weekly-notes', 'a', '10x-returns', 'los_angeles'])
      expect(isPostId(id), id).toBe(true);
  });

  it('refuses digits and hyphens alone, which the listing pages /posts/<n>/ and the search glob read as a page number', () => {
    for (const id of ['2', '2025', '2025-10-01', '0-0']) expect(isPostId(id), id).toBe(false);
    expect(paths.post('2')).toBe(paths.posts(2));
  });

  it('refuses what is not already a slug: capitals, spaces, dots, path segments, empty', () => {
    for (const id of ['Hello', 'a b', 'a.b', 'a/b', '../authors/x', '']) {
      expect(isSlug(id), id).toBe(false);
      expect(isPostId(id), id).toBe(false);
    }
    expect(isSlug('2025-10-01')).toBe(true);
  });

  it('agrees with postIdFromPath: a date-named file keeps its name as its id and is refused', () => {
    expect(postIdFromPath('2025-10-01.md')).toBe('2025-10-01');
    expect(isPostId(postIdFromPath('2025-10-01.md')!)).toBe(false);
  });
});
