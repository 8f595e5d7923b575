/**
 * The content checks that need a whole build: tag pages (src/lib/content/tags.ts),
 * survey names and labels (src/lib/chart/survey-schema.ts) and internal links in
 * article bodies (src/integrations/link-check.ts). Each build reads a fixture
 * content folder (CONTENT_DIR) with good posts and the broken ones; a failing
 * build lists every problem, so one build covers each check.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TMP_ROOT } from '../support/build-site';
import { elements } from '../support/dist';

const fixturesRoot = join(TMP_ROOT, 'content-checks-fixtures');
afterAll(() => rmSync(fixturesRoot, { recursive: true, force: true }));

const post = (title: string, tags: string[], body: string) =>
  [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: "A fixture post."',
    'pubDate: 2024-01-01',
    'category: research',
    'author: token-metrics-team',
    `tags: ${JSON.stringify(tags)}`,
    '---',
    '',
    body,
    '',
  ].join('\n');

/** Writes a content folder; returns its path relative to the project root, as messages print it. */
function fixture(name: string, files: Record<string, string>): string {
  const dir = join(fixturesRoot, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return relative(ROOT, dir);
}

/** Every link form the check must accept, in a post that builds. */
const goodLinks = [
  '## Section One',
  '',
  'Links: [another post](/posts/csharp/), [relative](../csharp/), [same origin](https://research.example.com/posts/cpp/#section-one),',
  '[a heading here](#section-one), [a heading there](/posts/csharp/#other-heading), [the top](#), [top again](#top),',
  '[a renamed post](/posts/old-csharp/#other-heading), [the feed](/rss.xml), [home](/), [mail](mailto:team@example.com),',
  '[elsewhere](https://example.org/no-such-page/) and <a href="/tags/c-sharp/">a tag page</a>, with a note.[^1]',
  '',
  '[^1]: Footnote links point both ways.',
].join('\n');

/** The output's non-blank lines (Astro puts a blank line after some headers). */
const lines = (output: string) =>
  output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');

describe('content checks in the build', () => {
  it('C++ and C# get two tag pages with their own titles, and every good link form passes the link check', async () => {
    const dir = fixture('good', {
      'posts/cpp.mdx': post('Pointers in C++', ['C++'], goodLinks),
      'posts/csharp.mdx': post('Records in C#', ['C#'], '## Other heading\n\nBody text.'),
      'redirects.json': JSON.stringify({ 'old-csharp': 'csharp' }),
    });
    const result = await buildSite('content-checks-good', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('internal links checked in 2 articles');

    const tagPage = (slug: string) => elements(readFileSync(join(result.distDir, 'tags', slug, 'index.html'), 'utf8'));
    const heading = (slug: string) => tagPage(slug).find((e) => e.name === 'h1')?.text;
    expect(heading('c-plus-plus')).toBe('#C++');
    expect(heading('c-sharp')).toBe('#C#');
    expect(tagPage('c-sharp').find((e) => e.name === 'title')?.text).toMatch(/^Posts tagged #C# /);

    const chip = (id: string) =>
      elements(readFileSync(join(result.distDir, 'posts', id, 'index.html'), 'utf8')).find(
        (e) => e.name === 'a' && e.attributes.rel === 'tag',
      );
    expect(chip('cpp')).toMatchObject({ text: '#C++', attributes: { href: '/tags/c-plus-plus/' } });
    expect(chip('csharp')).toMatchObject({ text: '#C#', attributes: { href: '/tags/c-sharp/' } });
  });

  it('two spellings of one tag and a tag with no URL stop the build, naming the files and fields', async () => {
    const dir = fixture('tags', {
      'posts/good.mdx': post('Good', ['fine'], 'Body text.'),
      'posts/ai-lower.mdx': post('Lower', ['ai'], 'Body text.'),
      'posts/ai-upper.mdx': post('Upper', ['AI'], 'Body text.'),
      'posts/bang.mdx': post('Bang', ['fine', '!!!'], 'Body text.'),
    });
    const result = await buildSite('content-checks-tags', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    const output = lines(result.output);
    const start = output.findIndex((line) => line.startsWith('[InvalidContent]'));
    expect(output.slice(start, start + 2), result.output).toEqual([
      `[InvalidContent] ${dir}/posts/ai-upper.mdx (tags.0): tag "AI" and tag "ai" in ${dir}/posts/ai-lower.mdx would share the page tags/ai/; spell them the same`,
      `${dir}/posts/bang.mdx (tags.1): tag "!!!" has no letters or digits to make its page URL from`,
    ]);
    expect(result.output).not.toContain('Missing parameter');
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('a survey with one name or one label twice stops the build at entries.N.name / entries.N.label, naming both entries', async () => {
    const dir = fixture('survey', {
      'posts/good.mdx': post('Good', [], '## Alpha\n\n## Beta\n\n## Gamma\n\nBody text.'),
      'surveys/dupes.json': JSON.stringify({
        title: 'T',
        question: 'Q?',
        year: 2024,
        source: { name: 'S' },
        licence: { name: 'L' },
        article: 'good',
        entries: [
          { name: 'DeFi', label: 'Finance', share: 40, rank: 1, section: 'alpha' },
          { name: ' defi', share: 30, rank: 2, section: 'beta' },
          { name: 'AI', label: 'FINANCE', share: 20, rank: 3, section: 'gamma' },
        ],
      }),
    });
    const result = await buildSite('content-checks-survey', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    const output = lines(result.output);
    const start = output.findIndex((line) => line.startsWith('[InvalidContent]'));
    expect(output.slice(start, start + 3), result.output).toEqual([
      `[InvalidContent] ${dir}/surveys/dupes.json: surveys → dupes data does not match collection schema.`,
      '  entries.1.name: "defi" repeats the name of entries.0 "DeFi"; names must differ, ignoring case',
      '  entries.2.label: entry "AI" is shown as "FINANCE", like entries.0 "DeFi" (shown as "Finance"); labels must differ, ignoring case',
    ]);
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it('a link to no page and a #fragment that is no id stop the build, each at its source line', async () => {
    const dir = fixture('links', {
      'posts/good.mdx': post('Good', [], '## Real heading\n\nBody text.'),
      'posts/broken.md': post(
        'Broken',
        [],
        [
          'Intro with [a missing post](/no-such-post/).', // line 10
          '',
          'A [bad fragment](#nope) and [a fragment of another post](/posts/good/#missing).', // line 12
          '',
          'A [relative](../gone/) one, and [a good one](/posts/good/#real-heading).', // line 14
          '',
          '<p><a href="/posts/good/#also-missing">raw HTML</a></p>', // line 16
        ].join('\n'),
      ),
    });
    const result = await buildSite('content-checks-links', { CONTENT_DIR: dir });
    expect(result.ok, result.output).toBe(false);
    const output = lines(result.output);
    const start = output.findIndex((line) => line.startsWith('[InvalidContent]'));
    expect(output.slice(start, start + 5), result.output).toEqual([
      `[InvalidContent] ${dir}/posts/broken.md:10: link to /no-such-post/ points to no page`,
      `${dir}/posts/broken.md:12: link to #nope points to no element with id "nope"`,
      `${dir}/posts/broken.md:12: link to /posts/good/#missing points to no element with id "missing"`,
      `${dir}/posts/broken.md:14: link to ../gone/ points to no page`,
      `${dir}/posts/broken.md:16: link to /posts/good/#also-missing points to no element with id "also-missing"`,
    ]);
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
