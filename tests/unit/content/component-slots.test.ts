import { describe, expect, it } from 'vitest';
import { bodyPieces, removeMarkers, slotMarker } from '../../../src/lib/content/component-slots';
import { analysePost } from '../../../src/lib/content/post-source';

const fm = '---\ntitle: T\npubDate: 2024-01-01\n---\n\n';
const analyse = (body: string) =>
  analysePost(fm + body, 'mdx', { dateFields: ['pubDate'], reservedFields: [], components: ['Callout', 'VoteChart'] });

describe('components cut out of an .mdx post (component-slots.ts)', () => {
  it('cuts out components set as blocks, leaving a marker paragraph each, with their props and child blocks', () => {
    const post = analyse(
      'Before.\n\n<Callout type="tip" title="A &amp; B">\nOne *em*.\n\n  - indented list\n</Callout>\n<VoteChart survey="s" />\n\nAfter.\n',
    );
    expect(post.renderAs).toBe('markdown');
    expect(post.componentSlots).toEqual([
      {
        name: 'Callout',
        props: { type: 'tip', title: 'A & B' },
        children: ['One *em*.', '- indented list'],
        marker: slotMarker(0),
      },
      { name: 'VoteChart', props: { survey: 's' }, children: [], marker: slotMarker(1) },
    ]);
    expect(post.body).toBe(`\nBefore.\n\n\n\n${slotMarker(0)}\n\n\n\n\n${slotMarker(1)}\n\n\n\nAfter.\n`);
    // The words a reader reads still include the component's children, as in the same text without the tags.
    expect(post.words).toBe(analyse('Before.\n\nOne *em*.\n\n- indented list\n\nAfter.\n').words);
  });

  it('leaves a post on the MDX path when anything but such a component is MDX', () => {
    const mdxOnly = [
      'An {expression}.\n\n<Callout>\nx\n</Callout>\n',
      "import X from './x.astro';\n\n<Callout>\nx\n</Callout>\n",
      '<Callout type={"tip"}>\nx\n</Callout>\n',
      '<Callout {...props}>\nx\n</Callout>\n',
      '<Callout type="tip" type="note">\nx\n</Callout>\n',
      '<Callout flag>\nx\n</Callout>\n',
      '<Callout>inline children</Callout>\n',
      'Text with <Callout>an inline one</Callout>.\n',
      '<Callout>\n<Callout>\nnested\n</Callout>\n</Callout>\n',
      '<Callout>\n## A heading\n</Callout>\n',
      '<Callout>\nA [ref][r].\n</Callout>\n\n[r]: https://example.org/\n',
      '<Callout>\n![alt](./image.png)\n</Callout>\n',
      '<Callout>\nA note[^1].\n</Callout>\n\n[^1]: Footnote.\n',
      '> <Callout>\n> quoted\n> </Callout>\n',
      '<Unknown>\nx\n</Unknown>\n',
      '<div>\nlowercase JSX\n</div>\n',
    ];
    for (const body of mdxOnly) {
      const post = analyse(body);
      expect(post.renderAs, body).toBe('mdx');
      expect(post.componentSlots, body).toEqual([]);
    }
  });

  it('leaves a plain post alone: no slots, the body as written', () => {
    const post = analyse('Just *Markdown*.\n');
    expect(post).toMatchObject({ renderAs: 'markdown', componentSlots: [], body: '\nJust *Markdown*.\n' });
  });

  it('removes each marker paragraph once, in order, and says where it was', () => {
    const slots = [{ marker: slotMarker(0) }, { marker: slotMarker(1) }];
    expect(removeMarkers(`<p>a</p>\n<p>${slotMarker(0)}</p>\n<p>${slotMarker(1)}</p>`, slots)).toEqual({
      html: '<p>a</p>\n\n',
      at: [9, 10],
    });
    // A marker repeated by the post's own text, missing, or out of order: no placement at all.
    expect(
      removeMarkers(`<p>${slotMarker(0)}</p><p>${slotMarker(0)}</p><p>${slotMarker(1)}</p>`, slots),
    ).toBeUndefined();
    expect(removeMarkers(`<p>${slotMarker(0)}</p>`, slots)).toBeUndefined();
    expect(removeMarkers(`<p>${slotMarker(1)}</p><p>${slotMarker(0)}</p>`, slots)).toBeUndefined();
    expect(
      removeMarkers(`<p>${slotMarker(1)}</p><p>${slotMarker(0)}</p><p>${slotMarker(1)}</p>`, slots),
    ).toBeUndefined();
    // Inside other text it is only text, not a marker paragraph.
    expect(removeMarkers(`<p>see ${slotMarker(0)}</p>`, slots.slice(0, 1))).toBeUndefined();
  });

  it('splits the HTML into runs and components in page order', () => {
    const callout = { name: 'Callout', props: {}, at: 3, html: '<p>c</p>' };
    const chart = { name: 'VoteChart', props: { survey: 's' }, at: 3 };
    expect(bodyPieces('abcdef', [callout, chart])).toEqual([
      { kind: 'html', html: 'abc' },
      { kind: 'component', component: callout },
      { kind: 'component', component: chart },
      { kind: 'html', html: 'def' },
    ]);
    expect(bodyPieces('abc', [])).toEqual([{ kind: 'html', html: 'abc' }]);
    expect(() => bodyPieces('abc', [{ ...chart, at: 4 }])).toThrow(RangeError);
    expect(() =>
      bodyPieces('abc', [
        { ...chart, at: 2 },
        { ...chart, at: 1 },
      ]),
    ).toThrow(RangeError);
  });
});
