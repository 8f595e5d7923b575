/**
 * Careless or hostile posts stop `astro build` with one line per mistake:
 * the source file, the line or field, and the reason, with no stack trace.
 * One build holds every broken post, so this also proves that the loader lists
 * all of them at once; a second build proves the near-misses are accepted.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';

const root = join(TMP_ROOT, 'content-safety-fixtures');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const frontmatter = (lines: string[]) =>
  [
    '---',
    'title: "A post"',
    'description: "A description."',
    'category: research',
    'author: token-metrics-team',
    ...lines,
    '---',
    '',
  ].join('\n');
const post = (lines: string[], body = 'Body text.\n') => `${frontmatter(lines)}\n${body}`;
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

async function write(dir: string, files: Record<string, string | Buffer | Promise<Buffer>>): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), await body);
  }
  return dir;
}

const broken = join(root, 'broken');
const shown = (file: string) => relative(ROOT, join(broken, 'posts', file));
let output = '';

beforeAll(async () => {
  await write(broken, {
    'posts/backspace.md': post(['pubDate: 2024-01-01'], 'Body.\n').replace(
      'description: "A description."',
      'description: "Backspace \\b inside"',
    ),
    'posts/escape-tag.md': post(['pubDate: 2024-01-01', 'tags: [fine, "\\e[31m"]']),
    'posts/raw-control.md': post(['pubDate: 2024-01-01'], 'First line.\n\nA bell \u0007 in the body.\n'),
    'posts/spaced-key.md': post(['pubDate : 2024-02-30']),
    'posts/quoted-key.md': post(['"pubDate": 2024-02-30']),
    'posts/undefined-name.mdx': post(['pubDate: 2024-01-01'], 'Intro.\n\nif a < b then {x}\n'),
    'posts/backticks.mdx': post(
      ['pubDate: 2024-01-01'],
      'Mismatched ``code` then <img src=x onerror="alert(1)"> here.\n',
    ),
    'posts/unknown-component.mdx': post(
      ['pubDate: 2024-01-01'],
      '<Votechart survey="moon-awards-2024-narratives" />\n',
    ),
    // MDX is code with the build's rights: an element named by a variable, globals, imports.
    'posts/dynamic-tag.mdx': post(
      ['pubDate: 2024-01-01'],
      "export const T = 'script';\n\nProse.\n\n<T>console.log('from a post')</T>\n",
    ),
    'posts/build-secrets.mdx': post(['pubDate: 2024-01-01'], 'Home is {globalThis.process.env.HOME}.\n'),
    'posts/reads-files.mdx': post(
      ['pubDate: 2024-01-01'],
      "import { readFileSync } from 'node:fs';\n\n{readFileSync('/etc/hostname', 'utf8')}\n",
    ),
    'posts/callout-props.mdx': post(
      ['pubDate: 2024-01-01'],
      '<Callout type="danger" titel="Heads up">\nText.\n</Callout>\n',
    ),
    'posts/sub/nested.mdx': post(['pubDate: 2024-01-01']),
    'posts/Bad Name.md': post(['pubDate: 2024-01-01']),
    'posts/reserved.md': post(['pubDate: 2024-01-01', 'bodyWords: 3']),
    'posts/hero-missing.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./missing.png', '  alt: "A chart"']),
    'posts/not-an-image.png': 'this is text, not a PNG',
    'posts/hero-not-image.md': post([
      'pubDate: 2024-01-01',
      'heroImage:',
      '  src: ./not-an-image.png',
      '  alt: "A chart"',
    ]),
    'posts/tiny.png': png(1, 1),
    'posts/hero-tiny.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./tiny.png', '  alt: "A dot"']),
    'posts/html-md.md': post(
      ['pubDate: 2024-01-01'],
      [
        'Mismatched ``code` then <img src=x onerror="alert(1)"> here.',
        '<iframe src="javascript:alert(2)"></iframe>',
        '<svg><animate onbegin="alert(3)" attributeName="x" dur="1s"></animate></svg>',
        '<script src="https://evil.example/x.js"></script>',
        '[a link](javascript:alert(4)) and ![an image](data:text/html;base64,PHNjcmlwdD4=)',
        '<form action="https://evil.example/"><input name="q"></form>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<object data="https://evil.example/x.swf"></object>',
        '<embed src="https://evil.example/x.swf">',
        '<a href=" JaVaScRiPt:alert(5)">case and space</a>',
      ].join('\n\n') + '\n',
    ),
    'posts/html-mdx.mdx': post(
      ['pubDate: 2024-01-01'],
      [
        '<iframe src="https://evil.example/embed"></iframe>',
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
        '<a href="vbscript:msgbox(1)">vb</a>',
        '<img src="x.png" alt="" onError="alert(6)" />',
      ].join('\n\n') + '\n',
    ),
  });
  const result = await buildSite('content-safety-broken', { CONTENT_DIR: broken });
  expect(result.ok, result.output).toBe(false);
  output = result.output;
});

describe('every mistake is named at its source, all in one build', () => {
  it.each([
    ['backspace.md', ':3 (description)', 'contains U+0008, a control character that XML feeds cannot carry; delete it'],
    ['escape-tag.md', ':7 (tags.1)', 'contains U+001B, a control character that XML feeds cannot carry; delete it'],
    ['raw-control.md', ':11', 'the body contains U+0007, a control character that XML feeds cannot carry; delete it'],
    ['spaced-key.md', ':6 (pubDate)', '"2024-02-30" is not a real calendar date'],
    ['quoted-key.md', ':6 (pubDate)', '"2024-02-30" is not a real calendar date'],
    [
      'undefined-name.mdx',
      ':11',
      'the expression {x} uses "x", which this post never defines; write a literal { as \\{ or use `code`',
    ],
    [
      'unknown-component.mdx',
      ':9',
      '<Votechart> is not a component this site provides (a post can use Callout, VoteChart)',
    ],
    [
      'dynamic-tag.mdx',
      ':9',
      'import and export lines are not allowed in a post: they run as code when the site is built (the components Callout, VoteChart need no import)',
    ],
    ['dynamic-tag.mdx', ':13', '<T> is not a component this site provides (a post can use Callout, VoteChart)'],
    [
      'build-secrets.mdx',
      ':9',
      'the expression {globalThis.process.env.HOME} would run as code when the site is built; in braces a post may write only a comment, a literal or frontmatter.<field> (write a literal { as \\{ or use `code`)',
    ],
    [
      'reads-files.mdx',
      ':9',
      'import and export lines are not allowed in a post: they run as code when the site is built (the components Callout, VoteChart need no import)',
    ],
    [
      'reads-files.mdx',
      ':11',
      `the expression {readFileSync('/etc/hostname', 'utf8')} uses "readFileSync", which this post never defines; write a literal { as \\{ or use \`code\``,
    ],
    ['callout-props.mdx', ':9', '<Callout> type: Invalid option: expected one of "note"|"tip"|"warning"'],
    ['callout-props.mdx', ':9', '<Callout> has no prop titel (its props: type, title)'],
    ['reserved.md', ':7 (bodyWords)', '"bodyWords" is filled in by the build and cannot be set in frontmatter'],
    [
      'hero-missing.md',
      ' (heroImage.src)',
      `"./missing.png" does not exist (looked for ${join(broken, 'posts/missing.png')})`,
    ],
    [
      'hero-not-image.md',
      ' (heroImage.src)',
      '"./not-an-image.png" is not an image that can be read (JPEG, PNG, WebP, AVIF, GIF or SVG)',
    ],
    [
      'hero-tiny.md',
      ' (heroImage.src)',
      '"./tiny.png" is 1×1 px, smaller than the 1200×630 px social card it becomes; use a larger image or set heroImage.socialCard: false',
    ],
  ])('%s', (file, place, reason) => {
    expect(output).toContain(`${shown(file)}${place}: ${reason}\n`);
  });

  it('a post in a subfolder, and a file name that is not a URL slug', () => {
    expect(output).toContain(
      `${shown('sub/nested.mdx')}: posts live directly in ${relative(ROOT, join(broken, 'posts'))}/ (a post's URL is /posts/<file name>/); move it to ${shown('nested.mdx')}\n`,
    );
    expect(output).toContain(
      `${shown('Bad Name.md')}: the file name "Bad Name" becomes the post's URL and must be lowercase letters, digits and hyphens; rename it to bad-name.md\n`,
    );
  });

  it('mismatched backticks cannot smuggle HTML past the MDX parser', () => {
    expect(output).toContain(
      `${shown('backticks.mdx')}: MDX syntax error at 9:25: Unexpected character after ` < `, expected a valid JSX tag`,
    );
  });

  it('one HTML policy for .md and .mdx: every unsafe element, attribute and URL, with its line', () => {
    const lines = (file: string) =>
      output
        .split('\n')
        .map((line) => line.replace('[InvalidContent] ', ''))
        .filter((line) => line.startsWith(`${shown(file)}:`))
        .map((line) => line.slice(shown(file).length + 1));
    expect(lines('html-md.md')).toEqual([
      '9: <img> has an event-handler attribute onerror (scripts in posts are not allowed)',
      '11: javascript: URL in src on <iframe> is not allowed',
      '11: <iframe> src "javascript:alert(2)" is not an allowed embed (only https URLs on www.youtube-nocookie.com, player.vimeo.com can be embedded)',
      '13: <svg> is not allowed (inline SVG can run scripts; put it in an image file and use <img>)',
      '13: <animate> is not allowed',
      '13: <animate> has an event-handler attribute onbegin (scripts in posts are not allowed)',
      '15: <script> is not allowed (scripts in posts are not allowed)',
      '17: javascript: URL in href on <a> is not allowed',
      '17: data: URL in src on <img> is not allowed',
      '19: <form> is not allowed (a post cannot collect input)',
      '19: attribute name on <input> is not allowed',
      '21: <base> is not allowed (it would change where every relative link on the page points)',
      '23: <meta> is not allowed (page metadata comes from the frontmatter)',
      '25: <object> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      '27: <embed> is not allowed (plugins are not allowed; embed with an <iframe> from an allowed host)',
      '29: javascript: URL in href on <a> is not allowed',
    ]);
    // The allowed embed host on line 11 passes; the others do not.
    expect(lines('html-mdx.mdx')).toEqual([
      '9: <iframe> src "https://evil.example/embed" is not an allowed embed (only https URLs on www.youtube-nocookie.com, player.vimeo.com can be embedded)',
      '13: vbscript: URL in href on <a> is not allowed',
      '15: <img> has an event-handler attribute onError (scripts in posts are not allowed)',
    ]);
  });

  it('prints no stack trace', () => {
    expect(output).toContain('[InvalidContent]');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Stack trace');
  });
});

describe('near-misses build', () => {
  it('a trailing YAML comment on a date, a timestamp, a small hero kept off social cards, and an image in a Markdown body', async () => {
    const dir = await write(join(root, 'fine'), {
      'posts/commented.md': post(['pubDate: 2024-02-28 # first draft']),
      'posts/timestamp.mdx': post(
        ['pubDate: "2024-02-28T10:00:00+02:00"'],
        'Text with an {frontmatter.title} expression and `{x}` in code.\n',
      ),
      'posts/tiny.png': png(1, 1),
      'posts/small-hero.md': post([
        'pubDate: 2024-01-01',
        'heroImage:',
        '  src: ./tiny.png',
        '  alt: "A dot"',
        '  socialCard: false',
      ]),
      // Astro swaps a Markdown image for its optimised copy in the HTML it stored: this body stays in the store.
      'posts/body-image.md': post(['pubDate: 2024-01-02'], 'A dot in the text:\n\n![A dot in the body](./tiny.png)\n'),
    });
    // Twice with one cache and one config: the second sync finds every post unchanged and must
    // still hand Astro its images and MDX modules (a warm cache once broke every hero image).
    const cache = join(root, 'fine-cache');
    for (const name of ['cold', 'warm']) {
      const result = await buildSite('content-safety-fine', { CONTENT_DIR: dir, ASTRO_CACHE_DIR: cache });
      expect(result.ok, result.output).toBe(true);
      const page = readFileSync(join(result.distDir, 'posts/small-hero/index.html'), 'utf8');
      expect(page, name).toMatch(/<img[^>]+src="\/_astro\/tiny\.[^"]+"/);
      const bodyImage = readFileSync(join(result.distDir, 'posts/body-image/index.html'), 'utf8');
      expect(bodyImage, name).toMatch(
        /<img[^>]+src="\/_astro\/tiny\.[^"]+"[^>]*alt="A dot in the body"|<img[^>]+alt="A dot in the body"[^>]*src="\/_astro\/tiny\./,
      );
    }
  });
});
