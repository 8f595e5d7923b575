import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postDatesFromSource, readPublishedPostDates } from '../../../src/lib/content/post-dates';

const source = (frontmatter: string, body = 'Text.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const base = 'title: T\ncategory: research\nauthor: ada';

describe('postDatesFromSource', () => {
  it('reads dates as the posts loader does (UTC), with tags and the featured pin', () => {
    expect(
      postDatesFromSource(
        'p',
        source(`${base}\npubDate: 2025-01-02\nupdatedDate: "2025-02-03T10:00"\ntags: [AI, " x "]\nfeatured: true`),
        'md',
      ),
    ).toEqual({
      id: 'p',
      draft: false,
      data: {
        title: 'T',
        pubDate: new Date(Date.UTC(2025, 0, 2)),
        updatedDate: new Date(Date.UTC(2025, 1, 3, 10)),
        featured: true,
        tags: ['AI', 'x'],
        category: { id: 'research' },
        author: { id: 'ada' },
      },
    });
  });

  it('reads only the frontmatter block: a body with thematic breaks or a broken MDX expression does not matter', () => {
    const body = 'Intro.\n\n---\n\ntitle: not frontmatter\n\n---\n\n{unclosed';
    expect(postDatesFromSource('b', source(`${base}\npubDate: 2025-01-02`, body), 'mdx')?.data.title).toBe('T');
  });

  it('reads MDX with its own parser', () => {
    const post = postDatesFromSource('m', source(`${base}\npubDate: 2025-01-02`, '<Callout>hi</Callout>'), 'mdx');
    expect(post?.data.pubDate).toEqual(new Date(Date.UTC(2025, 0, 2)));
  });

  it('skips what the build refuses: no frontmatter, a bad date, a missing category', () => {
    expect(postDatesFromSource('x', 'No frontmatter.', 'md')).toBeUndefined();
    expect(postDatesFromSource('x', source(`${base}\npubDate: 2025-02-30`), 'md')).toBeUndefined();
    expect(postDatesFromSource('x', source('title: T\nauthor: ada\npubDate: 2025-01-02'), 'md')).toBeUndefined();
  });
});

describe('readPublishedPostDates', () => {
  it('keeps published posts only, newest first, ids from file names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'post-dates-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'old.md'), source(`${base}\npubDate: 2025-01-01`));
    writeFileSync(join(dir, 'nested/new.mdx'), source(`${base}\npubDate: 2025-01-05`));
    writeFileSync(join(dir, 'draft.md'), source(`${base}\npubDate: 2025-01-03\ndraft: true`));
    writeFileSync(join(dir, 'later.md'), source(`${base}\npubDate: 2025-03-01`));
    writeFileSync(join(dir, '_partial.md'), source(`${base}\npubDate: 2025-01-04`));
    const now = new Date(Date.UTC(2025, 1, 1));
    expect(readPublishedPostDates(dir, now).map((post) => post.id)).toEqual(['nested/new', 'old']);
    expect(readPublishedPostDates(join(dir, 'missing'), now)).toEqual([]);
  });
});
