import { describe, expect, it } from 'vitest';
import { ContentError, formatProblem } from '../../../src/lib/content/content-error';

describe('ContentError', () => {
  it('reads as file:line (field): reason, one line per problem, with the first as the overlay location', () => {
    const error = new ContentError([
      { file: '/site/src/content/posts/a.mdx', line: 4, field: 'pubDate', reason: 'bad date' },
      { file: '/site/src/content/posts/b.md', reason: 'bad name' },
    ]);
    expect(
      formatProblem({ file: '/site/src/content/posts/a.mdx', line: 4, field: 'pubDate', reason: 'bad date' }, '/site'),
    ).toBe('src/content/posts/a.mdx:4 (pubDate): bad date');
    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.name).toBe('InvalidContent');
    expect((error as unknown as { loc: unknown }).loc).toEqual({
      file: '/site/src/content/posts/a.mdx',
      line: 4,
      column: 1,
    });
    expect(error.stack).toBeUndefined();
  });
});
