/**
 * An .mdx post whose only MDX is known components set as blocks, each with literal
 * string props and plain Markdown inside, renders through Markdown like a plain
 * post. Each component is cut out of the source and a marker paragraph left in its
 * place; its children are rendered on their own; the article page then renders
 * the component itself around that HTML, at the marker's place (PostHtml.astro).
 *
 * Why: such a post compiled as MDX is a JavaScript module that Vite bundles and
 * the page evaluates. At 10,000 posts the ~2,000 posts with a <Callout> cost the
 * build ~15 s of bundling and ~10 s of rendering, and every one-post rebuild
 * bundles them again (bench/notes.md, "Components placed around Markdown").
 *
 * Only when the syntax trees prove it renders the same document: the Markdown
 * parse of the cut source must equal the MDX parse with each component replaced by
 * its marker, and the Markdown parse of each component's children must equal
 * their MDX parse. Anything else (expressions, imports, a component inside text
 * or inside another, headings or link references inside one) stays MDX.
 * Pure: no file system, no Astro.
 */
import { isDeepStrictEqual } from 'node:util';
import { markdownToMdast } from 'satteri';
import { isMdxNode, nodes, type TreeNode } from './source-tree';

/** A component cut out of a post's source. */
export interface ComponentSlot {
  name: string;
  props: Record<string, string>;
  /**
   * The Markdown of each block between its tags, in order: rendered one by one and joined with nothing
   * between them, as MDX joins a component's children. None for `<X />`, which then gets no slot.
   */
  children: string[];
  /** The paragraph that stands in for it in the Markdown that is rendered, so `<p>{marker}</p>` in the HTML. */
  marker: string;
}

/** A component as the content store keeps it: where it goes in the post's HTML and what it wraps. */
export interface PlacedComponent {
  name: string;
  props: Record<string, string>;
  /** Its place in the post's HTML, in UTF-16 code units (string indices). */
  at: number;
  /** Its children's HTML; absent when it has none. */
  html?: string;
}

/**
 * Nodes whose HTML depends on the rest of the document, so children rendered on their own could
 * differ: heading ids are counted across the document, references resolve against its definitions,
 * footnotes are numbered in it, and images become asset imports of the whole post.
 */
const DOCUMENT_BOUND = new Set([
  'heading',
  'definition',
  'linkReference',
  'imageReference',
  'footnoteReference',
  'footnoteDefinition',
  'image',
]);

/** The props of a component whose every attribute is `name="literal"`, each once; undefined otherwise. */
function literalProps(node: TreeNode): Record<string, string> | undefined {
  const props: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || typeof attribute.value !== 'string')
      return undefined;
    if (Object.hasOwn(props, attribute.name)) return undefined;
    props[attribute.name] = attribute.value;
  }
  return props;
}

/** The marker for the `index`-th component: one word, so it is a paragraph of plain text in Markdown. */
export const slotMarker = (index: number) => `mdxcomponentslot${index + 1}`;

/**
 * The post's source with its components cut out, and the components, when every MDX node in `tree`
 * is one of `components` set as a block directly in the document, and the trees prove Markdown renders
 * the rest the same; undefined when the post has to be compiled as MDX. `tree` is the MDX parse
 * without positions, `positioned` the same parse with them. The caller has already kept on the MDX path
 * the few nodes whose HTML satteri writes differently for Markdown and MDX (post-source.ts).
 */
export function cutComponents(
  source: string,
  tree: TreeNode,
  positioned: TreeNode,
  components: readonly string[],
): { source: string; slots: ComponentSlot[] } | undefined {
  const children = tree.children ?? [];
  const placed = positioned.children ?? [];
  if (children.length !== placed.length) return undefined;
  const slots: ComponentSlot[] = [];
  const expected: TreeNode[] = [];
  let cut = '';
  let from = 0;
  for (const [index, node] of children.entries()) {
    if (!isMdxNode(node)) {
      expected.push(node);
      continue;
    }
    if (node.type !== 'mdxJsxFlowElement' || !node.name || !components.includes(node.name)) return undefined;
    const props = literalProps(node);
    const inner = node.children ?? [];
    if (!props || inner.flatMap(nodes).some((n) => isMdxNode(n) || DOCUMENT_BOUND.has(n.type))) return undefined;
    const element = placed[index]!.position;
    const innerPlaced = placed[index]!.children ?? [];
    const first = innerPlaced[0]?.position;
    const last = innerPlaced.at(-1)?.position;
    if (element?.start.offset === undefined || element.end.offset === undefined) return undefined;
    // Children on the tags' own lines are inline content in MDX (no paragraph), unlike Markdown's.
    if (first && last && (first.start.line <= element.start.line || last.end.line >= element.end.line))
      return undefined;
    const blocks: string[] = [];
    for (const [at, child] of inner.entries()) {
      const { start, end } = innerPlaced[at]?.position ?? {};
      if (start?.offset === undefined || end?.offset === undefined) return undefined;
      const block = source.slice(start.offset, end.offset);
      const parsed = markdownToMdast(block, { position: false }) as TreeNode;
      if (!isDeepStrictEqual(parsed.children, [child])) return undefined;
      blocks.push(block);
    }
    const marker = slotMarker(slots.length);
    slots.push({ name: node.name, props, children: blocks, marker });
    expected.push({ type: 'paragraph', children: [{ type: 'text', value: marker }] });
    // Blank lines around it, so two components on adjacent lines leave two paragraphs, not one.
    cut += `${source.slice(from, element.start.offset)}\n\n${marker}\n\n`;
    from = element.end.offset;
  }
  if (slots.length === 0) return undefined;
  cut += source.slice(from);
  const cutTree = markdownToMdast(cut, { position: false }) as TreeNode;
  return isDeepStrictEqual(cutTree, { ...tree, children: expected }) ? { source: cut, slots } : undefined;
}

/**
 * `html` (the cut source rendered) without the slots' marker paragraphs, and where each was: undefined
 * unless each marker paragraph is there exactly once, in order, so no text of the post can pass for one.
 */
export function removeMarkers(
  html: string,
  slots: readonly Pick<ComponentSlot, 'marker'>[],
): { html: string; at: number[] } | undefined {
  let out = '';
  let from = 0;
  const at: number[] = [];
  for (const { marker } of slots) {
    const paragraph = `<p>${marker}</p>`;
    const index = html.indexOf(paragraph);
    // Once in the whole HTML, after the one before: the marker, not a paragraph of the post's own text.
    if (index < from || html.indexOf(paragraph, index + 1) !== -1) return undefined;
    out += html.slice(from, index);
    at.push(out.length);
    from = index + paragraph.length;
  }
  return { html: out + html.slice(from), at };
}

/** A post's HTML in the order a page renders it: runs of HTML, and the components between them. */
export type BodyPiece = { kind: 'html'; html: string } | { kind: 'component'; component: PlacedComponent };

export function bodyPieces(html: string, components: readonly PlacedComponent[]): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  let from = 0;
  for (const component of components) {
    if (component.at < from || component.at > html.length)
      throw new RangeError(`a component placed at ${component.at} is outside ${from}–${html.length}`);
    if (component.at > from) pieces.push({ kind: 'html', html: html.slice(from, component.at) });
    pieces.push({ kind: 'component', component });
    from = component.at;
  }
  if (from < html.length) pieces.push({ kind: 'html', html: html.slice(from) });
  return pieces;
}
