import { describe, expect, it } from 'vitest';
import {
  combineShardResults,
  isMergedShardFile,
  isShardFolderName,
  parseShardManifest,
  shardFolder,
  shardManifest,
  splitIntoShards,
  withoutShardsMissingWords,
} from '../../../src/lib/search/shards';

describe('search index shards (src/lib/search/shards.ts)', () => {
  it('keeps one index while the articles fit, then splits them into runs in their order, counted from the oldest', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `post-${i}`);
    expect(splitIntoShards(ids, 10)).toEqual([ids]);
    expect(splitIntoShards(ids, 5)).toEqual([ids.slice(0, 5), ids.slice(5)]);
    // 10 past a limit of 4: two full runs of the oldest, and the newest run holds what is left.
    expect(splitIntoShards(ids, 4).map((s) => s.length)).toEqual([2, 4, 4]);
    expect(splitIntoShards(ids, 4).flat()).toEqual(ids);
    expect(splitIntoShards(ids, 1)).toEqual(ids.map((id) => [id]));
    expect(splitIntoShards([], 5)).toEqual([]);
    expect(() => splitIntoShards(ids, 0)).toThrow(RangeError);
    expect(() => splitIntoShards(ids, 2.5)).toThrow(RangeError);
  });

  it('leaves every older shard as it was when an article is published', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `post-${i}`);
    const before = splitIntoShards(ids, 3);
    const after = splitIntoShards(['post-new', ...ids], 3);
    expect(after.map((s) => s.length)).toEqual([1, 3, 3, 3]);
    expect(after.slice(1)).toEqual(before);
    // The next one joins the newest shard; the older ones still do not move.
    expect(splitIntoShards(['post-newer', 'post-new', ...ids], 3).slice(1)).toEqual(before);
  });

  it('names the first shard Pagefind’s folder and the others folders inside it', () => {
    expect([0, 1, 9].map(shardFolder)).toEqual(['', 'shard-2/', 'shard-10/']);
    expect(shardManifest(3)).toEqual({ bundles: ['', 'shard-2/', 'shard-3/'] });
    expect(parseShardManifest(JSON.stringify(shardManifest(3)))).toEqual(shardManifest(3));
    // No article published: no bundle at all, which the manifest says rather than leaving out.
    expect(shardManifest(0)).toEqual({ bundles: [] });
    expect(parseShardManifest(JSON.stringify(shardManifest(0)))).toEqual({ bundles: [] });
  });

  it('tells the other shards’ folders from what Pagefind writes into its own', () => {
    expect(['shard-2', 'shard-10'].every(isShardFolderName)).toBe(true);
    expect(['shard-02', 'shard-', 'index', 'fragment', 'pagefind-entry.json'].some(isShardFolderName)).toBe(false);
  });

  it('refuses a manifest that points anywhere else', () => {
    for (const bad of [
      '{}',
      'null',
      '{"bundles":{}}',
      '{"bundles":["shard-2/"]}',
      '{"bundles":["","../other/"]}',
      '{"bundles":["","https://evil.example/"]}',
      '{"bundles":["","shard-0/"]}',
      '{"bundles":["",2]}',
    ])
      expect(() => parseShardManifest(bad), bad).toThrow(/not a list of search index shards/);
  });

  it('keeps in a merged shard only what mergeIndex reads', () => {
    expect(isMergedShardFile('index', true)).toBe(true);
    expect(isMergedShardFile('fragment', true)).toBe(true);
    expect(isMergedShardFile('filter', true)).toBe(true);
    expect(isMergedShardFile('pagefind-entry.json', false)).toBe(true);
    expect(isMergedShardFile('pagefind.en_1a2b.pf_meta', false)).toBe(true);
    for (const name of ['pagefind.js', 'wasm.en.pagefind', 'pagefind-ui.css', 'pagefind-worker.js'])
      expect(isMergedShardFile(name, false), name).toBe(false);
    expect(isMergedShardFile('index', false)).toBe(false);
  });

  it('orders results by date shard after shard, and by relevance on score as Pagefind merges', () => {
    const r = (id: string, score: number) => ({ id, score });
    // Newest shard first; each list is in its shard's own order.
    const newest = [
      [r('a', 1), r('b', 0)],
      [r('c', 1), r('d', 0)],
    ];
    expect(combineShardResults(newest, 'desc').map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    const oldest = [
      [r('b', 1), r('a', 0)],
      [r('d', 1), r('c', 0)],
    ];
    expect(combineShardResults(oldest, 'asc').map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
    const relevance = [
      [r('a', 3), r('b', 1)],
      [r('c', 2), r('d', 1)],
    ];
    expect(combineShardResults(relevance).map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('drops a shard where a word finds nothing that another shard holds, but not for a word no shard holds', () => {
    const lists = [['a'], ['b'], ['c']];
    // Word 1 in every shard; word 2 only in shards 2 and 3.
    expect(
      withoutShardsMissingWords(lists, [
        [true, true, true],
        [false, true, true],
      ]),
    ).toEqual([[], ['b'], ['c']]);
    // Word 2 in no shard: a typo, left to the correction on the full results.
    expect(
      withoutShardsMissingWords(lists, [
        [true, true, true],
        [false, false, false],
      ]),
    ).toEqual(lists);
    expect(withoutShardsMissingWords(lists, [])).toEqual(lists);
  });
});
