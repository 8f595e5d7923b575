import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-error';
import { loadPostRedirects, readPostRedirects, redirectShapeProblems } from '../../../src/lib/content/redirects';

describe('redirects map', () => {
  it('accepts old-id → new-id pairs and rejects bad shapes, self-redirects and chains', () => {
    expect(redirectShapeProblems({ 'old-a': 'new-a', 'old-b': 'new-a' })).toEqual([]);
    expect(redirectShapeProblems([])).toEqual([{ reason: expect.stringContaining('JSON object') }]);
    expect(redirectShapeProblems({ '/posts/x/': 'y' })).toEqual([
      { from: '/posts/x/', reason: expect.stringMatching(/old post id/) },
    ]);
    expect(redirectShapeProblems({ x: 3 })).toEqual([
      { from: 'x', reason: expect.stringMatching(/target must be a post id/) },
    ]);
    expect(redirectShapeProblems({ x: 'x' })).toEqual([{ from: 'x', reason: 'redirects to itself' }]);
    expect(redirectShapeProblems({ a: 'b', b: 'c' })).toEqual([
      { from: 'a', reason: expect.stringContaining('chain') },
    ]);
  });
});

describe('redirects.json read from its file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redirects-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** The ContentError the file raises, as its problems. */
  const problemsOf = (file: string) => {
    try {
      readPostRedirects(file);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).stack).toBeUndefined();
      return (error as ContentError).problems;
    }
    throw new Error(`${file} was accepted`);
  };

  it('is empty when there is no file, and gives each entry its line', () => {
    expect(loadPostRedirects(join(dir, 'none.json'))).toEqual({});
    const file = write('good.json', '{\n  "old-a": "new-a",\n  "old-b": "new-b"\n}\n');
    const redirects = readPostRedirects(file);
    expect(redirects.map).toEqual({ 'old-a': 'new-a', 'old-b': 'new-b' });
    expect(redirects.lineOf('old-b')).toBe(3);
  });

  it('refuses a duplicate old id, which JSON.parse would have resolved to the last target without a word', () => {
    const file = write('duplicate.json', '{\n  "old-callout": "callout",\n  "old-callout": "missing-post"\n}\n');
    expect(problemsOf(file)).toEqual([
      {
        file,
        line: 3,
        column: 3,
        reason:
          'the key "old-callout" appears twice in one object (first on line 2); JSON keeps only one of them, so delete the other',
      },
    ]);
  });

  it('names the line and the old id of a bad entry', () => {
    const file = write('bad-id.json', '{\n  "fine": "callout",\n  "Old Post": "callout"\n}\n');
    expect(problemsOf(file)).toEqual([
      { file, line: 3, field: 'Old Post', reason: expect.stringMatching(/old post id is lower-case words/) },
    ]);
  });

  it('refuses YAML that is not JSON, since the file is redirects.json', () => {
    const file = write('yaml.json', 'old-a: new-a\n');
    expect(problemsOf(file)).toEqual([{ file, line: 1, column: 1, reason: expect.stringMatching(/^not valid JSON/) }]);
  });
});
