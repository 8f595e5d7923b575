import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETIRED_BUILDS_DIR, retireOutDir } from '../../../src/lib/build/retired-output';

let root = '';
let outDir = '';
let cacheDir = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'retired-output-'));
  outDir = join(root, 'dist');
  cacheDir = join(root, 'cache');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A small built site: nested folders, as astro build leaves them. */
function writeBuild(dir: string): void {
  for (const file of ['index.html', 'posts/a/index.html', 'posts/b/index.html', 'pagefind/index/en_1.pf_index']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), file);
  }
}

describe('the previous build moved out of Astro’s way (src/lib/build/retired-output.ts)', () => {
  it('renames the output into the cache folder, then deletes it and any leftover of an interrupted build', async () => {
    writeBuild(outDir);
    const leftover = join(cacheDir, RETIRED_BUILDS_DIR, 'interrupted');
    writeBuild(leftover);

    const retired = retireOutDir(outDir, cacheDir);

    expect(retired).toBeDefined();
    expect(existsSync(outDir)).toBe(false);
    expect(retired!.folder.startsWith(join(cacheDir, RETIRED_BUILDS_DIR))).toBe(true);
    expect(await retired!.deleted).toBeUndefined();
    expect(existsSync(retired!.folder)).toBe(false);
    expect(existsSync(leftover)).toBe(false);
  });

  it('leaves an output folder holding .git where it is, since Astro keeps .git', () => {
    writeBuild(outDir);
    mkdirSync(join(outDir, '.git'));
    expect(retireOutDir(outDir, cacheDir)).toBeUndefined();
    expect(readFileSync(join(outDir, 'posts/a/index.html'), 'utf8')).toBe('posts/a/index.html');
  });

  it('does nothing when there is no output yet', () => {
    expect(retireOutDir(outDir, cacheDir)).toBeUndefined();
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('leaves the output to Astro when it cannot be moved into the cache folder', () => {
    writeBuild(outDir);
    writeFileSync(cacheDir, 'a file where the cache folder should be');
    expect(retireOutDir(outDir, cacheDir)).toBeUndefined();
    expect(readdirSync(outDir).sort()).toEqual(['index.html', 'pagefind', 'posts']);
  });
});
