/**
 * Everything the posts loader learns from one post's source, from one parse:
 * satteri (Astro 7's own Markdown/MDX engine) gives the syntax tree, the YAML
 * block inside it is read as a YAML document, and every check below walks
 * those trees. Pure: no file system, no Astro.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parseFrontmatter, type LocatedProblem } from './frontmatter';
import { componentReferences, mdxCodeProblems, plainValueOf, type ComponentReference, type MdxCode } from './mdx-code';
import { MDX_COMPONENT_REFERENCES } from './mdx-components';
import { isHtmlElementName } from '../security/html-policy';
import { invalidCharacterReason, xmlInvalidCharacters } from './xml-characters';
import { countWords } from '../posts/reading-time';
import { cutComponents, type ComponentSlot } from './component-slots';
import { isMdxNode, nodes, type TreeNode } from './source-tree';

export type PostFormat = 'md' | 'mdx';

export interface AnalysedPost {
  /** Frontmatter as YAML resolves it, dates already checked and turned into Dates. */
  data: Record<string, unknown>;
  /** The source after the frontmatter block; with components, the Markdown left once they are cut out. */
  body: string;
  /**
   * 'markdown' when the MDX parse and the Markdown parse of this source give the
   * same tree: then Markdown renders it exactly as MDX would, without a JS module.
   * Also when the only difference is components set as blocks (component-slots.ts).
   */
  renderAs: 'markdown' | 'mdx';
  /** With renderAs 'markdown', the components cut out of the body, in order; none for a plain post. */
  componentSlots: ComponentSlot[];
  /** Words a reader reads: text and code, not markup or JSX. */
  words: number;
  /** Fenced or indented code blocks in the body: the article loads its Copy button only when there are some. */
  codeBlocks: number;
  /** Entries of other collections its components name (a VoteChart's survey), with their lines. */
  references: ComponentReference[];
  /** False when the source is not valid Markdown/MDX; `problems` then holds the syntax error. */
  parsed: boolean;
  problems: LocatedProblem[];
}

export interface AnalyseOptions {
  dateFields: readonly string[];
  reservedFields: readonly string[];
  /** Frontmatter fields that must be one line of plain text (see frontmatter.ts). */
  plainTextFields?: readonly string[];
  /** Components every post may use without an import (src/components/mdx/names.ts). */
  components?: readonly string[];
}

/**
 * Nodes that satteri's Markdown and MDX serializers write differently, though
 * both trees agree: `data-footnote-ref` vs `data-footnote-ref="true"`,
 * `text-align: center` vs `text-align:center`, `<input>` vs `<input/>`.
 * A post with one of these stays on the MDX path, so its HTML never depends on
 * the shortcut (tests/build/plain-mdx.test.ts, the tricky-gfm post).
 */
function serializersDiffer(node: TreeNode & { align?: unknown[]; checked?: unknown }): boolean {
  if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') return true;
  if (node.type === 'table') return (node.align ?? []).some((a) => a !== null);
  return node.type === 'listItem' && typeof node.checked === 'boolean';
}

function mdxCode(all: readonly TreeNode[]): MdxCode[] {
  const pieces: MdxCode[] = [];
  for (const node of all) {
    const line = node.position?.start.line ?? 1;
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    const props: Record<string, unknown> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        pieces.push({ kind: 'expression', code: `{${String(attribute.value)}}`, line });
      } else if (attribute.value && typeof attribute.value === 'object') {
        const code = String((attribute.value as { value: unknown }).value);
        pieces.push({ kind: 'expression', code, line });
        if (attribute.name) props[attribute.name] = plainValueOf(code);
      } else if (attribute.name) {
        props[attribute.name] = attribute.value ?? true;
      }
    }
    // A fragment (`<>`) has no name; MDX renders its children in place.
    if (isElement && node.name && !isHtmlElementName(node.name))
      pieces.push({ kind: 'component', code: node.name, line, props });
    if (node.type === 'mdxjsEsm') pieces.push({ kind: 'esm', code: node.value ?? '', line });
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
      pieces.push({ kind: 'expression', code: node.value ?? '', line });
  }
  return pieces;
}

