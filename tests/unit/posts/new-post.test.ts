import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  bodySkeleton,
  devUrl,
  frontmatterText,
  newPostProblems,
  parseNewPostArgs,
  postFileText,
  postIdFromPath,
  postSlug,
  pubDateFor,
  type ExistingContent,
} from '../../../src/lib/posts/new-post';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { publicationState } from '../../../src/lib/posts/publishing';

const ROOT = resolve(import.meta.dirname, '../../..');

const existing: ExistingContent = {
  postIds: new Set(['hello-world']),
  redirectSources: new Set(['old-name']),
  categories: new Set(['research', 'crypto-basics']),
  authors: new Set(['token-metrics-team']),
};

describe('new-post: arguments', () => {
  it('takes a title and --category, with optional author, tags and description', () => {
    expect(parseNewPostArgs(['My Title', '--category', 'research'])).toEqual({
      title: 'My Title',
      category: 'research',
      tags: [],
    });
    expect(
      parseNewPostArgs([
        'My',
        'Title',
        '--category=research',
        '--tags',
        'a, b,,c',
        '--author',
        'x',
        '--description',
        'D',
      ]),
    ).toEqual({
      title: 'My Title',
      category: 'research',
      author: 'x',
      tags: ['a', 'b', 'c'],
      description: 'D',
    });
  });
  it('explains what is missing or unknown', () => {
    expect(parseNewPostArgs(['--category', 'research'])).toEqual({
      error: expect.stringMatching(/^Give the post a title/),
    });
    expect(parseNewPostArgs(['T'])).toEqual({ error: expect.stringMatching(/--category <id>/) });
    expect(parseNewPostArgs(['T', '--category'])).toEqual({ error: expect.stringMatching(/--category needs a value/) });
    expect(parseNewPostArgs(['T', '--colour', 'red'])).toEqual({
      error: expect.stringMatching(/Unknown option --colour/),
    });
  });
});

describe('new-post: slug and ids', () => {
  it('slugs titles with github-slugger, as Astro does for file names', () => {
    expect(postSlug('My Title')).toBe('my-title');
    expect(postSlug('Top Crypto Narratives in 2024: Moon Awards!')).toBe('top-crypto-narratives-in-2024-moon-awards');
    expect(postSlug('  A -- B  ')).toBe('a-b');
    expect(postSlug('!!!')).toBe('');
  });
  it('derives post ids from paths like the glob loader', () => {
    expect(postIdFromPath('Hello-World.mdx')).toBe('hello-world');
    expect(postIdFromPath('nested/index.md')).toBe('nested');
    expect(postIdFromPath('_draft-notes.mdx')).toBeUndefined();
    expect(postIdFromPath('image.png')).toBeUndefined();
  });
});

/** The post's state at `now` once the author sets draft: false, reading pubDate as the schema does. */
function stateOnceUndrafted(fileText: string, now: Date) {
  const frontmatter = parseYaml(fileText.split('---\n')[1]!) as { pubDate: unknown; draft: boolean };
  expect(frontmatter.draft).toBe(true);
  return publicationState({ draft: false, pubDate: z.coerce.date().parse(frontmatter.pubDate) }, now);
}

// Midnight where the author is, as instants: Tokyo is UTC+9, Los Angeles UTC-8 in January.
const TOKYO_MIDNIGHT = Date.parse('2026-01-14T15:00:00Z'); // 2026-01-15 00:00 in Tokyo
const LOS_ANGELES_MIDNIGHT = Date.parse('2026-01-15T08:00:00Z'); // 2026-01-15 00:00 in Los Angeles
const aroundMidnight = (midnight: number) =>
  [-60_000, -1000, 0, 1000, 60_000, 30 * 60_000].map((offset) => new Date(midnight + offset));

