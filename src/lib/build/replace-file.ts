/**
 * Writes a file beside its final name, then renames it over that name. A reader
 * (another build, a page being rendered, a file mapped into memory) sees the old
 * bytes or the new ones, never a truncated file, and a build stopped mid-write
 * leaves only a `.partial` file behind.
 *
 * The temporary name carries the process and thread, and `write` runs
 * synchronously between it and the rename, so two writers of one file (two
 * posts with the same HTML, two builds sharing a cache folder) never share it.
 */
import { renameSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** The suffix of a write not yet renamed into place. */
export const PARTIAL_SUFFIX = '.partial';

export function replaceFile(file: string, write: (partial: string) => void): void {
  const partial = `${file}.${process.pid}.${threadId}${PARTIAL_SUFFIX}`;
  write(partial);
  renameSync(partial, file);
}
