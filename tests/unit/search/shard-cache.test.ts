import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../../bench/lib/tree-diff';
import { keepOnlyShards, restoreShard, shardKey, storeShard } from '../../../src/lib/search/shard-cache';
import { runIndexStep } from '../../support/index-step';

const articleHtml = (id: string, text = `Words about ${id}.`) =>
  `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${id}</h1><p>${text}</p></main></body></html>`;

/** A built site: the articles' pages and the newest-first list `astro build` writes beside them. */
function writeSite(site: string, ids: string[], text: (id: string) => string | undefined = () => undefined): void {
  for (const id of ids) {
    mkdirSync(join(site, 'posts', id), { recursive: true });
    writeFileSync(join(site, 'posts', id, 'index.html'), articleHtml(id, text(id)));
  }
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  writeFileSync(join(site, 'pagefind', 'articles.json'), JSON.stringify({ ids }));
}

const scratch = (name: string) => mkdtempSync(join(tmpdir(), `shard-cache-${name}-`));

/** The two folders hold the same files, byte for byte. */
const expectSameTree = (expected: string, actual: string) =>
  expect(diffTrees(expected, actual)).toMatchObject({ onlyInFirst: [], onlyInSecond: [], differing: [] });

describe('shard keys (src/lib/search/shard-cache.ts)', () => {
  it('name a shard by its articles, in order, and every byte of their pages', () => {
    const site = join(scratch('key'), 'dist');
    writeSite(site, ['a', 'b', 'c']);
    const key = shardKey(site, ['a', 'b']);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(shardKey(site, ['a', 'b'])).toBe(key);
    expect(shardKey(site, ['b', 'a'])).not.toBe(key);
    expect(shardKey(site, ['a', 'b', 'c'])).not.toBe(key);
    writeFileSync(join(site, 'posts', 'b', 'index.html'), articleHtml('b') + ' ');
    expect(shardKey(site, ['a', 'b'])).not.toBe(key);
  });

  it('read the page of every article they name: a missing page is an error, not an empty page', () => {
    const site = join(scratch('key-missing'), 'dist');
    writeSite(site, ['a']);
    expect(() => shardKey(site, ['a', 'gone'])).toThrow(/ENOENT/);
  });
});

