/**
 * The posts loader renders an .mdx post through Markdown when its MDX parse and
 * its Markdown parse are the same tree (src/lib/content/post-source.ts). This
 * proves the shortcut changes nothing a reader sees: every real and fixture post,
 * plus posts written to trip the decision, is built both ways
 * (PLAIN_MDX_AS_MARKDOWN=0 compiles every .mdx as MDX), and each article body
 * and feed item must be the same HTML (byte-identical once parsed and serialized again). Refusals are the same both ways too.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';
import { elements, parseHtml } from '../support/dist';
import { analysePost } from '../../src/lib/content/post-source';

const dir = join(TMP_ROOT, 'plain-mdx-fixtures');
const postsDir = join(dir, 'content/posts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frontmatter = (title: string) =>
  `---\ntitle: "${title}"\ndescription: "A post that probes the plain-MDX decision."\npubDate: 2024-01-02\ncategory: research\nauthor: token-metrics-team\n---\n\n`;
/** Bodies near the edge between Markdown and MDX. */
const tricky: Record<string, string> = {
  'tricky-code':
    'Inline `a{b}<c>` code, `` `nested` `` ticks and a fence:\n\n```ts\nconst a = { b: 1 }; if (a < 2) {}\n```\n\n~~~\n<script>alert(1)</script>\n~~~\n',
  'tricky-indented': 'A paragraph.\n\n    four spaces: code in Markdown, a paragraph in MDX\n',
  'tricky-less-than': 'Prices fell when a < b and rose when b > a.\n',
  'tricky-escapes': 'Escaped \\{braces\\} and \\<angles\\>, entities &amp; &lt;tag&gt; &copy; and a bare & sign.\n',
  'tricky-gfm':
    '| a | b |\n| - | :-: |\n| 1 | `|` |\n\nA footnote[^1] and ~~strike~~ and https://example.org/autolink.\n\n- [x] done\n- [ ] open\n\n[^1]: The note.\n',
  'tricky-table':
    '| plain | table |\n| ----- | ----- |\n| `a|b` | a &lt; b |\n\nNo alignment, so Markdown renders it as MDX does.\n',
  'tricky-lists':
    '1. one\n2. two\n   - nested *em* **strong**\n\n> quoted [link](https://example.org "title")\n\n***\n\n# Heading with `code`\n',
  'tricky-expression': 'A {frontmatter.title} expression, so this one is MDX.\n',
  // Components set as blocks are cut out, the Markdown around and inside them rendered, and the page places them.
  'tricky-callouts':
    'Intro with a [link][ref].\n\n<Callout type="tip" title="A &quot;quoted&quot; & <odd> title">\nFirst *paragraph*.\n\nSecond with `a{b}<c>` code and a [link](https://example.org "t").\n\n- a list\n- of two\n</Callout>\n<Callout type="warning">\n> quoted\n\n```js\nconst x = 1 < 2;\n```\n</Callout>\n\nBetween.\n\n<Callout />\n\n<Callout></Callout>\n\n[ref]: https://example.org/ref\n',
  'tricky-callout-marker':
    'mdxcomponentslot1\n\n<Callout>\nThe text above looks like the marker, so the loader hands this post to MDX.\n</Callout>\n',
  'tricky-callout-inline': '<Callout type="note">Children on the tags\' lines are inline in MDX.</Callout>\n',
  'tricky-callout-heading': '<Callout>\n## A heading inside\n</Callout>\n\n## A heading inside\n',
  'tricky-callout-indented': '<Callout>\n  Indented children.\n\n      Deeper: a paragraph in MDX.\n</Callout>\n',
  'tricky-callout-expression-prop': '<Callout type={"tip"}>\nA prop written as an expression.\n</Callout>\n',
  'tricky-callout-reference': '<Callout>\nA [reference][ref] inside.\n</Callout>\n\n[ref]: https://example.org/\n',
  'tricky-callout-nested': '<Callout>\n<Callout>\nNested.\n</Callout>\n</Callout>\n',
  'tricky-callout-in-list': '- item\n\n  <Callout>\n  In a list.\n  </Callout>\n',
};

