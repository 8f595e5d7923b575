/**
 * Careless or hostile posts stop `astro build` with one line per mistake:
 * the source file, the line or field, and the reason, with no stack trace.
 * One build holds every broken post, so this also proves that the loader lists
 * all of them at once; a second build proves the near-misses are accepted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';

const root = join(TMP_ROOT, 'content-safety-fixtures');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const frontmatter = (lines: string[]) => ['---', 'title: "A post"', 'description: "A description."', 'category: research', 'author: token-metrics-team', ...lines, '---', ''].join('\n');
const post = (lines: string[], body = 'Body text.\n') => `${frontmatter(lines)}\n${body}`;
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();

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
    'posts/backspace.md': post(['pubDate: 2024-01-01'], 'Body.\n').replace('description: "A description."', 'description: "Backspace \\b inside"'),
    'posts/escape-tag.md': post(['pubDate: 2024-01-01', 'tags: [fine, "\\e[31m"]']),
    'posts/raw-control.md': post(['pubDate: 2024-01-01'], 'First line.\n\nA bell \u0007 in the body.\n'),
    'posts/spaced-key.md': post(['pubDate : 2024-02-30']),
    'posts/quoted-key.md': post(['"pubDate": 2024-02-30']),
    'posts/undefined-name.mdx': post(['pubDate: 2024-01-01'], 'Intro.\n\nif a < b then {x}\n'),
    'posts/backticks.mdx': post(['pubDate: 2024-01-01'], 'Mismatched ``code` then <img src=x onerror="alert(1)"> here.\n'),
    'posts/sub/nested.mdx': post(['pubDate: 2024-01-01']),
    'posts/Bad Name.md': post(['pubDate: 2024-01-01']),
    'posts/reserved.md': post(['pubDate: 2024-01-01', 'bodyWords: 3']),
    'posts/hero-missing.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./missing.png', '  alt: "A chart"']),
    'posts/not-an-image.png': 'this is text, not a PNG',
    'posts/hero-not-image.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./not-an-image.png', '  alt: "A chart"']),
    'posts/tiny.png': png(1, 1),
    'posts/hero-tiny.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./tiny.png', '  alt: "A dot"']),
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
    ['undefined-name.mdx', ':11', 'the expression {x} uses "x", which this post never defines; write a literal { as \\{ or use `code`'],
    ['reserved.md', ':7 (bodyWords)', '"bodyWords" is filled in by the build and cannot be set in frontmatter'],
    ['hero-missing.md', ' (heroImage.src)', `"./missing.png" does not exist (looked for ${join(broken, 'posts/missing.png')})`],
    ['hero-not-image.md', ' (heroImage.src)', '"./not-an-image.png" is not an image that can be read (JPEG, PNG, WebP, AVIF, GIF or SVG)'],
    ['hero-tiny.md', ' (heroImage.src)', '"./tiny.png" is 1×1 px, smaller than the 1200×630 px social card it becomes; use a larger image or set heroImage.socialCard: false'],
  ])('%s', (file, place, reason) => {
    expect(output).toContain(`${shown(file)}${place}: ${reason}\n`);
  });

  it('a post in a subfolder, and a file name that is not a URL slug', () => {
    expect(output).toContain(`${shown('sub/nested.mdx')}: posts live directly in ${relative(ROOT, join(broken, 'posts'))}/ (a post's URL is /posts/<file name>/); move it to ${shown('nested.mdx')}\n`);
    expect(output).toContain(`${shown('Bad Name.md')}: the file name "Bad Name" becomes the post's URL and must be lowercase letters, digits and hyphens; rename it to bad-name.md\n`);
  });

  it('mismatched backticks cannot smuggle HTML past the MDX parser', () => {
    expect(output).toContain(`${shown('backticks.mdx')}: MDX syntax error at 9:25: Unexpected character after `<`, expected a valid JSX tag`);
  });

  it('prints no stack trace', () => {
    expect(output).toContain('[InvalidContent]');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Stack trace');
  });
});

describe('near-misses build', () => {
  it('a trailing YAML comment on a date, a timestamp, and a small hero kept off social cards', async () => {
    const dir = await write(join(root, 'fine'), {
      'posts/commented.md': post(['pubDate: 2024-02-28 # first draft']),
      'posts/timestamp.mdx': post(['pubDate: "2024-02-28T10:00:00+02:00"'], 'Text with an {props.unused ?? "expression"} and `{x}` in code.\n'),
      'posts/tiny.png': png(1, 1),
      'posts/small-hero.md': post(['pubDate: 2024-01-01', 'heroImage:', '  src: ./tiny.png', '  alt: "A dot"', '  socialCard: false']),
    });
    const result = await buildSite('content-safety-fine', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(true);
  });
});
