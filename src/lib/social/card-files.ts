/**
 * A production build's drawn social cards go into dist/ as hard links to (or
 * copies of) their cache files, written at the end of the build (src/integrations/social-card-files.ts),
 * not as one rendered page each. Astro spends 1.5–3 ms on every page it
 * renders whatever the page is (a response, two file writes with the
 * incremental cache, the log line); for 10,000 cards that was ~30 s of a
 * cold build's single-threaded render phase, and a copy takes a fraction of
 * that (docs/benchmarks.md). `astro dev` still serves each card from the route.
 *
 * The card route lists the cards (in the pages' copy of the modules) and the
 * integration writes them (in the config's copy): the list is one per
 * process, shared through Symbol.for as the cards in flight are (social-card.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { BuildError } from '../build/build-error';
import { linkOrCopyFile } from '../build/hard-links';

export interface CardFile {
  /** Where the card goes, relative to the output folder: `social/cards/home.png`. */
  path: string;
  /** The card's file in the cache folder, once drawn. */
  source: () => Promise<string>;
}

const LISTED = Symbol.for('site.social-cards.files');
type Holder = { [LISTED]?: readonly CardFile[] };

/** The card route's list of this build's cards, replacing any earlier one. */
export function listCardFiles(files: readonly CardFile[]): void {
  (globalThis as Holder)[LISTED] = files;
}

/** The listed cards, once: undefined when the card route listed none in this process. */
export function takeCardFiles(): readonly CardFile[] | undefined {
  const files = (globalThis as Holder)[LISTED];
  delete (globalThis as Holder)[LISTED];
  return files;
}

/**
 * A second name for the cache file in `outDir` where the file system allows
 * one, else a copy. A cache file is never written in place (card-cache.ts
 * writes beside and renames), so the two names keep the same bytes. At
 * 10,000 posts this skips 480 MB of copies and 10,000 new inodes.
 */
async function placeCard(source: string, destination: string): Promise<void> {
  try {
    await linkOrCopyFile(source, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A card an earlier build left (an output folder Astro was told not to empty): replaced, as a copy would be.
    await rm(destination, { force: true });
    await linkOrCopyFile(source, destination);
  }
}

/**
 * Puts every card into `outDir`, a few at a time; fails on the first card that cannot be drawn or placed,
 * with a BuildError naming the card and why.
 */
export async function writeCardFiles(files: readonly CardFile[], outDir: string, concurrency = 16): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  let next = 0;
  const lane = async () => {
    for (let file = files[next++]; file; file = files[next++]) {
      const destination = join(outDir, file.path);
      const inside = relative(outDir, destination);
      // Card ids come from content ids; whatever they hold, a card lands inside the output folder.
      if (inside.startsWith('..') || isAbsolute(inside) || inside === '')
        throw new Error(`social cards: "${file.path}" is outside the output folder`);
      try {
        const [source] = await Promise.all([file.source(), folder(dirname(destination))]);
        await placeCard(source, destination);
      } catch (error) {
        if (error instanceof BuildError) throw error;
        throw new BuildError(
          `social cards: ${file.path} could not be written into the build (${error instanceof Error ? error.message : String(error)})`,
          'Each card is drawn into <ASTRO_CACHE_DIR>/social-cards/ and linked into the output folder: both must be folders the build can write to.',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, lane));
}
