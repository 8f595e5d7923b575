import { describe, expect, it } from 'vitest';
import { analysePost } from '../../../src/lib/content/post-source';
import { xmlInvalidCharacters } from '../../../src/lib/content/xml-characters';

const options = { dateFields: ['pubDate'], reservedFields: [] };
const fm = '---\ntitle: T\npubDate: 2024-01-01\n---\n\n';
const mdx = (body: string) => analysePost(fm + body, 'mdx', options);

describe('analysePost', () => {
  it('renders an .mdx through Markdown only when both parses give one tree', () => {
    expect(mdx('Hello *world* and `{code}`.\n').renderAs).toBe('markdown');
    expect(mdx('Text\n\n    indented code\n').renderAs).toBe('mdx');
    expect(mdx('A {1 + 1} expression\n').renderAs).toBe('mdx');
    expect(mdx('<VoteChart survey="x" />\n').renderAs).toBe('mdx');
    expect(mdx('A footnote[^1].\n\n[^1]: Note.\n').renderAs).toBe('mdx');
    expect(analysePost(fm + '<b>html</b>\n', 'md', options).renderAs).toBe('markdown');
  });

  it('counts words a reader reads: text and code, not markup, imports or JSX comments', () => {
    expect(
      mdx(
        "import X from './x.astro';\n\n{/* hidden note with many words */}\n\n<X>\nvisible text\n</X>\n\n- one **two**\n",
      ).words,
    ).toBe(4);
    expect(mdx('```js\nconst a = 1;\n```\n').words).toBe(4);
  });

  it('counts fenced and indented code blocks, not inline code', () => {
    expect(mdx('```js\nconst a = 1;\n```\n\n~~~\nplain\n~~~\n').codeBlocks).toBe(2);
    expect(analysePost(fm + 'Text.\n\n    indented code\n', 'md', options).codeBlocks).toBe(1);
    expect(mdx('Inline `async def` only.\n').codeBlocks).toBe(0);
  });

  it('names undefined names in expressions with their line, and accepts what is in scope', () => {
    expect(mdx('if a < b then {x}\n').problems).toEqual([
      {
        line: 6,
        reason: 'the expression {x} uses "x", which this post never defines; write a literal { as \\{ or use `code`',
      },
    ]);
    expect(
      mdx(
        'export const price = 3;\n\n{price} {props.a} {frontmatter.title} {Math.max(1, 2)} {[1].map((n) => n * 2)} {/* note */}\n',
      ).problems,
    ).toEqual([]);
    expect(mdx('<X a={y} {...z} />\n').problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('uses "y"'),
      expect.stringContaining('uses "z"'),
      '<X> is not a component this site provides and the post does not import it',
    ]);
  });

  it('names a component the site does not provide and the post does not import', () => {
    const withComponents = (body: string) =>
      analysePost(fm + body, 'mdx', { ...options, components: ['Callout', 'VoteChart'] }).problems;
    expect(withComponents('<VoteChart survey="x" />\n\n<Callout>hi</Callout>\n')).toEqual([]);
    expect(withComponents("import Chart from './chart.astro';\n\n<Chart />\n")).toEqual([]);
    expect(withComponents('Text\n\n<Votechart survey="x" />\n')).toEqual([
      {
        line: 8,
        reason:
          '<Votechart> is not a component this site provides and the post does not import it (without an import a post can use Callout, VoteChart)',
      },
    ]);
  });

  it('names a control character in the body by its line', () => {
    expect(analysePost(`${fm}one\n\ntwo \u001b three\n`, 'md', options).problems).toEqual([
      { line: 8, reason: 'the body contains U+001B, a control character that XML feeds cannot carry; delete it' },
    ]);
  });

  it('reports an MDX syntax error with its place, and a missing frontmatter', () => {
    expect(mdx('<img src=x onerror=alert(1)>\n').problems[0]!.reason).toMatch(/^MDX syntax error at 6:1: /);
    expect(analysePost('no frontmatter\n', 'md', options).problems).toEqual([
      { line: 1, reason: 'a post starts with a frontmatter block between --- lines' },
    ]);
  });
});

describe('xmlInvalidCharacters', () => {
  it('finds C0 controls, non-characters and lone surrogates, and nothing XML allows', () => {
    expect(xmlInvalidCharacters('tab\tLF\nCR\r emoji 🚀 arabic مرحبا')).toEqual([]);
    expect(xmlInvalidCharacters('a\u0000b\u0008c\u000bd\u001fe\ufffef\uffff')).toEqual(
      [1, 3, 5, 7, 9, 11].map((index, i) => ({ index, code: [0, 8, 0xb, 0x1f, 0xfffe, 0xffff][i] })),
    );
    expect(xmlInvalidCharacters('x\ud800y\udc00')).toEqual([
      { index: 1, code: 0xd800 },
      { index: 3, code: 0xdc00 },
    ]);
  });
});
