import { describe, expect, it } from 'vitest';
import { rawDateProblems } from '../../src/lib/frontmatter-dates';
import { entryId } from '../../src/lib/strict-glob';

const doc = (lines: string) => `---\ntitle: x\n${lines}\n---\nbody pubDate: 2024-99-99\n`;

describe('raw frontmatter dates', () => {
  it('accepts real dates, quoted or not, with or without a time', () => {
    expect(rawDateProblems(doc('pubDate: 2024-02-29\nupdatedDate: "2024-03-01T10:00:00Z"'), ['pubDate', 'updatedDate'])).toEqual([]);
  });
  it('rejects dates YAML would roll over', () => {
    expect(rawDateProblems(doc('pubDate: 2024-13-45'), ['pubDate'])).toEqual(['pubDate "2024-13-45" is not a real calendar date']);
    expect(rawDateProblems(doc('pubDate: 2023-02-29'), ['pubDate'])).toHaveLength(1);
  });
  it('rejects text that is not a date at all', () => {
    expect(rawDateProblems(doc("pubDate: 'next tuesday'"), ['pubDate'])).toEqual(['pubDate "next tuesday" is not a date in the form YYYY-MM-DD']);
  });
  it('ignores absent fields and the body', () => {
    expect(rawDateProblems(doc(''), ['pubDate', 'updatedDate'])).toEqual([]);
  });
});

describe('entry ids', () => {
  it('match the URL Astro gives a file', () => {
    expect(entryId('Hello-World.mdx')).toBe('hello-world');
    expect(entryId('guides/index.md')).toBe('guides');
    expect(entryId('same.md')).toBe(entryId('same.mdx'));
  });
});
