import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTreeDiff, diffTrees, identicalTrees, treeFiles } from '../../../bench/lib/tree-diff';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tree-diff-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('diffTrees', () => {
  it('lists nested files relative to the root, sorted, without directories', () => {
    expect(treeFiles(tree({ 'b/index.html': '', 'a.xml': '', 'b/c/d.png': '' }))).toEqual([
      'a.xml',
      'b/c/d.png',
      'b/index.html',
    ]);
  });

  it('finds two trees with the same files and bytes identical', () => {
    const files = { 'index.html': '<p>hi</p>', 'posts/a/index.html': 'a', 'pagefind/x.pf_index': 'bin' };
    const diff = diffTrees(tree(files), tree(files));
    expect(identicalTrees(diff)).toBe(true);
    expect(describeTreeDiff(diff)).toBe('byte-identical (3 files)');
  });

  it('reports a file whose bytes differ, and files only one tree has', () => {
    const diff = diffTrees(
      tree({ 'index.html': 'old', 'posts/gone/index.html': 'x', 'same.txt': 's' }),
      tree({ 'index.html': 'new', 'posts/new/index.html': 'y', 'same.txt': 's' }),
    );
    expect(diff).toEqual({
      files: 3,
      onlyInFirst: ['posts/gone/index.html'],
      onlyInSecond: ['posts/new/index.html'],
      differing: ['index.html'],
    });
    expect(identicalTrees(diff)).toBe(false);
    expect(describeTreeDiff(diff)).toBe(
      'NOT identical: 1 differing (index.html); 1 only in the cold build (posts/gone/index.html); 1 only in the rebuild (posts/new/index.html)',
    );
  });

  it('tells files that differ only in length apart', () => {
    expect(diffTrees(tree({ f: 'abc' }), tree({ f: 'abcd' })).differing).toEqual(['f']);
  });

  it('shortens long lists in the log line', () => {
    const many = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`p${i}`, String(i)]));
    const other = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`p${i}`, `${i}!`]));
    expect(describeTreeDiff(diffTrees(tree(many), tree(other)), 2)).toBe('NOT identical: 7 differing (p0, p1, …)');
  });
});
