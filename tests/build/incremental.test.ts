/**
 * Incremental builds (experimental.incrementalBuild, keys in src/collections/page-cache-keys.ts):
 * a build that reuses the pages of an earlier build in the same cache folder writes the same
 * bytes as a clean build of the same content, search index included. The edits are the ones a
 * deploy sees most: a title (shown on other posts' pages and every listing), one body line, and
 * a deleted post (its neighbours' links change, its page and card must go).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, TMP_ROOT } from '../support/build-site';
import { diffTrees, treeFiles } from '../../bench/lib/tree-diff';
import { generatePost, type FixturePost } from '../../bench/lib/fixtures';
import { realIds } from '../../bench/generate-fixtures';
import config from '../../astro.config.mjs';
import { CODE_FINGERPRINT_FILE, OWN_CACHE_FILES, codeFingerprint } from '../../src/lib/build/code-fingerprint';
import { postHtmlDir } from '../../src/lib/content/post-html-files';
import { SHARD_MANIFEST, parseShardManifest } from '../../src/lib/search/shards';

const WORK = join(TMP_ROOT, 'incremental');
const CONTENT = join(WORK, 'content');
const POSTS = join(CONTENT, 'posts');
/** One cache folder across the builds, as the deploy workflow keeps it between runs. */
const SHARED_CACHE = join(WORK, 'shared-cache');
const NEW_WORD = 'quorvexalith';

const options = (format: 'md' | 'mdx') => ({
  format,
  seed: 7,
  categories: realIds('categories'),
  authors: realIds('authors'),
});
// MDX posts (a render module each, tracked by Astro) and Markdown posts (HTML kept in the content store).
const posts: FixturePost[] = [
  ...Array.from({ length: 6 }, (_, i) => generatePost(i, options('mdx'))),
  ...Array.from({ length: 3 }, (_, i) => generatePost(6 + i, options('md'))),
];
const [retitled, , deleted] = posts;
const bodyEdited = posts.at(-1)!;

/** Each search bundle's page fragments as text, newest bundle first (gzip'd JSON behind a "pagefind_dcd" signature). */
const fragmentsByBundle = (dist: string): string[][] =>
  parseShardManifest(readFileSync(join(dist, 'pagefind', SHARD_MANIFEST), 'utf8')).bundles.map((bundle) => {
    const folder = join(dist, 'pagefind', bundle, 'fragment');
    return readdirSync(folder).map((name) => gunzipSync(readFileSync(join(folder, name))).toString('utf8'));
  });

/** The text of every page in the search index, over its shards. */
const indexedText = (dist: string) => fragmentsByBundle(dist).flat().join('\n');

/** Small enough that the nine posts make shards, so that rebuilds keep the unchanged ones (src/lib/search/shard-cache.ts). */
const SHARD_SIZE = 4;

async function buildWithOutput(name: string, cacheDir: string): Promise<{ distDir: string; output: string }> {
  const result = await buildSite(name, {
    CONTENT_DIR: CONTENT,
    ASTRO_CACHE_DIR: cacheDir,
    SEARCH_SHARD_MAX_ARTICLES: String(SHARD_SIZE),
  });
  expect(result.ok, result.output).toBe(true);
  return { distDir: result.distDir, output: result.output };
}

const build = async (name: string, cacheDir: string) => (await buildWithOutput(name, cacheDir)).distDir;

let before = '';
let incremental = '';
let clean = '';

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(POSTS, { recursive: true });
  for (const post of posts) writeFileSync(join(POSTS, post.fileName), post.source);
  before = await build('incremental-before', SHARED_CACHE);
});

beforeAll(async () => {
  const title = `title: ${JSON.stringify(retitled!.frontmatter.title)}`;
  expect(retitled!.source).toContain(title);
  writeFileSync(
    join(POSTS, retitled!.fileName),
    retitled!.source.replace(title, `title: ${JSON.stringify(`Revised: ${retitled!.frontmatter.title}`)}`),
  );
  writeFileSync(join(POSTS, bodyEdited.fileName), `${bodyEdited.source}\nA line added later names ${NEW_WORD}.\n`);
  rmSync(join(POSTS, deleted!.fileName));
  incremental = await build('incremental-after', SHARED_CACHE);
  clean = await build('incremental-clean', join(WORK, 'clean-cache'));
});

