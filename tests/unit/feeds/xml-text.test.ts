import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-error';
import { firstNonXmlChar, nonXmlCharProblem, nonXmlCharReason } from '../../../src/lib/feeds/xml-text';

describe('firstNonXmlChar', () => {
  it('accepts every XML 1.0 character: tab, newline, CR, text, U+FFFD and astral emoji', () => {
    expect(firstNonXmlChar('a\tb\nc\rd é ‎ \uD7FF \uE000 \uFFFD 🚀 \u{10FFFF}')).toBeUndefined();
  });
  it.each([
    ['NUL', 'a\u0000', 'U+0000', 1],
    ['a C0 control', 'ab\u0001', 'U+0001', 2],
    ['vertical tab', '\u000B', 'U+000B', 0],
    ['form feed', 'x\u000C', 'U+000C', 1],
    ['escape', '\u001B[1m', 'U+001B', 0],
    ['a lone high surrogate', 'a\uD83D', 'U+D83D', 1],
    ['a lone low surrogate', '\uDE80a', 'U+DE80', 0],
    ['U+FFFE', '\uFFFE', 'U+FFFE', 0],
    ['U+FFFF', 'ok\uFFFF', 'U+FFFF', 2],
  ])('finds %s', (_, text, codePoint, index) => {
    expect(firstNonXmlChar(text)).toEqual({
      char: text.slice(index, index + 1),
      code: parseInt(codePoint.slice(2), 16),
      index,
    });
  });
  it('explains the problem to the author', () => {
    expect(nonXmlCharReason(firstNonXmlChar('\u0007')!)).toBe(
      'contains U+0007, a control character that XML feeds cannot carry; delete it',
    );
  });
});

describe('nonXmlCharProblem', () => {
  const files: Record<string, string> = {
    'src/content/posts/a.mdx': '---\ntitle: "Bell \u0007 here"\n---\n\nBody.\n',
    'src/content/categories/research.json': '{ "disclaimer": "Escaped \\u0001 only" }\n',
  };
  const read = (file: string) => files[file];
  it('is undefined for XML text, without reading any file', () => {
    expect(nonXmlCharProblem('fine', ['src/content/posts/a.mdx'], () => expect.fail('read'), 'title')).toBeUndefined();
  });
  it('names the file and line that hold the character, and the field', () => {
    const problem = nonXmlCharProblem(
      'Bell \u0007 here',
      ['src/content/categories/research.json', 'src/content/posts/a.mdx'],
      read,
      'title',
    );
    expect(problem).toEqual({
      file: 'src/content/posts/a.mdx',
      field: 'title',
      line: 2,
      reason: 'contains U+0007, a control character that XML feeds cannot carry; delete it',
    });
    expect(new ContentError([problem!]).message).toBe(
      'src/content/posts/a.mdx:2 (title): contains U+0007, a control character that XML feeds cannot carry; delete it',
    );
  });
  it('names the first file, with no line, when the character came in as an escape', () => {
    const problem = nonXmlCharProblem(
      'Escaped \u0001 only',
      ['src/content/categories/research.json'],
      read,
      'disclaimer',
    );
    expect(new ContentError([problem!]).message).toBe(
      'src/content/categories/research.json (disclaimer): contains U+0001, a control character that XML feeds cannot carry; delete it',
    );
  });
});
