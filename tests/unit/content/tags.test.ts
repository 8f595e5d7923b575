import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/content-error';
import { spellOutTagSymbols, tagProblems, tagSlug } from '../../../src/lib/content/tags';

const messages = (posts: { file: string; tags: string[] }[]) => tagProblems(posts).map((p) => formatProblem(p));

describe('tag slugs', () => {
  it('spells out the mapped symbols as words, so different tags get different pages', () => {
    expect(tagSlug('C++')).toBe('c-plus-plus');
    expect(tagSlug('C#')).toBe('c-sharp');
    expect(tagSlug('C')).toBe('c');
    expect(tagSlug('R&D')).toBe('r-and-d');
    expect(tagSlug('fish & chips')).toBe('fish-and-chips');
    expect(tagSlug('GameFi & DeFi')).toBe('gamefi-and-defi');
    expect(tagSlug('@home')).toBe('at-home');
    expect(tagSlug('100%')).toBe('100-percent');
    expect(tagSlug('+1')).toBe('plus-1');
  });

  it('gives each symbol its own word without doubling spaces already there', () => {
    expect(spellOutTagSymbols('C++')).toBe('C plus plus');
    expect(spellOutTagSymbols('a & b')).toBe('a and b');
    expect(spellOutTagSymbols('&&')).toBe('and and');
    expect(spellOutTagSymbols('no symbols')).toBe('no symbols');
  });

  it('slugs every other tag exactly as before (github-slugger)', () => {
    for (const [tag, slug] of [
      ['moon-awards', 'moon-awards'],
      ['Machine Learning', 'machine-learning'],
      ['DeFi', 'defi'],
      ['</script><script>alert(3)</script>', 'scriptscriptalert3script'],
      ['<!--', '--'],
      ['🚀 rockets', '-rockets'],
      ['عربي', 'عربي'],
      ['Node.js', 'nodejs'],
    ])
      expect(tagSlug(tag!)).toBe(slug);
  });

  it('has nothing to slug in a tag of punctuation only', () => {
    expect(tagSlug('!!!')).toBe('');
    expect(tagSlug('...')).toBe('');
  });
});

describe('tag problems', () => {
  it('accepts tags that each have one spelling, repeated across posts', () => {
    expect(
      messages([
        { file: 'posts/a.mdx', tags: ['AI', 'C++', 'C#'] },
        { file: 'posts/b.mdx', tags: ['AI', 'C'] },
      ]),
    ).toEqual([]);
  });

  it('refuses two spellings of one slug, naming both spellings and both files', () => {
    expect(
      messages([
        { file: 'posts/upper.mdx', tags: ['AI'] },
        { file: 'posts/lower.mdx', tags: ['defi', 'ai'] },
      ]),
    ).toEqual([
      'posts/upper.mdx (tags.0): tag "AI" and tag "ai" in posts/lower.mdx would share the page tags/ai/; spell them the same',
    ]);
  });

  it('takes the spelling most posts use as the intended one and reports every other use', () => {
    expect(
      messages([
        { file: 'posts/a.mdx', tags: ['ai'] },
        { file: 'posts/b.mdx', tags: ['AI'] },
        { file: 'posts/c.mdx', tags: ['AI'] },
        { file: 'posts/d.mdx', tags: ['Ai'] },
      ]),
    ).toEqual([
      'posts/a.mdx (tags.0): tag "ai" and tag "AI" in posts/b.mdx (and 1 other post) would share the page tags/ai/; spell them the same',
      'posts/d.mdx (tags.0): tag "Ai" and tag "AI" in posts/b.mdx (and 1 other post) would share the page tags/ai/; spell them the same',
    ]);
  });

  it('names the field when both spellings are in one post', () => {
    expect(messages([{ file: 'posts/a.mdx', tags: ['DeFi', 'x', 'defi'] }])).toEqual([
      'posts/a.mdx (tags.2): tag "defi" and tag "DeFi" (tags.0) would share the page tags/defi/; spell them the same',
    ]);
  });

  it('refuses a tag with no URL, naming the file and the field', () => {
    expect(messages([{ file: 'posts/a.mdx', tags: ['ok', '!!!'] }])).toEqual([
      'posts/a.mdx (tags.1): tag "!!!" has no letters or digits to make its page URL from',
    ]);
  });

  it('reports in file order whatever order the posts come in', () => {
    const posts = [
      { file: 'posts/z.mdx', tags: ['!!!'] },
      { file: 'posts/a.mdx', tags: ['???'] },
    ];
    expect(messages(posts)).toEqual(messages([...posts].reverse()));
    expect(messages(posts)[0]).toMatch(/^posts\/a\.mdx/);
  });
});
