import { globSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/env';
import { BUNDLE_DIR } from '../../../src/lib/search/pagefind-index';
import {
  SEARCH_BUNDLE_DIR,
  isOwnCache,
  offlineSettings,
  requestKind,
  runtimeCacheNames,
  savedArticlePaths,
} from '../../../src/lib/offline/names';
import {
  ARTICLE_GLOBS,
  HASHED_URL,
  INDEX_GLOBS,
  SHELL_GLOBS,
  planPrecache,
  precacheUrl,
} from '../../../src/lib/offline/precache-plan';
import { headersFile } from '../../../src/lib/security/headers';

const KB = 1024;

describe('what the worker precaches', () => {
  it('takes every article and the whole index while shell, index and articles fit the budget together', () => {
    const plan = planPrecache({ shell: 300 * KB, index: 200 * KB, articles: 500 * KB }, 1000 * KB);
    expect(plan.coverage).toBe('all');
    expect(plan.globs).toEqual([...SHELL_GLOBS, ...INDEX_GLOBS, ...ARTICLE_GLOBS]);
  });

  it('asks for no Pagefind file when no article is published, since the build wrote no index', () => {
    const plan = planPrecache({ shell: 300 * KB, index: 0, articles: 0 }, 1000 * KB, { searchIndex: false });
    expect(plan.coverage).toBe('all');
    expect(plan.globs).toContain('pagefind/shards.json');
    expect(plan.globs).toContain('index.html');
    expect(plan.globs.filter((glob) => glob.startsWith('pagefind/') && glob !== 'pagefind/shards.json')).toEqual([]);
    expect(plan.globs).not.toEqual(expect.arrayContaining(ARTICLE_GLOBS));
  });

  it('keeps the shell alone, and visited articles at runtime, one byte past the budget', () => {
    const plan = planPrecache({ shell: 300 * KB, index: 200 * KB, articles: 500 * KB + 1 }, 1000 * KB);
    expect(plan).toEqual({ coverage: 'visited', globs: SHELL_GLOBS });
  });

  it('names the shell the issue asks for: styles and scripts, Pagefind engine, WASM and metadata, home and /offline/', () => {
    expect(SHELL_GLOBS).toEqual(
      expect.arrayContaining([
        '_astro/*.{css,js}',
        'pagefind/pagefind.js',
        'pagefind/wasm.en.pagefind',
        'pagefind/{,shard-*/}*.pf_meta',
        'pagefind/{,shard-*/}pagefind-entry.json',
        'pagefind/shards.json',
        'index.html',
        'offline/index.html',
      ]),
    );
  });

  it('lists pages under the address a reader navigates to', () => {
    expect(precacheUrl('index.html')).toBe('./');
    expect(precacheUrl('posts/a-post/index.html')).toBe('posts/a-post/');
    expect(precacheUrl('offline/index.html')).toBe('offline/');
    expect(precacheUrl('_astro/app.Ab12.css')).toBe('_astro/app.Ab12.css');
  });

  it('treats hashed names as their own revision, and nothing with a stable name', () => {
    expect(HASHED_URL.test('_astro/dialog-Cu0QDQe1.js')).toBe(true);
    expect(HASHED_URL.test('pagefind/index/en_1a2b.pf_index')).toBe(true);
    expect(HASHED_URL.test('pagefind/pagefind.js')).toBe(false);
    expect(HASHED_URL.test('pagefind/pagefind-entry.json')).toBe(false);
    expect(HASHED_URL.test('posts/a/')).toBe(false);
    // A search index in shards (src/lib/search/shards.ts): the same in each shard's folder.
    expect(HASHED_URL.test('pagefind/shard-2/fragment/en_9f.pf_fragment')).toBe(true);
    expect(HASHED_URL.test('pagefind/shard-12/filter/en_9f.pf_filter')).toBe(true);
    expect(HASHED_URL.test('pagefind/shard-2/pagefind-entry.json')).toBe(false);
    expect(HASHED_URL.test('pagefind/shards.json')).toBe(false);
  });

  it('globs every shard of the index with the same patterns as a whole one', () => {
    const site = mkdtempSync(join(tmpdir(), 'precache-shards-'));
    const files = [
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'pagefind/shards.json',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_a1.pf_meta',
      'pagefind/index/en_1.pf_index',
      'pagefind/shard-2/pagefind-entry.json',
      'pagefind/shard-2/pagefind.en_b2.pf_meta',
      'pagefind/shard-2/index/en_2.pf_index',
      'pagefind/shard-2/fragment/en_3.pf_fragment',
      'pagefind/shard-2/filter/en_4.pf_filter',
      'pagefind/pagefind-ui.js',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), '');
    }
    const matched = (globs: string[]) => globSync(globs, { cwd: site }).sort();
    expect(matched(SHELL_GLOBS)).toEqual(files.filter((f) => !/\/(index|fragment|filter)\/|ui\.js/.test(f)).sort());
    expect(matched(INDEX_GLOBS)).toEqual(files.filter((f) => /\/(index|fragment|filter)\//.test(f)).sort());
  });
});

describe('how the worker answers', () => {
  it('sorts requests by what they are, relative to its scope', () => {
    expect(SEARCH_BUNDLE_DIR).toBe(BUNDLE_DIR);
    expect(requestKind('pagefind/pagefind-entry.json')).toBe('search-entry');
    expect(requestKind('pagefind/index/en_1a2b.pf_index')).toBe('search-chunk');
    expect(requestKind('pagefind/fragment/en_9f.pf_fragment')).toBe('search-chunk');
    expect(requestKind('pagefind/shards.json')).toBe('search-entry');
    expect(requestKind('pagefind/shard-2/pagefind-entry.json')).toBe('search-entry');
    expect(requestKind('pagefind/shard-2/index/en_1a2b.pf_index')).toBe('search-chunk');
    expect(requestKind('pagefind/shard-0/index/en_1a2b.pf_index')).toBe('other');
    expect(requestKind('pagefind/shard-2/extra/index/en_1a2b.pf_index')).toBe('other');
    expect(requestKind('rss.xml')).toBe('feed');
    expect(requestKind('categories/research/rss.xml')).toBe('feed');
    expect(requestKind('feed.json')).toBe('feed');
    expect(requestKind('_astro/flow.BSky_Z148kRw.avif')).toBe('media');
    expect(requestKind('_astro/vote-chart-island.D51hIdSQ.js')).toBe('asset');
    expect(requestKind('pagefind/pagefind.js')).toBe('other');
    expect(requestKind('data/survey.json')).toBe('other');
  });

  it('names its caches with its scope, so sites sharing an origin never touch each other', () => {
    const blog = 'https://acme.github.io/blog/';
    const names = runtimeCacheNames(blog);
    expect(names.pages).toBe('site-offline-pages-https://acme.github.io/blog/');
    expect(isOwnCache(names.search, blog)).toBe(true);
    expect(isOwnCache('site-offline-precache-v2-https://acme.github.io/blog/', blog)).toBe(true);
    expect(isOwnCache('site-offline-pages-https://acme.github.io/other/', blog)).toBe(false);
    expect(isOwnCache('workbox-precache-v2-https://acme.github.io/blog/', blog)).toBe(false);
  });

  it('lists saved articles once each, from precache keys and saved pages alike, and nothing else', () => {
    const scope = 'http://127.0.0.1:4321/blog/';
    expect(
      savedArticlePaths(
        [
          `${scope}posts/b-post/?__WB_REVISION__=abc`,
          `${scope}posts/b-post/`,
          `${scope}posts/a-post/`,
          `${scope}posts/2/`,
          `${scope}posts/`,
          `${scope}_astro/app.css`,
          'http://127.0.0.1:4321/other/posts/c-post/',
          'not a url',
        ],
        scope,
      ),
    ).toEqual(['posts/a-post/', 'posts/b-post/']);
  });
});

describe('offline settings', () => {
  it('is on with a 5 MB budget unless told otherwise', () => {
    expect(offlineSettings(readEnv({}))).toEqual({ enabled: true, budgetBytes: 5 * 1024 * 1024 });
    expect(offlineSettings(readEnv({ SERVICE_WORKER: 'off', OFFLINE_BUDGET_KB: '64' }))).toEqual({
      enabled: false,
      budgetBytes: 64 * KB,
    });
  });

  it('refuses a switch other than on or off, and a budget that is not a whole number of KB', () => {
    expect(() => readEnv({ SERVICE_WORKER: 'no' })).toThrow(/SERVICE_WORKER must be on or off, got "no"/);
    expect(() => readEnv({ OFFLINE_BUDGET_KB: '5MB' })).toThrow(/OFFLINE_BUDGET_KB must be a whole number/);
  });

  it('serves the worker with Cache-Control: no-cache under the base path, and nothing else with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headers-'));
    writeFileSync(join(dir, '_headers'), headersFile({ base: '/blog/', csp: "default-src 'self'" }));
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [join(dir, '_headers')],
      configHeaders: undefined,
      minimal: false,
    });
    expect(errors).toEqual([]);
    const cacheFor = (path: string) =>
      headers.flatMap((h) =>
        'forRegExp' in h && h.forRegExp.test(path) && h.values['Cache-Control'] ? [h.values['Cache-Control']] : [],
      );
    expect(cacheFor('/blog/sw.js')).toEqual(['no-cache']);
    expect(cacheFor('/blog/offline/')).toEqual(['public, max-age=0, must-revalidate']);
    expect(cacheFor('/blog/offline/coverage.json')).toEqual(['public, max-age=0, must-revalidate']);
  });
});
