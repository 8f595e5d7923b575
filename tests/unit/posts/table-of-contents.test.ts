import { describe, expect, it } from 'vitest';
import { tableOfContents, TOC_MIN_SECTIONS } from '../../../src/lib/posts/table-of-contents';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase().replaceAll(' ', '-'), text });

describe('tableOfContents', () => {
  it('lists sections with their subsections nested under them', () => {
    const toc = tableOfContents([
      h(2, 'One'),
      h(3, 'One a'),
      h(3, 'One b'),
      h(2, 'Two'),
      h(2, 'Three'),
      h(3, 'Three a'),
    ]);
    expect(toc).toEqual([
      {
        slug: 'one',
        text: 'One',
        children: [
          { slug: 'one-a', text: 'One a', children: [] },
          { slug: 'one-b', text: 'One b', children: [] },
        ],
      },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [{ slug: 'three-a', text: 'Three a', children: [] }] },
    ]);
  });

  it(`is empty below ${TOC_MIN_SECTIONS} sections, however many subsections there are`, () => {
    expect(tableOfContents([h(2, 'One'), h(3, 'A'), h(3, 'B'), h(3, 'C'), h(2, 'Two')])).toEqual([]);
    expect(tableOfContents([])).toEqual([]);
    expect(tableOfContents([h(2, 'One'), h(2, 'Two'), h(2, 'Three')])).toHaveLength(3);
  });

  it('leaves out the title and headings below h3', () => {
    const toc = tableOfContents([h(1, 'Title'), h(2, 'One'), h(4, 'Deep'), h(2, 'Two'), h(2, 'Three')]);
    expect(toc.map((e) => e.text)).toEqual(['One', 'Two', 'Three']);
    expect(toc[0]!.children).toEqual([]);
  });

  it('keeps a subsection that comes before any section at the top level', () => {
    const toc = tableOfContents([h(3, 'Early'), h(3, 'Early too'), h(2, 'One'), h(2, 'Two'), h(2, 'Three')]);
    expect(toc.map((e) => [e.text, e.children.length])).toEqual([
      ['Early', 0],
      ['Early too', 0],
      ['One', 0],
      ['Two', 0],
      ['Three', 0],
    ]);
  });
});
