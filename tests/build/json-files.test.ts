/**
 * Authored JSON files (redirects.json and the authors, categories and surveys)
 * are read as JSON documents (src/lib/content/json-document.ts): a duplicate key
 * or a syntax error stops the build with file:line and no stack trace, where
 * JSON.parse kept the last of two equal keys and shipped it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';

const fixturesRoot = join(TMP_ROOT, 'json-files-fixtures');
afterAll(() => rmSync(fixturesRoot, { recursive: true, force: true }));

const post = [
  '---',
  'title: "Callout"',
  'description: "A fixture post."',
  'pubDate: 2024-01-07',
  'category: research',
  'author: token-metrics-team',
  '---',
  '',
  'Body text.',
  '',
].join('\n');

const research = JSON.parse(readFileSync(join(ROOT, 'src/content/categories/research.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** A content folder with one post and the given files; returns its path. */
function fixture(name: string, files: Record<string, string>): string {
  const dir = join(fixturesRoot, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries({ 'posts/callout.mdx': post, ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const shown = (dir: string, file: string) => relative(ROOT, join(dir, file));

function expectNoStackTrace(output: string) {
  expect(output).toContain('[InvalidContent]');
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Stack trace');
}

describe('redirects.json, read while astro.config.mjs loads', () => {
  it('a duplicate old id stops the build at its line instead of using the last target', async () => {
    const dir = fixture('redirects-duplicate', {
      'redirects.json': '{\n  "old-callout": "callout",\n  "old-callout": "missing-post"\n}\n',
    });
    const result = await buildSite('json-files-redirects-duplicate', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toContain(
      `${shown(dir, 'redirects.json')}:3: the key "old-callout" appears twice in one object (first on line 2); JSON keeps only one of them, so delete the other\n`,
    );
    expectNoStackTrace(result.output);
  });

  it('a bad old id is named with its line and no stack trace', async () => {
    const dir = fixture('redirects-bad-id', { 'redirects.json': '{\n  "Old Post": "callout"\n}\n' });
    const result = await buildSite('json-files-redirects-bad-id', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toContain(
      `${shown(dir, 'redirects.json')}:2 (Old Post): an old post id is lower-case words joined by "-" (the file name without .mdx)\n`,
    );
    expectNoStackTrace(result.output);
  });
});

describe('data files', () => {
  it('every bad file of a collection is listed at its line: duplicate keys, a trailing comma, a name that is not an id', async () => {
    const dir = fixture('categories', {
      // The reviewer's file: "name" twice, which shipped "Second Name Wins" on the post and subscribe pages.
      'categories/research.json': JSON.stringify(research, null, 2).replace(
        /^(\s*"name": .*,)$/m,
        '$1\n  "name": "Second Name Wins",',
      ),
      'categories/trailing.json': '{\n  "name": "T",\n  "description": "D",\n  "disclaimer": "X",\n}\n',
      'categories/Bad Name.json': JSON.stringify({ name: 'B', description: 'D', disclaimer: 'X' }),
    });
    const result = await buildSite('json-files-categories', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    const output = result.output;
    expect(output).toContain(
      `${shown(dir, 'categories/research.json')}:3: the key "name" appears twice in one object (first on line 2); JSON keeps only one of them, so delete the other\n`,
    );
    expect(output).toContain(
      `${shown(dir, 'categories/trailing.json')}:4: not valid JSON: a comma after the last entry\n`,
    );
    expect(output).toContain(
      `${shown(dir, 'categories/Bad Name.json')}: the file name "Bad Name" is the id posts refer to and must be lowercase letters, digits and hyphens; rename it to bad-name.json\n`,
    );
    expectNoStackTrace(output);
  });

  it('a survey with a // comment stops at its line: the surveys are read by the same loader', async () => {
    const dir = fixture('survey-comment', {
      'surveys/commented.json': '{\n  "title": "T", // a note\n  "question": "Q?"\n}\n',
    });
    const result = await buildSite('json-files-survey-comment', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toMatch(
      new RegExp(`${shown(dir, 'surveys/commented.json').replace(/\W/g, '\\$&')}:2: not valid JSON`),
    );
    expectNoStackTrace(result.output);
  });
});