describe('new-post: pubDate is the UTC day, so a post created now is published now', () => {
  it('writes the UTC day of the moment, not the local one', () => {
    expect(pubDateFor(new Date('2026-01-14T15:30:00Z'))).toBe('2026-01-14'); // 00:30 on the 15th in Tokyo
    expect(pubDateFor(new Date('2026-01-15T07:30:00Z'))).toBe('2026-01-15'); // 23:30 on the 14th in Los Angeles
    expect(pubDateFor(new Date('2026-01-15T00:00:00Z'))).toBe('2026-01-15');
    expect(pubDateFor(new Date('2026-01-14T23:59:59.999Z'))).toBe('2026-01-14');
  });

  it.each([
    ['Asia/Tokyo', TOKYO_MIDNIGHT],
    ['America/Los_Angeles', LOS_ANGELES_MIDNIGHT],
  ])('around midnight in %s the new post is published at the moment it was created', (zone, midnight) => {
    // Node applies a TZ change at once; this file's process is vitest's own fork, restored after.
    const previous = process.env.TZ;
    process.env.TZ = zone;
    onTestFinished(() => {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    });
    expect([new Date(midnight).getDate(), new Date(midnight).getHours()]).toEqual([15, 0]);
    for (const now of aroundMidnight(midnight)) {
      const text = postFileText({ title: 'T', category: 'research', author: 'a', tags: [], date: now });
      expect(stateOnceUndrafted(text, now), now.toISOString()).toBe('published');
    }
  });
});

describe('new-post: validation', () => {
  const check = (slug: string, category = 'research', author = 'token-metrics-team') =>
    newPostProblems({ slug, category, author }, existing);
  it('accepts a fresh slug with a known category and author', () => {
    expect(check('a-new-post')).toEqual([]);
  });
  it('refuses an existing slug', () => {
    expect(check('hello-world')).toEqual([
      expect.stringContaining('A post with the slug "hello-world" already exists'),
    ]);
  });
  it('refuses the old slug of a renamed post (a redirect source)', () => {
    expect(check('old-name')).toEqual([expect.stringContaining('old URL of a renamed post')]);
  });
  it('refuses an unknown category and lists the known ones', () => {
    expect(check('x', 'nope')).toEqual(['Unknown category "nope". Known categories: crypto-basics, research.']);
  });
  it('refuses an unknown author, an empty slug and a slug with no letter', () => {
    expect(check('x', 'research', 'nobody')[0]).toMatch(/^Unknown author "nobody"/);
    expect(check('')[0]).toMatch(/no letters or digits/);
    expect(check('2024')[0]).toMatch(
      /"2024" has no letter and would collide with the listing pages such as \/posts\/2\//,
    );
    expect(check('2025-10-01')[0]).toMatch(/"2025-10-01" has no letter/);
  });
});

