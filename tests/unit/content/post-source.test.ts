import { describe, expect, it } from 'vitest';
import { analysePost, componentReferencesIn } from '../../../src/lib/content/post-source';
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

  it('names undefined names in expressions with their line, and accepts the inert ones', () => {
    expect(mdx('if a < b then {x}\n').problems).toEqual([
      {
        line: 6,
        reason: 'the expression {x} uses "x", which this post never defines; write a literal { as \\{ or use `code`',
      },
    ]);
    expect(
      mdx("{frontmatter.title} {frontmatter['title']} {'{'} {3} {`plain`} {/* note */} {\n// a line comment\n}\n")
        .problems,
    ).toEqual([]);
    expect(mdx('<X a={y} {...z} />\n').problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('uses "y"'),
      expect.stringContaining('uses "z"'),
      '<X> is not a component this site provides',
    ]);
  });

  it('refuses MDX code that would run when the site is built, by its line', () => {
    const reasons = (body: string) =>
      analysePost(fm + body, 'mdx', { ...options, components: ['Callout', 'VoteChart'] }).problems.map(
        (p) => `${p.line}: ${p.reason}`,
      );
    const runs = (code: string) =>
      `the expression {${code}} would run as code when the site is built; in braces a post may write only a comment, a literal or frontmatter.<field> (write a literal { as \\{ or use \`code\`)`;
    const noImports =
      'import and export lines are not allowed in a post: they run as code when the site is built (the components Callout, VoteChart need no import)';
    // An element named by a variable escapes every HTML check: <T> renders <script>.
    expect(reasons("export const T = 'script';\n\n<T>alert(1)</T>\n")).toEqual([
      `6: ${noImports}`,
      '8: <T> is not a component this site provides (a post can use Callout, VoteChart)',
    ]);
    expect(reasons('export const _t = "meta";\n\n<_t httpEquiv="refresh" />\n')).toEqual([
      `6: ${noImports}`,
      '8: <_t> is not a component this site provides (a post can use Callout, VoteChart)',
    ]);
    expect(reasons("import { readFileSync } from 'node:fs';\n\nText.\n")).toEqual([`6: ${noImports}`]);
    expect(reasons('Home is {globalThis.process.env.HOME}.\n')).toEqual([`6: ${runs('globalThis.process.env.HOME')}`]);
    expect(reasons('{frontmatter.constructor.constructor("return process")()}\n')).toEqual([
      `6: ${runs('frontmatter.constructor.constructor("return process")()')}`,
    ]);
    expect(reasons('Text\n\n<Callout title={String(1)}>hi</Callout>\n')).toEqual([
      `8: ${runs('String(1)')}`,
      '8: <Callout> title must be written as a plain value, such as title="…"',
    ]);
    expect(reasons('<p title={Math.max(1, 2)}>{[1].map((n) => n * 2)}</p>\n')).toEqual([
      `6: ${runs('Math.max(1, 2)')}`,
      `6: ${runs('[1].map((n) => n * 2)')}`,
    ]);
    expect(reasons('<Callout.Inner />\n')).toEqual([
      '6: <Callout.Inner> is not a component this site provides (a post can use Callout, VoteChart)',
    ]);
  });

  it("checks each component's props against what it takes", () => {
    const reasons = (body: string) =>
      analysePost(fm + body, 'mdx', { ...options, components: ['Callout', 'VoteChart'] }).problems.map(
        (p) => `${p.line}: ${p.reason}`,
      );
    expect(reasons('<VoteChart survey="x" />\n\n<Callout type={"tip"} title="Hi">hi</Callout>\n')).toEqual([]);
    expect(reasons('<Callout type="danger" kind="tip" titel="Heads up">\nhi\n</Callout>\n')).toEqual([
      '6: <Callout> type: Invalid option: expected one of "note"|"tip"|"warning"',
      '6: <Callout> has no prop kind (its props: type, title)',
      '6: <Callout> has no prop titel (its props: type, title)',
    ]);
    expect(reasons('Text\n\n<VoteChart />\n\n<VoteChart survey />\n')).toEqual([
      '8: <VoteChart> survey: Invalid input: expected string, received undefined',
      '10: <VoteChart> survey: Invalid input: expected string, received boolean',
    ]);
  });

  it('lists the surveys its VoteCharts name, with their lines, also for a post kept from the last sync', () => {
    const body = 'Text.\n\n<VoteChart survey="one" />\n\n<Callout>hi</Callout>\n\n<VoteChart survey={"two"} />\n';
    const expected = [
      { collection: 'surveys', label: 'survey', id: 'one', line: 8, where: '<VoteChart> survey' },
      { collection: 'surveys', label: 'survey', id: 'two', line: 12, where: '<VoteChart> survey' },
    ];
    expect(analysePost(fm + body, 'mdx', { ...options, components: ['Callout', 'VoteChart'] }).references).toEqual(
      expected,
    );
    expect(componentReferencesIn(fm + body, 'mdx')).toEqual(expected);
    expect(componentReferencesIn(fm + 'No chart here.\n', 'mdx')).toEqual([]);
    expect(mdx('Plain text.\n').references).toEqual([]);
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
