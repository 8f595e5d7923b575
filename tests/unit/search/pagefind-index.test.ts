import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARTICLE_GLOB,
  builtArticleSlugs,
  indexedPageCount,
  indexerNeedMb,
  linkArticlePages,
  readBundlePageCount,
  pagefindArgs,
  WASM_FILE,
} from '../../../src/lib/search/pagefind-index';

describe('search index settings (src/lib/search/pagefind-index.ts)', () => {
  it('runs Pagefind over the article pages only, in English', () => {
    expect(pagefindArgs('/site')).toEqual([
      '--site',
      '/site',
      '--glob',
      ARTICLE_GLOB,
      '--force-language',
      'en',
      '--quiet',
    ]);
    expect(WASM_FILE).toBe('wasm.en.pagefind');
  });

  it('finds the built articles, not the numbered listing pages', () => {
    const site = mkdtempSync(join(tmpdir(), 'built-'));
    for (const dir of ['a-post', '2', '10', 'web3-intro']) mkdirSync(join(site, 'posts', dir), { recursive: true });
    expect(builtArticleSlugs(site)).toEqual(['a-post', 'web3-intro']);
    expect(builtArticleSlugs(join(site, 'missing'))).toEqual([]);
  });

  it('reads the page count from pagefind-entry.json and estimates the memory indexing needs', () => {
    expect(indexedPageCount('{"version":"1.6.0","languages":{"en":{"hash":"x","wasm":"en","page_count":42}}}')).toBe(
      42,
    );
    expect(indexerNeedMb(10_000)).toBeGreaterThan(4000);
    expect(indexerNeedMb(1)).toBeLessThan(300);
  });

  it('counts the pages of every shard the manifest names, and refuses a bundle without one', () => {
    const bundle = mkdtempSync(join(tmpdir(), 'bundle-'));
    const entry = (pages: number) =>
      JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'x', wasm: 'en', page_count: pages } } });
    mkdirSync(join(bundle, 'shard-2'));
    writeFileSync(join(bundle, 'pagefind-entry.json'), entry(5000));
    writeFileSync(join(bundle, 'shard-2', 'pagefind-entry.json'), entry(4999));
    expect(() => readBundlePageCount(bundle)).toThrow(/shards\.json/);
    writeFileSync(join(bundle, 'shards.json'), JSON.stringify({ bundles: ['', 'shard-2/'] }));
    expect(readBundlePageCount(bundle)).toBe(9999);
  });

  it('links the chosen articles’ pages into a folder at the same paths, without copying them', () => {
    const site = mkdtempSync(join(tmpdir(), 'built-'));
    for (const id of ['a-post', 'b-post']) {
      mkdirSync(join(site, 'posts', id), { recursive: true });
      writeFileSync(join(site, 'posts', id, 'index.html'), `<p>${id}</p>`);
    }
    const folder = join(mkdtempSync(join(tmpdir(), 'linked-')), 'shard');
    linkArticlePages(site, ['b-post'], folder);
    expect(readdirSync(join(folder, 'posts'))).toEqual(['b-post']);
    expect(readFileSync(join(folder, 'posts', 'b-post', 'index.html'), 'utf8')).toBe('<p>b-post</p>');
    expect(statSync(join(folder, 'posts', 'b-post', 'index.html')).ino).toBe(
      statSync(join(site, 'posts', 'b-post', 'index.html')).ino,
    );
  });
});
