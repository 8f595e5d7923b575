/**
 * Search index shards kept in the cache folder between builds, so that a rebuild indexes only the
 * shards whose pages changed. Pagefind 1.x cannot update an index in place, and indexing is a third
 * of a rebuild at 10,000 posts (docs/benchmarks.md); but its output is a function of the pages it
 * reads (incremental builds are byte-identical to cold ones, tests/build/incremental.test.ts), so a
 * shard whose articles and their pages are unchanged can be reused instead of indexed again.
 *
 * A kept shard is named by shardKey: the ids in order and a hash of each page's bytes. The indexer
 * and its arguments are code: a cold build empties the whole folder when they change
 * (OWN_CACHE_FILES in src/lib/build/code-fingerprint.ts).
 *
 * A kept shard and the index in dist/ share their files (hard links, src/lib/build/hard-links.ts), as
 * the social cards do: a 5,000-article shard is ~5,400 files and 35 MB, which a build took 1.3–2.0 s to
 * copy each time (docs/benchmarks.md). Pagefind writes every file of a shard new, and nothing after it writes into dist/pagefind/
 * in place (the build removes files there, which unlinks one name only).
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { linkTreeSync } from '../build/hard-links.ts';
import { articlePage, indexedPageCount } from './pagefind-index.ts';
import { isShardFolderName } from './shards.ts';

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

/** Where a kept shard's trouble is reported: the build log, as a warning. */
export type Warn = (message: string) => void;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Puts the shard kept under `key` at `outputPath`. False when there is none, or when what is there
 * does not index `pages` pages (a cache folder restored only in part), or when it cannot be put
 * there whole (`warn` says why, and nothing of it is left at `outputPath`): then it is indexed again.
 */
export function restoreShard(
  cacheDir: string,
  key: string,
  outputPath: string,
  pages: number,
  warn: Warn = console.warn,
): boolean {
  const kept = join(cacheDir, key);
  let count: number;
  try {
    count = indexedPageCount(readFileSync(join(kept, 'pagefind-entry.json'), 'utf8'));
  } catch {
    return false;
  }
  if (count !== pages) return false;
  try {
    linkTreeSync(kept, outputPath);
    return true;
  } catch (error) {
    rmSync(outputPath, { recursive: true, force: true });
    warn(`the search shard kept in ${kept} could not be restored (${reason(error)}): it is indexed again`);
    return false;
  }
}

/**
 * Keeps the shard Pagefind just wrote into `outputPath` under `key`, whole: it may be the first
 * bundle next time, which serves the engine. Whatever was under `key` failed restoreShard, so it goes.
 * The cache is only a shortcut: when the shard cannot be kept, `warn` says why and the build goes on.
 *
 * The first shard's folder is Pagefind's folder, which also holds the other shards' folders: restored
 * while it was indexed, or being written beside it. They are left out. Kept with it, they came back
 * into place with it, under a shard indexed afresh there, whose folder then held two indexes' files.
 */
export function storeShard(cacheDir: string, key: string, outputPath: string, warn: Warn = console.warn): void {
  const kept = join(cacheDir, key);
  // Written aside and renamed, so an interrupted build never leaves half a shard under its key.
  const partial = `${kept}.partial-${process.pid}`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    rmSync(partial, { recursive: true, force: true });
    linkTreeSync(outputPath, partial, isShardFolderName);
    rmSync(kept, { recursive: true, force: true });
    renameSync(partial, kept);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    warn(
      `the search shard in ${outputPath} could not be kept in ${cacheDir} (${reason(error)}): the next build indexes it again`,
    );
  }
}

/** Removes every kept shard but those of this build: the folder holds one index, not a history. */
export function keepOnlyShards(cacheDir: string, keys: ReadonlySet<string>, warn: Warn = console.warn): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (keys.has(name)) continue;
    try {
      rmSync(join(cacheDir, name), { recursive: true, force: true });
    } catch (error) {
      warn(`${join(cacheDir, name)}, a search shard no longer used, could not be removed (${reason(error)})`);
    }
  }
}
