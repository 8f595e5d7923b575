import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generatePost, generatePosts, mulberry32, TAGS, type FixtureOptions } from '../../../bench/lib/fixtures';
import { analysePost } from '../../../src/lib/content/post-source';

const REAL = { categories: ['crypto-basics', 'research'], authors: ['token-metrics-team'] };
const mdx: FixtureOptions = { format: 'mdx', seed: 42, ...REAL };
const md: FixtureOptions = { format: 'md', seed: 42, ...REAL };

/** The keys content.config.ts accepts (its schema is strict). */
const ALLOWED_KEYS = new Set([
  'title',
  'description',
  'pubDate',
  'updatedDate',
  'category',
  'author',
  'tags',
  'heroImage',
  'draft',
  'featured',
  'faq',
]);

function frontmatterOf(source: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error('no frontmatter block');
  // The core schema plus YAML timestamps, so dates come back as Dates.
  return parseYaml(match[1]!, { customTags: ['timestamp'] }) as Record<string, unknown>;
}

describe('fixture generator', () => {
  it('is deterministic: same seed and index give the same bytes', () => {
    const a = [...generatePosts(20, mdx)].map((p) => p.source);
    const b = [...generatePosts(20, mdx)].map((p) => p.source);
    expect(a).toEqual(b);
    expect(generatePost(7, mdx).source).toBe(a[7]);
  });

  it('changes with the seed, and post i does not depend on the set size', () => {
    expect(generatePost(3, { ...mdx, seed: 43 }).source).not.toBe(generatePost(3, mdx).source);
    const small = [...generatePosts(10, mdx)];
    const large = [...generatePosts(50, mdx)].slice(0, 10);
    expect(large).toEqual(small);
  });

  it('has a seeded PRNG in [0, 1)', () => {
    const rng = mulberry32(1);
    const xs = Array.from({ length: 1000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mulberry32(1)()).toBe(xs[0]);
  });

  it('spreads over a large vocabulary, as real prose does: most words occur in few posts, a topic’s words in its own posts', () => {
    const posts = [...generatePosts(300, mdx)];
    const postsWith = new Map<string, number>();
    for (const post of posts)
      for (const w of new Set(post.body.toLowerCase().match(/[a-z][a-z-]+/g)))
        postsWith.set(w, (postsWith.get(w) ?? 0) + 1);
    expect(postsWith.size).toBeGreaterThan(5000);
    const inHalf = [...postsWith.values()].filter((n) => n > posts.length / 2).length;
    expect(inHalf / postsWith.size).toBeLessThan(0.03);
    const staking = posts.filter((p) => p.frontmatter.title.includes('Ethereum staking'));
    const withValidators = (ps: typeof posts) => ps.filter((p) => /\bvalidators\b/i.test(p.body)).length / ps.length;
    expect(staking.length).toBeGreaterThan(3);
    expect(withValidators(staking)).toBeGreaterThan(0.9);
    expect(withValidators(posts)).toBeLessThan(0.2);
  });

  it('writes 1,000–1,500 words per post, as the site counts them', () => {
    for (const post of generatePosts(150, mdx)) {
      const { words } = analysePost(post.source, 'mdx', { dateFields: [], reservedFields: [] });
      expect(words, post.id).toBeGreaterThanOrEqual(1000);
      expect(words, post.id).toBeLessThanOrEqual(1500);
    }
  });

  it('writes valid frontmatter for the posts schema, with real categories and authors', () => {
    const categoriesSeen = new Set<string>();
    const ids = new Set<string>();
    for (const post of generatePosts(200, md)) {
      const data = frontmatterOf(post.source);
      for (const key of Object.keys(data)) expect(ALLOWED_KEYS.has(key), `${post.id}: ${key}`).toBe(true);
      expect(typeof data['title']).toBe('string');
      expect((data['title'] as string).length).toBeGreaterThanOrEqual(1);
      expect((data['title'] as string).length).toBeLessThanOrEqual(300);
      expect(typeof data['description']).toBe('string');
      expect(data['pubDate']).toBeInstanceOf(Date);
      expect((data['pubDate'] as Date).getTime()).toBeLessThan(Date.UTC(2026, 0, 1));
      if (data['updatedDate'] !== undefined)
        expect((data['updatedDate'] as Date) >= (data['pubDate'] as Date)).toBe(true);
      expect(REAL.categories).toContain(data['category']);
      expect(REAL.authors).toContain(data['author']);
      const tags = data['tags'] as string[];
      expect(tags.length).toBeGreaterThanOrEqual(2);
      expect(new Set(tags).size).toBe(tags.length);
      for (const tag of tags) expect(TAGS).toContain(tag);
      categoriesSeen.add(data['category'] as string);
      expect(ids.has(post.id)).toBe(false);
      ids.add(post.id);
      expect(post.fileName).toBe(`${post.id}.md`);
    }
    expect(categoriesSeen).toEqual(new Set(REAL.categories));
  });

  it('references categories and authors that exist in src/content', () => {
    for (const c of REAL.categories) expect(existsSync(resolve('src/content/categories', `${c}.json`))).toBe(true);
    for (const a of REAL.authors) expect(existsSync(resolve('src/content/authors', `${a}.json`))).toBe(true);
  });

  it('includes headings, lists, links, emphasis, and code blocks in some posts', () => {
    const posts = [...generatePosts(100, mdx)];
    for (const post of posts) {
      expect(post.body).toMatch(/^## /m);
      expect(post.body).toMatch(/^- /m);
      expect(post.body).toMatch(/\]\(https:\/\//);
      expect(post.body).toMatch(/\*\*?\w/);
    }
    const withCode = posts.filter((p) => /^```\w+/m.test(p.body)).length;
    expect(withCode).toBeGreaterThan(10);
    expect(withCode).toBeLessThan(60);
    expect(posts.some((p) => p.body.includes('<Callout'))).toBe(true);
  });

  it('keeps MDX-only syntax out of .md posts', () => {
    for (const post of generatePosts(100, md)) expect(post.body).not.toContain('<Callout');
  });
});
