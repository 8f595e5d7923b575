/**
 * Two built sites compared file by file: which files only one of them has,
 * and which differ in their bytes. `npm run bench -- --incremental --verify`
 * uses it to check that a rebuild on a kept cache folder writes the same
 * dist/ as a cold build of the same content.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface TreeDiff {
  /** Files in the first tree. */
  files: number;
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Files in both trees whose bytes differ. */
  differing: string[];
}

/** Every regular file under `root`, as sorted paths relative to it. */
export function treeFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

export function diffTrees(first: string, second: string): TreeDiff {
  const inFirst = treeFiles(first);
  const inSecond = treeFiles(second);
  const firstSet = new Set(inFirst);
  const secondSet = new Set(inSecond);
  return {
    files: inFirst.length,
    onlyInFirst: inFirst.filter((file) => !secondSet.has(file)),
    onlyInSecond: inSecond.filter((file) => !firstSet.has(file)),
    // One pair of files in memory at a time: a 10,000-post site is ~1 GB.
    differing: inFirst.filter(
      (file) => secondSet.has(file) && !readFileSync(join(first, file)).equals(readFileSync(join(second, file))),
    ),
  };
}

export const identicalTrees = (diff: TreeDiff): boolean =>
  diff.onlyInFirst.length === 0 && diff.onlyInSecond.length === 0 && diff.differing.length === 0;

/** One line for the bench log: "identical (N files)", or what differs, a few paths of each kind. */
export function describeTreeDiff(diff: TreeDiff, shown = 5): string {
  if (identicalTrees(diff)) return `byte-identical (${diff.files.toLocaleString('en')} files)`;
  const list = (label: string, files: string[]) =>
    files.length === 0
      ? []
      : [
          `${files.length.toLocaleString('en')} ${label} (${files.slice(0, shown).join(', ')}${files.length > shown ? ', …' : ''})`,
        ];
  return `NOT identical: ${[
    ...list('differing', diff.differing),
    ...list('only in the cold build', diff.onlyInFirst),
    ...list('only in the rebuild', diff.onlyInSecond),
  ].join('; ')}`;
}
