/**
 * The loader of the JSON collections (authors, categories, surveys): every
 * `<base>/*.json` file is one entry, its id the file name. It replaces Astro's
 * glob(), which reads each file with JSON.parse and so keeps only the last of
 * two equal keys without a word. Here each file is read as a JSON document
 * (json-document.ts) and then validated by the collection schema (parseData);
 * any problem stops `astro build` as one ContentError (file, line or field,
 * reason, no stack trace) listing every bad file.
 *
 * Like glob(), an entry whose file is unchanged (same digest) is kept as stored,
 * and in `astro dev` a change in the folder syncs it again.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug } from 'github-slugger';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, type ContentProblem } from './content-error';
import { parseJsonDocument } from './json-document';
import { isSlug } from '../routes/post-id';
import type { IdStore } from './references';

export interface DataLoaderOptions {
  /** The collection's folder, relative to the project root. */
  base: string;
  /** Called with the store's entries once every file has passed its schema, and the store itself for later reads. */
  onSynced?: (entries: Iterable<{ id: string; data: Record<string, unknown> }>, store: IdStore) => void;
}

const EXTENSION = '.json';

/** The entry files of `dir`, by name; hidden files are not entries, as glob() left them out too. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && extname(entry.name) === EXTENSION && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

export function dataLoader({ base, onSynced }: DataLoaderOptions): Loader {
  return {
    name: 'data-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, base);
      await syncAll(context, dir, root);
      onSynced?.(context.store.values(), context.store);
      const watcher = context.watcher;
      if (!watcher) return;
      // A few small files: every change syncs the folder again, and unchanged files cost a digest.
      let queue = Promise.resolve();
      const onChange = (path: string) => {
        if (dirname(resolve(path)) !== dir || extname(path) !== EXTENSION) return;
        queue = queue
          .then(() => syncAll(context, dir, root))
          .catch((error: unknown) => context.logger.error(String(error)));
      };
      watcher.add(dir);
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

async function syncAll(context: LoaderContext, dir: string, root: string): Promise<void> {
  const untouched = new Set(context.store.keys());
  const problems: ContentProblem[] = [];
  for (const name of await listFiles(dir)) {
    const file = join(dir, name);
    const id = basename(name, EXTENSION);
    // A failed file keeps its last good entry in `astro dev`, as glob() did; the build stops below.
    untouched.delete(id);
    problems.push(...(await syncFile(context, root, file, id)));
  }
  for (const id of untouched) context.store.delete(id);
  if (problems.length > 0) throw new ContentError(problems);
}

async function syncFile(context: LoaderContext, root: string, file: string, id: string): Promise<ContentProblem[]> {
  // Posts refer to an entry by its file name, so a name that is not already an id is refused, never slugged.
  if (!isSlug(id))
    return [
      {
        file,
        reason: `the file name "${id}" is the id posts refer to and must be lowercase letters, digits and hyphens; rename it to ${slug(id) || 'a-name'}${EXTENSION}`,
      },
    ];
  const text = await readFile(file, 'utf8');
  // Parsed even when unchanged: an entry stored before this loader read files this way may hide a duplicate key.
  const document = parseJsonDocument(text, file);
  if (document.problems.length > 0) return document.problems;
  const data = document.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [{ file, line: 1, reason: 'must be one JSON object, { "field": value, ... }' }];

  const digest = context.generateDigest(text);
  const filePath = relative(root, file).split(sep).join('/');
  const existing = context.store.get(id);
  if (existing?.digest === digest && existing.filePath === filePath) return [];
  try {
    const parsed = await context.parseData({ id, data: data as Record<string, unknown>, filePath: file });
    context.store.set({ id, data: parsed, filePath, digest });
    return [];
  } catch (error) {
    // Astro's schema message marks names with **bold** for its own formatter; inside our one-line form they pair up wrongly.
    return [{ file, reason: (error as Error).message.replaceAll('**', '') }];
  }
}