const sources = [
  'src/content/posts',
  ...readdirSync(join(ROOT, 'tests/fixtures')).map((f) => `tests/fixtures/${f}/posts`),
].filter((d) => existsSync(join(ROOT, d)));
let plain = '';
let allMdx = '';

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(postsDir, { recursive: true });
  // Hero images are written relative to src/content/posts (../../assets/…).
  cpSync(join(ROOT, 'src/assets'), join(dir, 'assets'), { recursive: true });
  for (const source of sources) cpSync(join(ROOT, source), postsDir, { recursive: true });
  // Fixture posts may draw fixture surveys (tests/fixtures/chart-surveys), so the surveys come along.
  const surveySources = ['src/content/surveys', ...sources.map((d) => d.replace(/posts$/, 'surveys'))].filter(
    (d) => d !== 'src/content/posts' && existsSync(join(ROOT, d)),
  );
  for (const source of surveySources) cpSync(join(ROOT, source), join(dir, 'content', 'surveys'), { recursive: true });
  for (const [id, body] of Object.entries(tricky)) writeFileSync(join(postsDir, `${id}.mdx`), frontmatter(id) + body);
  const [a, b] = [
    await buildSite('plain-mdx-markdown', { CONTENT_DIR: join(dir, 'content') }),
    await buildSite('plain-mdx-all-mdx', { CONTENT_DIR: join(dir, 'content'), PLAIN_MDX_AS_MARKDOWN: '0' }),
  ];
  expect(a.ok, a.output).toBe(true);
  expect(b.ok, b.output).toBe(true);
  [plain, allMdx] = [a.distDir, b.distDir];
});

const articleBody = (dist: string, id: string) => {
  const prose = elements(readFileSync(join(dist, 'posts', id, 'index.html'), 'utf8')).find(
    (e) => e.attributes.class === 'prose',
  );
  return toHtml(prose!.node.children);
};
/** Feed items with their HTML as a tree serializes it: `&quot;` in text and `"` are one character. */
const feedItems = (dist: string) =>
  (
    new XMLParser({ isArray: (n) => n === 'item' }).parse(readFileSync(join(dist, 'rss.xml'), 'utf8')).rss.channel
      .item as Record<string, string>[]
  ).map((item) => ({
    ...item,
    'content:encoded': toHtml(parseHtml(item['content:encoded']!)),
  }));

const mdxIds = [
  ...sources.flatMap((source) =>
    readdirSync(join(ROOT, source))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, '')),
  ),
  ...Object.keys(tricky),
];
const mdxPosts = () => mdxIds;

