/**
 * Search index shards kept in the cache folder between builds, so that a rebuild indexes only the
 * shards whose pages changed. Pagefind 1.x cannot update an index in place, and indexing is a third
 * of a rebuild at 10,000 posts (docs/benchmarks.md); but its output is a function of the pages it
 * reads (incremental builds are byte-identical to cold ones, tests/build/incremental.test.ts), so a
 * shard whose articles and their pages are unchanged can be copied back instead of indexed again.
 *
 * A kept shard is named by shardKey: the ids in order and a hash of each page's bytes. The indexer
 * and its arguments are code: a cold build empties the whole folder when they change
 * (OWN_CACHE_FILES in src/lib/build/code-fingerprint.ts).
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { createHash } from 'node:crypto';
import { constants, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { articlePage, indexedPageCount } from './pagefind-index.ts';

/** The name a shard of the articles `ids` of `site` is kept under: it changes when any of their pages does. */
export function shardKey(site: string, ids: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of ids)
    hash.update(`${id}\0`).update(
      createHash('sha256')
        .update(readFileSync(articlePage(site, id)))
        .digest(),
    );
  return hash.digest('base64url');
}

// Copy-on-write where the file system has it: a kept shard must not change when a tool rewrites dist/.
const COPY = { recursive: true, mode: constants.COPYFILE_FICLONE } as const;

/**
 * Copies the shard kept under `key` into `outputPath`. False when there is none, or when what is
 * there does not index `pages` pages (a cache folder restored only in part): then it is indexed again.
 */
export function restoreShard(cacheDir: string, key: string, outputPath: string, pages: number): boolean {
  const kept = join(cacheDir, key);
  let count: number;
  try {
    count = indexedPageCount(readFileSync(join(kept, 'pagefind-entry.json'), 'utf8'));
  } catch {
    return false;
  }
  if (count !== pages) return false;
  cpSync(kept, outputPath, COPY);
  return true;
}

/**
 * Keeps the shard Pagefind just wrote into `outputPath` under `key`, whole: it may be the first
 * bundle next time, which serves the engine. Whatever was under `key` failed restoreShard, so it goes.
 */
export function storeShard(cacheDir: string, key: string, outputPath: string): void {
  const kept = join(cacheDir, key);
  // Written aside and renamed, so an interrupted build never leaves half a shard under its key.
  const partial = `${kept}.partial-${process.pid}`;
  mkdirSync(cacheDir, { recursive: true });
  rmSync(partial, { recursive: true, force: true });
  cpSync(outputPath, partial, COPY);
  rmSync(kept, { recursive: true, force: true });
  renameSync(partial, kept);
}

/** Removes every kept shard but those of this build: the folder holds one index, not a history. */
export function keepOnlyShards(cacheDir: string, keys: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) if (!keys.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
}
