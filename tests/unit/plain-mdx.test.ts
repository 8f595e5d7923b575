import { describe, expect, it } from 'vitest';
import { isPlainMarkdown } from '../../src/lib/plain-mdx';

describe('isPlainMarkdown: .mdx posts that Markdown renders the same', () => {
  it('accepts headings, lists, links, emphasis, quotes and fenced code (even with braces inside)', () => {
    const body = '# Title\n\nSome *text* and **bold** with [a link](https://x.org).\n\n- one\n- two\n\n> quoted\n\n```ts\nconst a = { b: 1 } as const; if (a < 2) {}\n```\n\nInline `a{b}<c>` code.\n';
    expect(isPlainMarkdown(body)).toBe(true);
  });

  it('rejects components, imports, exports, expressions and HTML', () => {
    expect(isPlainMarkdown('Intro\n\n<Callout type="tip">\nHi\n</Callout>\n')).toBe(false);
    expect(isPlainMarkdown("import X from './x.astro';\n\nText")).toBe(false);
    expect(isPlainMarkdown('export const meta = 1;\n\nText')).toBe(false);
    expect(isPlainMarkdown('Costs {price} today')).toBe(false);
    expect(isPlainMarkdown('A <span>tag</span>')).toBe(false);
    expect(isPlainMarkdown('{/* a comment */}')).toBe(false);
  });

  it('rejects indented code, which MDX reads as a paragraph', () => {
    expect(isPlainMarkdown('Text\n\n    indented code\n')).toBe(false);
  });

  it('does not let an unclosed fence hide JSX', () => {
    expect(isPlainMarkdown('```\nnot closed\n<Callout />\n')).toBe(false);
  });
});