describe('plain .mdx rendered as Markdown is the same HTML as MDX', () => {
  it('the fixture exercises both paths', () => {
    const paths = mdxPosts().map(
      (id) =>
        analysePost(readFileSync(join(postsDir, `${id}.mdx`), 'utf8'), 'mdx', { dateFields: [], reservedFields: [] })
          .renderAs,
    );
    expect(paths.filter((p) => p === 'markdown').length).toBeGreaterThanOrEqual(5);
    expect(paths.filter((p) => p === 'mdx').length).toBeGreaterThanOrEqual(3);
    const analyse = (id: string) =>
      analysePost(frontmatter(id) + tricky[id], 'mdx', {
        dateFields: [],
        reservedFields: [],
        components: ['Callout', 'VoteChart'],
      });
    const decide = (id: string) => analyse(id).renderAs;
    expect(decide('tricky-indented')).toBe('mdx');
    expect(decide('tricky-expression')).toBe('mdx');
    expect(decide('tricky-code')).toBe('markdown');
    expect(decide('tricky-table')).toBe('markdown');
    expect(decide('tricky-gfm')).toBe('mdx');
    const cutOut = (id: string) => analyse(id).componentSlots.map((slot) => slot.name);
    expect(cutOut('tricky-callouts')).toEqual(['Callout', 'Callout', 'Callout', 'Callout']);
    const flagship = readFileSync(join(postsDir, 'top-crypto-narratives-2024.mdx'), 'utf8');
    expect(
      analysePost(flagship, 'mdx', { dateFields: [], reservedFields: [], components: ['Callout', 'VoteChart'] })
        .componentSlots,
    ).toEqual([expect.objectContaining({ name: 'VoteChart', props: { survey: 'moon-awards-2024-narratives' } })]);
    expect(cutOut('tricky-callout-marker')).toEqual(['Callout']);
    // Each block inside is checked on its own, so indentation MDX ignores is no obstacle.
    expect(cutOut('tricky-callout-indented')).toEqual(['Callout']);
    for (const id of ['inline', 'heading', 'expression-prop', 'reference', 'nested', 'in-list'])
      expect(decide(`tricky-callout-${id}`), id).toBe('mdx');
  });

  it.each(mdxPosts())('%s: article body', (id) => {
    // Drafts and scheduled posts are not built; the others must match.
    if (!existsSync(join(plain, 'posts', id))) return expect(existsSync(join(allMdx, 'posts', id))).toBe(false);
    expect(articleBody(plain, id)).toBe(articleBody(allMdx, id));
  });

  it('a post whose only MDX is components set as blocks is rendered as Markdown, not compiled as MDX', () => {
    // The loader keeps a Markdown-rendered body in a file of its own (post-html-files.ts); an MDX post has none.
    const savedBodies = (build: string) => {
      const dir = join(TMP_ROOT, build, 'cache/post-html/build');
      return existsSync(dir) ? readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8')) : [];
    };
    const bodies = savedBodies('plain-mdx-markdown');
    const callouts = bodies.filter((html) => html.includes('Intro with a'));
    expect(callouts).toHaveLength(1);
    expect(callouts[0]).toContain('<p>Between.</p>');
    expect(callouts[0]).not.toContain('mdxcomponentslot');
    expect(callouts[0]).not.toContain('First <em>paragraph</em>');
    expect(bodies.some((html) => html.includes('the loader hands this post to MDX'))).toBe(false);
    expect(savedBodies('plain-mdx-all-mdx').some((html) => html.includes('Intro with a'))).toBe(false);
  });

  it('every feed item', () => {
    const items = feedItems(plain);
    expect(items.length).toBeGreaterThan(5);
    expect(items).toEqual(feedItems(allMdx));
  });
});

describe('a refused post is refused the same way on both paths', () => {
  it('undefined names, control characters and bad dates give the same messages', async () => {
    const refused = join(dir, 'refused');
    mkdirSync(join(refused, 'posts'), { recursive: true });
    writeFileSync(join(refused, 'posts/undefined.mdx'), `${frontmatter('Undefined')}if a < b then {x}\n`);
    writeFileSync(
      join(refused, 'posts/control.mdx'),
      `${frontmatter('Control')}A plain body with a \u0008 backspace.\n`,
    );
    writeFileSync(
      join(refused, 'posts/date.mdx'),
      frontmatter('Date').replace('2024-01-02', '2024-02-30') + 'Plain text.\n',
    );
    const messages = async (name: string, env: Record<string, string>) => {
      const result = await buildSite(name, { CONTENT_DIR: refused, ...env });
      expect(result.ok).toBe(false);
      return result.output
        .split('\n')
        .filter((line) => line.includes('refused/posts/') && !line.startsWith(' '))
        .sort();
    };
    const [a, b] = [
      await messages('plain-mdx-refused', {}),
      await messages('plain-mdx-refused-all-mdx', { PLAIN_MDX_AS_MARKDOWN: '0' }),
    ];
    expect(a).toHaveLength(3);
    expect(a).toEqual(b);
  });
});
