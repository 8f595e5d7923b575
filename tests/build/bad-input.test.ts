/**
 * Bad content must stop the build with a message naming the file and the
 * field. Each case builds a fixture content folder (CONTENT_DIR) holding one
 * good post and one broken one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';

const fixturesRoot = join(TMP_ROOT, 'bad-input-fixtures');
afterAll(() => rmSync(fixturesRoot, { recursive: true, force: true }));

const frontmatter = (fields: Record<string, string | undefined>) =>
  [
    '---',
    ...Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${v}`),
    '---',
    '',
    'Body text for the fixture.',
    '',
  ].join('\n');

const valid = {
  title: '"A valid post"',
  description: '"A valid description."',
  pubDate: '2024-01-01',
  category: 'research',
  author: 'token-metrics-team',
};

type Files = Record<string, string | Buffer>;

/** A survey file about `article`, right in every field the test does not set. */
const survey = (article: string, entries: unknown[]) =>
  JSON.stringify({
    title: 'T',
    question: 'Q?',
    year: 2024,
    source: { name: 'S' },
    licence: { name: 'L' },
    article,
    entries,
  });

function fixture(name: string, files: Files): string {
  const dir = join(fixturesRoot, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, body] of Object.entries({ 'posts/good.mdx': frontmatter(valid), ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const cases: { name: string; files: () => Files | Promise<Files>; file: RegExp; field: RegExp }[] = [
  {
    name: 'unknown category',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, category: 'gossip' }) }),
    file: /posts\/bad\.mdx/,
    field: /category[\s\S]*unknown category "gossip"/,
  },
  {
    name: 'unknown author',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, author: 'nobody' }) }),
    file: /posts\/bad\.mdx/,
    field: /author[\s\S]*unknown author "nobody"/,
  },
  {
    name: 'bad date',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, pubDate: '2024-13-45' }) }),
    file: /posts\/bad\.mdx/,
    field: /pubDate/,
  },
  {
    name: 'missing title',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, title: undefined }) }),
    file: /posts\/bad\.mdx/,
    field: /title/,
  },
  {
    name: 'missing description',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, description: undefined }) }),
    file: /posts\/bad\.mdx/,
    field: /description/,
  },
  {
    name: 'misspelt field',
    files: () => ({ 'posts/bad.mdx': frontmatter({ ...valid, tagz: '[a]' }) }),
    file: /posts\/bad\.mdx/,
    field: /tagz/,
  },
  {
    name: 'hero image without alt text',
    files: async () => ({
      'posts/hero.png': await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#336699' } })
        .png()
        .toBuffer(),
      'posts/bad.mdx': frontmatter({ ...valid, heroImage: '\n  src: ./hero.png' }),
    }),
    file: /posts\/bad\.mdx/,
    field: /heroImage\.alt/,
  },
  {
    name: 'two posts on one URL',
    files: () => ({ 'posts/same.md': frontmatter(valid), 'posts/same.mdx': frontmatter(valid) }),
    file: /posts\/same\.mdx?[\s\S]*posts\/same\.mdx?/,
    field: /same slug: `same`|same/,
  },
  {
    name: 'survey share over 100',
    files: () => ({
      'surveys/bad-survey.json': survey('good', [{ name: 'Too much', share: 130, rank: 1, section: 'x' }]),
    }),
    file: /surveys\/bad-survey\.json|bad-survey/,
    field: /entries\.0\.share|share must be between 0 and 100/,
  },
];