describe('new-post: file text', () => {
  const input = {
    title: 'Say "Hi": A Guide',
    category: 'research',
    author: 'token-metrics-team',
    tags: ['a b'],
    date: new Date('2026-03-04T12:00:00Z'),
  };
  it('writes frontmatter the schema accepts: a draft, dated today, by the default author', () => {
    const fm = frontmatterText(input);
    const active = fm.split('\n').filter((l) => l && !l.startsWith('#') && l !== '---');
    expect(active).toEqual([
      'title: "Say \\"Hi\\": A Guide"',
      'description: "TODO: one or two sentences for cards, search results, feeds and social previews."',
      'pubDate: 2026-03-04',
      'category: research',
      'author: token-metrics-team',
      'tags: ["a b"]',
      'draft: true',
    ]);
    expect(fm.startsWith('---\n')).toBe(true);
    expect(fm.endsWith('---\n')).toBe(true);
  });
  it('shows the optional fields (heroImage with alt, faq, updatedDate, featured) as comments', () => {
    const fm = frontmatterText(input);
    for (const field of ['# heroImage:', '#   alt:', '# faq:', '#   - question:', '# updatedDate:', '# featured:'])
      expect(fm).toContain(field);
  });
  it('shows the MDX components: a live Callout, VoteChart and an image as a commented example', () => {
    const body = bodySkeleton();
    expect(body).toMatch(/<Callout type="tip"[\s\S]*<\/Callout>/);
    expect(body).toMatch(/\{\/\*[\s\S]*<VoteChart survey="[a-z0-9-]+" \/>[\s\S]*alt="[\s\S]*\*\/\}/);
    expect(postFileText(input)).toBe(frontmatterText(input) + body);
  });
  it('prints the dev URL under the base path', () => {
    expect(devUrl('my-title', '/')).toBe('http://localhost:4321/posts/my-title/');
    expect(devUrl('my-title', '/blog/')).toBe('http://localhost:4321/blog/posts/my-title/');
    expect(devUrl('my-title', '/blog/', 'http://localhost:3000/')).toBe('http://localhost:3000/blog/posts/my-title/');
  });
});

describe('npm run new-post (the script, against a temporary CONTENT_DIR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-post-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const realPosts = readdirSync(join(ROOT, 'src/content/posts')).sort();

  function run(args: string[], env: Record<string, string> = {}) {
    const clean = { ...process.env };
    for (const key of ['SITE', 'BASE', 'BASE_URL', 'CONTENT_DIR']) delete clean[key];
    return spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/new-post.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...clean, CONTENT_DIR: dir, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  }

  it('creates <slug>.mdx in $CONTENT_DIR/posts and prints the dev URL', () => {
    const result = run(['My First Post', '--category', 'research'], {
      BASE: '/blog/',
      SOURCE_DATE_EPOCH: String(Date.parse('2026-03-04T12:00:00Z') / 1000),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(dir, 'posts/my-first-post.mdx');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: "My First Post"');
    expect(text).toContain('draft: true');
    expect(text).toContain('author: token-metrics-team');
    expect(text).toContain('pubDate: 2026-03-04\n');
    expect(result.stdout).toContain('http://localhost:4321/blog/posts/my-first-post/');
  });

  // The script reads the publishing rule's clock (SOURCE_DATE_EPOCH) and runs in the author's zone (TZ).
  it.each([
    ['Asia/Tokyo', TOKYO_MIDNIGHT + 30 * 60_000, '2026-01-14'], // 00:30 on the 15th in Tokyo
    ['America/Los_Angeles', LOS_ANGELES_MIDNIGHT - 30 * 60_000, '2026-01-15'], // 23:30 on the 14th in Los Angeles
  ])('run in %s around local midnight, it writes a post a build at that moment publishes', (zone, instant, day) => {
    const slug = `created-in-${zone.toLowerCase().replace(/\W+/g, '-')}`;
    const result = run([slug, '--category', 'research'], { TZ: zone, SOURCE_DATE_EPOCH: String(instant / 1000) });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, `posts/${slug}.mdx`), 'utf8');
    expect(text).toContain(`pubDate: ${day}\n`);
    expect(stateOnceUndrafted(text, new Date(instant))).toBe('published');
  });

  it('refuses an existing slug, leaving the file as it was', () => {
    const file = join(dir, 'posts/my-first-post.mdx');
    writeFileSync(file, 'edited by the author');
    const result = run(['My first post!', '--category', 'research']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('A post with the slug "my-first-post" already exists');
    expect(readFileSync(file, 'utf8')).toBe('edited by the author');
  });

  it('refuses an unknown category with the list of known ones', () => {
    const result = run(['Another Post', '--category', 'reserch']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unknown category "reserch". Known categories: crypto-basics, research.');
    expect(existsSync(join(dir, 'posts/another-post.mdx'))).toBe(false);
  });

  it('refuses a slug listed as a redirect source in $CONTENT_DIR/redirects.json', () => {
    writeFileSync(join(dir, 'redirects.json'), JSON.stringify({ 'renamed-away': 'my-first-post' }));
    const result = run(['Renamed Away', '--category', 'research']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('old URL of a renamed post');
  });

  it('never wrote into the real src/content/posts', () => {
    mkdirSync(join(dir, 'posts'), { recursive: true });
    expect(readdirSync(join(ROOT, 'src/content/posts')).sort()).toEqual(realPosts);
  });
});
