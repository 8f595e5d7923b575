/**
 * Second names for files the build writes once and never rewrites in place: the social cards in the
 * cache folder and dist/ (src/lib/social/card-files.ts), and the search index's shards in dist/ and
 * the cache folder (src/lib/search/shard-cache.ts). A hard link costs an inode entry, not the bytes,
 * so a 10,000-post build does not copy 480 MB of cards or 70 MB of index on every run.
 *
 * Where the file system refuses a link, the file is copied instead: same bytes, other costs.
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it through shard-cache.ts with Node's type stripping.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Errors meaning "no hard link here": another device, or a file system or mount without them, or too many. */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

export function isLinkRefused(error: unknown): boolean {
  return LINK_REFUSED.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/** A hard link at `destination` to `source`, or a copy where the file system refuses the link. */
export async function linkOrCopyFile(source: string, destination: string): Promise<void> {
  try {
    await link(source, destination);
  } catch (error) {
    if (!isLinkRefused(error)) throw error;
    await copyFile(source, destination);
  }
}

/** linkOrCopyFile, synchronously: for the index step, which runs one thing at a time anyway. */
function linkOrCopyFileSync(source: string, destination: string): void {
  try {
    linkSync(source, destination);
  } catch (error) {
    if (!isLinkRefused(error)) throw error;
    copyFileSync(source, destination);
  }
}

/**
 * `source`'s folders made again under `destination` (which must not exist yet, or be empty), and each
 * of its files linked into them (linkOrCopyFileSync). Only folders and regular files: anything else
 * (a symbolic link, a socket) is not something the build writes, so it is an error. An entry directly
 * in `source` for which `leaveOut(name)` is true is left out, with everything under it.
 */
export function linkTreeSync(
  source: string,
  destination: string,
  leaveOut: (topLevelName: string) => boolean = () => false,
): void {
  mkdirSync(destination, { recursive: true });
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const path = relative(source, from);
    if (leaveOut(path.split(sep, 1)[0]!)) continue;
    const to = join(destination, path);
    if (entry.isDirectory()) mkdirSync(to, { recursive: true });
    else if (entry.isFile()) linkOrCopyFileSync(from, to);
    else throw new Error(`${from}: neither a file nor a folder, so not linked`);
  }
}
