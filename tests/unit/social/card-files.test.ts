import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildError } from '../../../src/lib/build/build-error';
import { listCardFiles, takeCardFiles, writeCardFiles, type CardFile } from '../../../src/lib/social/card-files';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'card-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A card whose cache file appears only after `delay` ms, as a card still being drawn does. */
function cardDrawnLater(path: string, bytes: string, delay: number): CardFile {
  const source = join(dir, `cache-${path.replaceAll('/', '-')}`);
  return {
    path,
    source: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          writeFileSync(source, bytes);
          resolve(source);
        }, delay),
      ),
  };
}

describe('the drawn cards written into the build (src/lib/social/card-files.ts)', () => {
  it('hands the route’s list to the integration once, through the process', () => {
    const files = [cardDrawnLater('social/cards/home.png', 'home', 0)];
    listCardFiles(files);
    expect(takeCardFiles()).toBe(files);
    expect(takeCardFiles()).toBeUndefined();
  });

  it('copies each card to its path under the output folder, in nested folders, once it is drawn', async () => {
    const out = join(dir, 'dist');
    const files = Array.from({ length: 40 }, (_, i) =>
      cardDrawnLater(i % 2 ? `social/cards/posts/p${i}.png` : `social/cards/authors/a${i}.png`, `card ${i}`, 40 - i),
    );
    await writeCardFiles(files, out, 4);
    for (const [i, file] of files.entries()) expect(readFileSync(join(out, file.path), 'utf8')).toBe(`card ${i}`);
  });

  it('gives each card a second name for its cache file, not a copy, where the file system allows it', async () => {
    const out = join(dir, 'dist');
    const card = cardDrawnLater('social/cards/home.png', 'home', 0);
    await writeCardFiles([card], out);
    const placed = statSync(join(out, card.path));
    const cached = statSync(await card.source());
    expect(placed.ino).toBe(cached.ino);
    expect(placed.nlink).toBe(2);
  });

  it('replaces a card an earlier build left in the output folder', async () => {
    const out = join(dir, 'dist');
    const card = cardDrawnLater('social/cards/home.png', 'new card', 0);
    mkdirSync(join(out, 'social/cards'), { recursive: true });
    writeFileSync(join(out, card.path), 'old card');
    await writeCardFiles([card], out);
    expect(readFileSync(join(out, card.path), 'utf8')).toBe('new card');
  });

  it('fails when a card cannot be drawn', async () => {
    const files: CardFile[] = [
      cardDrawnLater('social/cards/home.png', 'home', 0),
      {
        path: 'social/cards/posts/bad.png',
        source: () => new Promise((_, reject) => setTimeout(() => reject(new Error('Pango could not draw "bad"')), 20)),
      },
    ];
    const failure = await writeCardFiles(files, join(dir, 'dist')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).message).toBe(
      'social cards: social/cards/posts/bad.png could not be written into the build (Pango could not draw "bad")',
    );
    // Read by whoever runs the build: the stack would name only this module.
    expect((failure as BuildError).stack).toBeUndefined();
  });

  it('fails naming the card and the cache folder’s fault when its cache file cannot be reached', async () => {
    // The cache's card folder is a file (a broken or hand-edited cache folder): the file cannot exist (ENOTDIR).
    writeFileSync(join(dir, 'social-cards'), '');
    const files: CardFile[] = [
      { path: 'social/cards/home.png', source: () => Promise.resolve(join(dir, 'social-cards', 'home.png')) },
    ];
    const failure = await writeCardFiles(files, join(dir, 'dist')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).message).toMatch(
      /^social cards: social\/cards\/home\.png could not be written into the build \(ENOTDIR: .*social-cards\/home\.png/,
    );
    expect((failure as BuildError).hint).toContain('<ASTRO_CACHE_DIR>/social-cards/');
  });

  it('refuses a card path that would land outside the output folder', async () => {
    const files = [cardDrawnLater('../escaped.png', 'x', 0)];
    await expect(writeCardFiles(files, join(dir, 'dist'))).rejects.toThrow('outside the output folder');
  });
});