describe('incremental builds', () => {
  it('are on, so the builds below reuse pages rather than render them all again', () => {
    expect(config.experimental?.incrementalBuild).toBe(true);
  });

  it('write the same bytes as a clean build of the same content, search index included', () => {
    expect(diffTrees(clean, incremental)).toMatchObject({ onlyInFirst: [], onlyInSecond: [], differing: [] });
    expect(treeFiles(clean).some((f) => f.startsWith('pagefind/shard-2/'))).toBe(true);
  });

  it('follow every edit: the new title on other pages, the new line in search, the deleted post gone', () => {
    const home = (dist: string) => readFileSync(join(dist, 'posts/index.html'), 'utf8');
    expect(home(before)).not.toContain('Revised: ');
    expect(home(incremental)).toContain(`Revised: ${retitled!.frontmatter.title}`);
    expect(indexedText(before)).not.toContain(NEW_WORD);
    expect(indexedText(incremental)).toContain(NEW_WORD);
    expect(existsSync(join(before, 'posts', deleted!.id, 'index.html'))).toBe(true);
    expect(existsSync(join(incremental, 'posts', deleted!.id))).toBe(false);
    expect(readdirSync(join(incremental, 'social/cards/posts'))).not.toContain(`${deleted!.id}.png`);
  });

  it('build every page again when the cache folder was filled by other code than this', async () => {
    // The fingerprint the earlier builds recorded names this tree's code; another tree's would differ.
    const recorded = readFileSync(join(SHARED_CACHE, CODE_FINGERPRINT_FILE), 'utf8').trim();
    expect(recorded).toBe(codeFingerprint(process.cwd()));
    writeFileSync(join(SHARED_CACHE, CODE_FINGERPRINT_FILE), `${'0'.repeat(64)}\n`);
    // A link-check scan left by that other code, claiming a broken link in a page this build writes again:
    // a cold build must not trust it (were it read, the link check would fail the build).
    const article = readFileSync(join(clean, 'posts', bodyEdited.id, 'index.html'), 'utf8');
    const key = createHash('sha256').update(article).digest('base64url');
    writeFileSync(
      join(SHARED_CACHE, OWN_CACHE_FILES.linkCheckScans),
      JSON.stringify({ [key]: { hasBody: true, bodyLinks: ['/no-such-page/'], ids: [] } }),
    );
    const forced = await buildWithOutput('incremental-forced', SHARED_CACHE);
    expect(forced.output).toContain('changed since the cache folder was filled: every page is built again');
    // The search index's kept shards are the other code's too: every shard is indexed again.
    expect(forced.output).toMatch(/Pagefind indexed 8 pages \(2 shards: 4, 4\) in/);
    expect(diffTrees(clean, forced.distDir)).toMatchObject({ onlyInFirst: [], onlyInSecond: [], differing: [] });
    expect(readFileSync(join(SHARED_CACHE, CODE_FINGERPRINT_FILE), 'utf8').trim()).toBe(recorded);
  });

  it('keep a Markdown post’s HTML out of the content store, and render it again when its file is gone', async () => {
    const htmlDir = postHtmlDir(SHARED_CACHE, 'build');
    const htmlWith = (word: string) =>
      readdirSync(htmlDir).filter((name) => readFileSync(join(htmlDir, name), 'utf8').includes(word));
    // Astro bundles data-store.json into the build whole; the edited line lives in one HTML file instead.
    expect(readFileSync(join(SHARED_CACHE, 'data-store.json'), 'utf8')).not.toContain(NEW_WORD);
    expect(htmlWith(NEW_WORD)).toHaveLength(1);
    // The older render of the edited body was pruned: the same files as a cache filled once by this content.
    expect(readdirSync(htmlDir).sort()).toEqual(readdirSync(postHtmlDir(join(WORK, 'clean-cache'), 'build')).sort());
    // A cache folder restored without these files (or from another path) must not build empty articles.
    rmSync(htmlDir, { recursive: true });
    const rebuilt = await buildWithOutput('incremental-html-restored', SHARED_CACHE);
    expect(diffTrees(clean, rebuilt.distDir)).toMatchObject({ onlyInFirst: [], onlyInSecond: [], differing: [] });
    // The same pages as the build before: the search index is reused, not indexed again.
    expect(rebuilt.output).toMatch(
      /Pagefind indexed 8 pages \(2 shards: 4, 4; unchanged: reused from the cache folder\)/,
    );
    expect(htmlWith(NEW_WORD)).toHaveLength(1);
  });
});

/** The ids of the articles each search bundle holds, newest bundle first, read from its fragments' URLs. */
const articlesByBundle = (dist: string): string[][] =>
  fragmentsByBundle(dist).map((fragments) =>
    fragments.map((text) => (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url.split('/').at(-2)!),
  );

/** One word of a post's body swapped for another, so the post's page changes and no other page does. */
function swapBodyWord(id: string, word: string): void {
  const file = join(POSTS, posts.find((post) => post.id === id)!.fileName);
  const source = readFileSync(file, 'utf8');
  const bodyStart = source.indexOf('\n---\n', 4) + 5;
  expect(source.slice(bodyStart)).toContain(' the ');
  writeFileSync(file, source.slice(0, bodyStart) + source.slice(bodyStart).replace(' the ', ` ${word} `));
}

describe('incremental builds that index one search shard and keep the other', () => {
  it('write each shard into a folder of its own bytes only, whichever shards the build before indexed', async () => {
    const [newest, older] = articlesByBundle(clean);
    expect(newest!.length).toBeGreaterThan(0);
    expect(older!.length).toBeGreaterThan(0);
    // The newest shard is indexed while the older one is restored into its folder inside the newest's.
    swapBodyWord(newest![0]!, 'zelqarind');
    const first = await buildWithOutput('incremental-newest-shard', SHARED_CACHE);
    expect(first.output).toMatch(/\(2 shards: 4, 4; 1 unchanged shard reused from the cache folder\)/);
    // Now the newest shard is restored from what that build kept, and the older one indexed.
    swapBodyWord(older![0]!, 'mirvashen');
    const second = await buildWithOutput('incremental-older-shard', SHARED_CACHE);
    expect(second.output).toMatch(/\(2 shards: 4, 4; 1 unchanged shard reused from the cache folder\)/);
    const cleanAgain = await build('incremental-older-shard-clean', join(WORK, 'clean-cache-2'));
    expect(diffTrees(cleanAgain, second.distDir)).toMatchObject({ onlyInFirst: [], onlyInSecond: [], differing: [] });
    expect(indexedText(second.distDir)).toContain('mirvashen');
  });
});