describe('bad input stops the build with the file and the field named', () => {
  it.each(cases)('$name', async ({ name, files, file, field }) => {
    const dir = fixture(name.replace(/\W+/g, '-'), await files());
    const result = await buildSite(`bad-${name.replace(/\W+/g, '-')}`, { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toMatch(file);
    expect(result.output).toMatch(field);
  });

  it('the fixture with only the good post builds, so each failure above comes from its one bad file', async () => {
    const dir = fixture('control', {});
    const result = await buildSite('bad-control', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(true);
  });
});

/** The line Astro prints for a ContentError, and the ones after it (Astro puts a blank line after some headers). */
function contentErrorLines(output: string, count: number): string[] {
  const lines = output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  const start = lines.findIndex((line) => line.startsWith('[InvalidContent]'));
  return start === -1 ? [] : lines.slice(start, start + count);
}

describe('post file names and references stop content sync, naming the file and the reason', () => {
  it('a file name with no letter (a date) is refused at sync, not by the search index step after the build', async () => {
    const dir = fixture('date-name', { 'posts/2025-10-01.md': frontmatter(valid) });
    const result = await buildSite('bad-date-name', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(contentErrorLines(result.output, 1), result.output).toEqual([
      `[InvalidContent] ${relative(ROOT, dir)}/posts/2025-10-01.md: the file name "2025-10-01" becomes the post's URL /posts/2025-10-01/ and needs a letter: digits alone are the listing pages' URLs (/posts/2/); rename it to 2025-10-01-a-title.md`,
    ]);
    expect(result.output).not.toContain('generating static routes');
    expect(result.output).not.toContain('pagefind');
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('a category given as a path to an author file is refused at sync, not by a crash in a page', async () => {
    const dir = fixture('reference-path', {
      'posts/trav.md': frontmatter({ ...valid, category: '../authors/token-metrics-team' }),
    });
    const result = await buildSite('bad-reference-path', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(contentErrorLines(result.output, 1)[0], result.output).toMatch(
      `[InvalidContent] ${relative(ROOT, dir)}/posts/trav.md (category): "../authors/token-metrics-team" is not a category id, which is a file name without .json (known: `,
    );
    expect(result.output).not.toContain('generating static routes');
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('a VoteChart naming no survey is refused at sync at its line, not by a crash in the page', async () => {
    const dir = fixture('survey-unknown', {
      'posts/chart.mdx': frontmatter(valid).replace('Body text for the fixture.', '<VoteChart survey="nope" />'),
    });
    const result = await buildSite('bad-survey-unknown', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(contentErrorLines(result.output, 1)[0], result.output).toMatch(
      `[InvalidContent] ${relative(ROOT, dir)}/posts/chart.mdx:9: <VoteChart> survey: unknown survey "nope" (known: `,
    );
    expect(result.output).not.toContain('generating static routes');
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('a survey whose article is no post names the survey file and the field when a chart draws it, with no stack trace', async () => {
    const dir = fixture('survey-orphan', {
      'posts/chart.mdx': frontmatter(valid).replace('Body text for the fixture.', '<VoteChart survey="orphan" />'),
      'surveys/orphan.json': survey('missing', [{ name: 'One', share: 30, rank: 1, section: 'x' }]),
    });
    const result = await buildSite('bad-survey-orphan', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    // A survey's article is checked where a chart draws it: a survey of a draft ships nothing, by design.
    expect(result.output).toContain(
      `InvalidContent: ${relative(ROOT, dir)}/surveys/orphan.json (article): "missing" is not the id of a post (a file name in posts/)`,
    );
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toContain('Stack trace');
  });

  it('a category deleted since the last build stops the next build at sync, though its posts are unchanged in the cache', async () => {
    const category = (name: string) =>
      JSON.stringify({ name, description: `About ${name}.`, disclaimer: 'Not advice.' });
    const dir = fixture('reference-gone', {
      'categories/research.json': category('Research'),
      'categories/crypto-basics.json': category('Crypto basics'),
      'posts/basics.md': frontmatter({ ...valid, category: 'crypto-basics' }),
    });
    const env = { CONTENT_DIR: dir, ASTRO_CACHE_DIR: join(fixturesRoot, 'reference-gone-cache') };
    const first = await buildSite('bad-reference-gone', env);
    expect(first.ok, first.output).toBe(true);

    rmSync(join(dir, 'categories/crypto-basics.json'));
    const second = await buildSite('bad-reference-gone', env);
    expect(second.ok, second.output).toBe(false);
    expect(contentErrorLines(second.output, 1), second.output).toEqual([
      `[InvalidContent] ${relative(ROOT, dir)}/posts/basics.md (category): unknown category "crypto-basics" (known: research)`,
    ]);
    expect(second.output).not.toContain('generating static routes');
    expect(second.output).not.toMatch(/^\s+at /m);
  });
});
