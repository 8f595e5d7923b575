import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLinkRefused, linkTreeSync } from '../../../src/lib/build/hard-links';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hard-links-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder as Pagefind writes one: files at the top and in nested folders. */
function writeTree(root: string): string[] {
  const files = [
    'pagefind-entry.json',
    'index/en_1.pf_index',
    'fragment/en_a.pf_fragment',
    'filter/tags/en_b.pf_filter',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), `bytes of ${file}`);
  }
  mkdirSync(join(root, 'empty'));
  return files;
}

// A tmpfs at /dev/shm is another device than the temp folder on most Linux machines: links fail there with EXDEV.
const shm = '/dev/shm';
const otherDevice = existsSync(shm) && statSync(shm).dev !== statSync(tmpdir()).dev;

describe('second names for build files (src/lib/build/hard-links.ts)', () => {
  it('makes the folders again and links every file: the same inode under two names', () => {
    const files = writeTree(join(dir, 'a'));
    linkTreeSync(join(dir, 'a'), join(dir, 'b'));
    for (const file of files) {
      const [a, b] = [statSync(join(dir, 'a', file)), statSync(join(dir, 'b', file))];
      expect(b.ino, file).toBe(a.ino);
      expect(b.nlink, file).toBe(2);
    }
    expect(statSync(join(dir, 'b', 'empty')).isDirectory()).toBe(true);
  });

  it('leaves out the top-level entries it is told to, with everything under them', () => {
    writeTree(join(dir, 'a'));
    linkTreeSync(join(dir, 'a'), join(dir, 'b'), (name) => name === 'index' || name === 'pagefind-entry.json');
    expect(readdirSync(join(dir, 'b'), { recursive: true }).sort()).toEqual([
      'empty',
      'filter',
      join('filter', 'tags'),
      join('filter', 'tags', 'en_b.pf_filter'),
      'fragment',
      join('fragment', 'en_a.pf_fragment'),
    ]);
  });

  it.skipIf(!otherDevice)('copies where the file system refuses a link (another device)', () => {
    const files = writeTree(join(dir, 'a'));
    const elsewhere = mkdtempSync(join(shm, 'hard-links-'));
    try {
      linkTreeSync(join(dir, 'a'), join(elsewhere, 'b'));
      for (const file of files) {
        expect(readFileSync(join(elsewhere, 'b', file), 'utf8')).toBe(`bytes of ${file}`);
        expect(statSync(join(elsewhere, 'b', file)).nlink).toBe(1);
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses what the build never writes, naming it: a symbolic link is not followed out of the tree', () => {
    writeTree(join(dir, 'a'));
    writeFileSync(join(dir, 'outside'), 'not part of the tree');
    symlinkSync(join(dir, 'outside'), join(dir, 'a', 'index', 'en_2.pf_index'));
    expect(() => linkTreeSync(join(dir, 'a'), join(dir, 'b'))).toThrow(/en_2\.pf_index: neither a file nor a folder/);
  });

  it('tells a refused link from other failures', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK'])
      expect(isLinkRefused(error(code))).toBe(true);
    for (const code of ['ENOENT', 'EEXIST', 'ENOSPC', 'EIO']) expect(isLinkRefused(error(code))).toBe(false);
    expect(isLinkRefused(undefined)).toBe(false);
  });
});
