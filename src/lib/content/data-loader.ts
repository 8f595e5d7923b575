/**
 * Astro's glob() for the JSON collections (authors, categories, surveys), with
 * one change: a file that fails its schema stops `astro build` as a
 * ContentError (file, fields, reason, no stack trace) instead of Astro's
 * InvalidContentEntryDataError, whose stack names only Astro's own loader.
 */
import { glob, type Loader } from 'astro/loaders';
import { ContentError } from './content-error';
import type { IdStore } from './references';

export interface DataLoaderOptions {
  pattern: string;
  base: string;
  /** Called with the store's entries once every file has passed its schema, and the store itself for later reads. */
  onSynced?: (entries: Iterable<{ id: string; data: Record<string, unknown> }>, store: IdStore) => void;
}

export function dataLoader({ onSynced, ...options }: DataLoaderOptions): Loader {
  const inner = glob(options);
  return {
    ...inner,
    load: async (context) => {
      try {
        await inner.load(context);
      } catch (error) {
        if (error instanceof ContentError) throw error;
        const file = (error as { loc?: { file?: unknown } }).loc?.file;
        // Astro marks names with **bold** for its own formatter; inside our one-line form they pair up wrongly.
        const reason = (error as Error).message.replaceAll('**', '');
        throw new ContentError([{ file: typeof file === 'string' && file ? file : options.base, reason }]);
      }
      onSynced?.(context.store.values(), context.store);
    },
  };
}
