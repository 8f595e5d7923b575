/**
 * Posts store their word count, not their raw Markdown body. The body is only
 * read for reading time, yet Astro bundles the whole content store into the
 * build as one string: at 10,000 posts the bodies were ~90 MB of it, and
 * dropping them cut Astro's peak memory by ~0.9 GB and its build time by ~20 %
 * (docs/benchmarks.md). Astro's own glob option `retainBody: false` drops the
 * body too, but before anything could count it.
 */
import type { Loader } from 'astro/loaders';
import { storeWithSet, type StoreEntry } from './loader-store';
import { countWords, readableText } from './reading-time';

/** The key in a post's `data` that holds its body's word count (not part of the authored schema). */
export const BODY_WORDS = 'bodyWords';

export function countBodyWordsAtSync(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const target = context.store;
      const set = (entry: StoreEntry): boolean => {
        if (entry.body === undefined) return target.set(entry);
        const { body, ...rest } = entry;
        return target.set({ ...rest, data: { ...rest.data, [BODY_WORDS]: countWords(readableText(body)) } });
      };
      return loader.load({ ...context, store: storeWithSet(target, set) });
    },
  };
}

/** The word count stored at sync; throws (naming the file) rather than report a wrong reading time. */
export function bodyWordsOf(entry: { id: string; filePath?: string | undefined; data: object }): number {
  const words: unknown = (entry.data as Record<string, unknown>)[BODY_WORDS];
  if (typeof words !== 'number' || !Number.isInteger(words) || words < 0) {
    throw new Error(`${entry.filePath ?? entry.id}: no body word count in the content store (the posts loader must be wrapped in countBodyWordsAtSync)`);
  }
  return words;
}