function wordsIn(all: readonly TreeNode[]): number {
  let words = 0;
  for (const node of all) {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')
      words += countWords(node.value ?? '');
  }
  return words;
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where the body starts: after the frontmatter block, which satteri only reads
 * at the very start of a file, as a `---` line, the YAML's own lines and a
 * closing `---` line.
 */
function bodyOffset(source: string, yaml: string): number {
  const blockLines = yaml === '' ? 2 : yaml.split('\n').length + 2;
  let offset = 0;
  for (let line = 0; line < blockLines; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset;
}

/** A post with nothing to render: its one problem stops the build. */
function unusable(parsed: boolean, problem: LocatedProblem): AnalysedPost {
  return {
    data: {},
    body: '',
    renderAs: 'mdx',
    componentSlots: [],
    words: 0,
    codeBlocks: 0,
    references: [],
    parsed,
    problems: [problem],
  };
}

export function analysePost(source: string, format: PostFormat, options: AnalyseOptions): AnalysedPost {
  // Positions cost about as much as the parse itself; they are only needed to place a problem,
  // so the tree is parsed without them and again with them when there is a problem to place.
  const parse = (position: boolean) =>
    (format === 'mdx' ? mdxToMdast(source, { position }) : markdownToMdast(source, { position })) as TreeNode;
  let tree: TreeNode;
  try {
    tree = parse(false);
  } catch (error) {
    // satteri's message starts with the line and column: `8:1: Unexpected character …`.
    return unusable(false, { reason: `${format.toUpperCase()} syntax error at ${(error as Error).message}` });
  }
  const yaml = tree.children?.[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yaml) return unusable(true, { line: 1, reason: 'a post starts with a frontmatter block between --- lines' });

  // The YAML starts on line 2, under the opening `---`.
  const frontmatter = parseFrontmatter(yaml.value ?? '', 2, options);
  const bodyStart = bodyOffset(source, yaml.value ?? '');
  const body = source.slice(bodyStart);
  const problems = [...frontmatter.problems];
  for (const character of xmlInvalidCharacters(body)) {
    problems.push({
      line: lineAt(source, bodyStart + character.index),
      reason: `the body ${invalidCharacterReason(character)}`,
    });
  }

  const all = nodes(tree);
  let renderAs: AnalysedPost['renderAs'] = 'markdown';
  let markdownBody = body;
  let componentSlots: ComponentSlot[] = [];
  let references: ComponentReference[] = [];
  if (format === 'mdx') {
    const code = mdxCode(all);
    // Lines come from a parse with positions, made only when there is something to place.
    if (componentReferences(code).length > 0) references = componentReferences(mdxCode(nodes(parse(true))));
    const names = mdxCodeProblems(code, options.components);
    problems.push(...(names.length > 0 ? mdxCodeProblems(mdxCode(nodes(parse(true))), options.components) : []));
    const usesMdx = all.some(isMdxNode);
    const differs = all.some(serializersDiffer);
    if (usesMdx && !differs && names.length === 0) {
      const cut = cutComponents(source, tree, parse(true), options.components ?? []);
      if (cut) [markdownBody, componentSlots] = [cut.source.slice(bodyStart), cut.slots];
      else renderAs = 'mdx';
    } else if (
      usesMdx ||
      differs ||
      JSON.stringify(tree) !== JSON.stringify(markdownToMdast(source, { position: false }))
    )
      renderAs = 'mdx';
  }
  return {
    data: frontmatter.data,
    body: markdownBody,
    renderAs,
    componentSlots,
    words: wordsIn(all),
    codeBlocks: all.filter((node) => node.type === 'code').length,
    references,
    parsed: true,
    problems,
  };
}

/**
 * The references a post's components make (componentReferences), for a post the loader keeps from the
 * last sync: what it names may have gone since. Only a source that writes such a component is parsed.
 */
export function componentReferencesIn(source: string, format: PostFormat): ComponentReference[] {
  const names = Object.keys(MDX_COMPONENT_REFERENCES);
  if (format !== 'mdx' || !names.some((name) => source.includes(`<${name}`))) return [];
  // It parsed when it was stored, so it parses now.
  return componentReferences(mdxCode(nodes(mdxToMdast(source, { position: true }) as TreeNode)));
}