describe('kept shards', () => {
  /** A stand-in for a shard Pagefind wrote: its entry (with a page count) and one index file. */
  const fakeShard = (folder: string, pages: number) => {
    mkdirSync(join(folder, 'index'), { recursive: true });
    writeFileSync(join(folder, 'pagefind-entry.json'), JSON.stringify({ languages: { en: { page_count: pages } } }));
    writeFileSync(join(folder, 'index', 'en_1.pf_index'), `chunk of ${pages}`);
  };

  it('come back whole, and only with the page count the shard needs', () => {
    const dir = scratch('restore');
    fakeShard(join(dir, 'written'), 2);
    storeShard(join(dir, 'cache'), 'key-1', join(dir, 'written'));
    expect(restoreShard(join(dir, 'cache'), 'key-1', join(dir, 'restored'), 2)).toBe(true);
    expectSameTree(join(dir, 'written'), join(dir, 'restored'));
    // A cache folder restored in part, or a shard kept by a build that indexed fewer pages.
    expect(restoreShard(join(dir, 'cache'), 'key-1', join(dir, 'short'), 3)).toBe(false);
    expect(restoreShard(join(dir, 'cache'), 'no-such-key', join(dir, 'none'), 2)).toBe(false);
    rmSync(join(dir, 'cache', 'key-1', 'pagefind-entry.json'));
    expect(restoreShard(join(dir, 'cache'), 'key-1', join(dir, 'no-entry'), 2)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['cache', 'restored', 'written']);
  });

  it('are the shard’s own files: the first shard is kept without the other shards’ folders inside it', () => {
    const dir = scratch('nested');
    fakeShard(join(dir, 'pagefind'), 4);
    // Restored into the first shard's folder while it was indexed, or being written beside it.
    fakeShard(join(dir, 'pagefind', 'shard-2'), 4);
    storeShard(join(dir, 'cache'), 'first', join(dir, 'pagefind'));
    expect(readdirSync(join(dir, 'cache', 'first')).sort()).toEqual(['index', 'pagefind-entry.json']);
  });

  it('share their files with the built index instead of copying them', () => {
    const dir = scratch('links');
    fakeShard(join(dir, 'written'), 1);
    storeShard(join(dir, 'cache'), 'key', join(dir, 'written'));
    expect(restoreShard(join(dir, 'cache'), 'key', join(dir, 'restored'), 1)).toBe(true);
    const inodes = ['written', join('cache', 'key'), 'restored'].map(
      (folder) => statSync(join(dir, folder, 'index', 'en_1.pf_index')).ino,
    );
    expect(new Set(inodes).size).toBe(1);
  });

  it('are a shortcut only: a shard that cannot be kept is reported, and the build goes on', () => {
    const dir = scratch('store-fails');
    fakeShard(join(dir, 'written'), 1);
    // A cache folder that is a file: nothing can be kept under it (ENOTDIR, EEXIST), as on a full or broken disk.
    writeFileSync(join(dir, 'cache'), '');
    const warnings: string[] = [];
    expect(() => storeShard(join(dir, 'cache'), 'key', join(dir, 'written'), (w) => warnings.push(w))).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`could not be kept in ${join(dir, 'cache')}`);
    expect(warnings[0]).toMatch(/\((ENOTDIR|EEXIST)[^)]*\): the next build indexes it again$/);
    expect(readdirSync(dir).sort()).toEqual(['cache', 'written']);
  });

  it('that cannot be restored whole leave nothing behind, are reported, and are indexed again', () => {
    const dir = scratch('restore-fails');
    fakeShard(join(dir, 'written'), 2);
    storeShard(join(dir, 'cache'), 'key', join(dir, 'written'));
    // A file where the shard has a folder: the restore fails after the entry is already in place.
    mkdirSync(join(dir, 'restored'));
    writeFileSync(join(dir, 'restored', 'index'), '');
    const warnings: string[] = [];
    expect(restoreShard(join(dir, 'cache'), 'key', join(dir, 'restored'), 2, (w) => warnings.push(w))).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the search shard kept in ${join(dir, 'cache', 'key')} could not be restored \\(E[A-Z]+.*\\): it is indexed again$`,
        ),
      ),
    ]);
    expect(readdirSync(dir).sort()).toEqual(['cache', 'written']);
    // The kept shard itself is untouched, and restores where nothing is in the way.
    expect(restoreShard(join(dir, 'cache'), 'key', join(dir, 'elsewhere'), 2)).toBe(true);
  });

  it('replace what was under the same key, and leave nothing half-written', () => {
    const dir = scratch('replace');
    fakeShard(join(dir, 'cache', 'key'), 5);
    writeFileSync(join(dir, 'cache', 'key', 'stale-file'), '');
    fakeShard(join(dir, 'written'), 2);
    storeShard(join(dir, 'cache'), 'key', join(dir, 'written'));
    expect(readdirSync(join(dir, 'cache'))).toEqual(['key']);
    expect(readdirSync(join(dir, 'cache', 'key')).sort()).toEqual(['index', 'pagefind-entry.json']);
    expect(restoreShard(join(dir, 'cache'), 'key', join(dir, 'restored'), 2)).toBe(true);
  });

  it('are only those of the last build', () => {
    const dir = scratch('prune');
    for (const key of ['old', 'kept', 'also-kept']) fakeShard(join(dir, 'cache', key), 1);
    keepOnlyShards(join(dir, 'cache'), new Set(['kept', 'also-kept', 'never-stored']));
    expect(readdirSync(join(dir, 'cache')).sort()).toEqual(['also-kept', 'kept']);
    expect(() => keepOnlyShards(join(dir, 'no-cache-yet'), new Set())).not.toThrow();
  });
});

describe('the index step with a cache folder: only changed shards are indexed again (real Pagefind)', () => {
  const fragmentTexts = (bundle: string) =>
    ['', 'shard-2', 'shard-3']
      .flatMap((folder) =>
        readdirSync(join(bundle, folder, 'fragment')).map((file) =>
          gunzipSync(readFileSync(join(bundle, folder, 'fragment', file))).toString('utf8'),
        ),
      )
      .join('\n');

  /** The same site indexed from scratch, with no cache folder: what every rebuild must equal. */
  function indexedCold(site: string, ids: string[], dir: string, name: string): string {
    const copy = join(dir, name);
    cpSync(site, copy, { recursive: true, filter: (source) => !source.startsWith(join(site, 'pagefind')) });
    mkdirSync(join(copy, 'pagefind'));
    writeFileSync(join(copy, 'pagefind', 'articles.json'), JSON.stringify({ ids }));
    const run = runIndexStep(copy, { maxPerShard: 2 });
    expect(run.status, run.stderr).toBe(0);
    return join(copy, 'pagefind');
  }

  // Seven runs of the real indexer: the time allowed is for a loaded machine, not a claim about speed.
  it(
    'reuses unchanged shards, re-indexes edited and new ones, and writes what a cold index writes',
    { timeout: 60_000 },
    () => {
      const dir = scratch('index-step');
      const site = join(dir, 'dist');
      const cache = join(dir, 'cache', 'search-shards');
      const options = { maxPerShard: 2, shardCache: cache };
      const ids = ['e-post', 'd-post', 'c-post', 'b-post', 'a-post'];
      const index = () => {
        writeFileSync(join(site, 'pagefind', 'articles.json'), JSON.stringify({ ids }));
        const run = runIndexStep(site, options);
        expect(run.status, run.stderr).toBe(0);
        return run.stdout;
      };
      writeSite(site, ids);

      expect(index()).toMatch(/Pagefind indexed 5 pages \(3 shards: 1, 2, 2\) in \d+ ms/);
      expect(readdirSync(cache)).toHaveLength(3);
      const keptFolders = () => readdirSync(cache).map((key) => [key, statSync(join(cache, key)).ino]);
      const keptBefore = keptFolders();

      // Nothing changed: every shard is reused, none indexed, and the cache folder is left as it was.
      expect(index()).toMatch(
        /Pagefind indexed 5 pages \(3 shards: 1, 2, 2; unchanged: reused from the cache folder\)/,
      );
      expect(keptFolders()).toEqual(keptBefore);
      expectSameTree(indexedCold(site, ids, dir, 'cold-1'), join(site, 'pagefind'));

      // One line of an old article: its shard alone is indexed again, and search finds the new word.
      writeFileSync(join(site, 'posts', 'b-post', 'index.html'), articleHtml('b-post', 'Now it names quorvexalith.'));
      expect(index()).toMatch(/\(3 shards: 1, 2, 2; 2 unchanged shards reused from the cache folder\)/);
      expect(fragmentTexts(join(site, 'pagefind'))).toContain('quorvexalith');
      expectSameTree(indexedCold(site, ids, dir, 'cold-2'), join(site, 'pagefind'));

      // A new article: shards count from the oldest, so only the newest changes.
      writeSite(site, ['f-post'], () => 'Published last.');
      ids.unshift('f-post');
      expect(index()).toMatch(/\(3 shards: 2, 2, 2; 2 unchanged shards reused from the cache folder\)/);
      expect(fragmentTexts(join(site, 'pagefind'))).toContain('Published last.');
      expectSameTree(indexedCold(site, ids, dir, 'cold-3'), join(site, 'pagefind'));
      // The cache holds this build's three shards, not the history.
      expect(readdirSync(cache)).toHaveLength(3);
    },
  );
});
