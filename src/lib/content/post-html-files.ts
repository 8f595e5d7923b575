/**
 * A Markdown post's rendered HTML, kept in a file of its own in the cache
 * folder rather than in Astro's content store.
 *
 * Why: `astro build` bundles the whole content store into the server build as
 * one string literal (`export default JSON.parse("…")`, the
 * astro:data-layer-content module in astro/dist/content/vite-plugin-content-virtual-mod.js)
 * and parses it again to render pages. At 10,000 posts the HTML is ~100 MB of
 * that store, and carrying it cost Astro's process 1.4 GB at the bundle step
 * and 0.8 GB while pages render (bench/notes.md, "The rendered HTML out of the
 * content store").
 *
 * The store keeps everything else Astro recorded while rendering (headings,
 * frontmatter) and the file's path. A file is named by the SHA-256 of its
 * bytes, so an entry can only ever point at the HTML it was rendered with, and
 * reading checks the bytes against the name.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildError } from '../build/build-error';
import { replaceFile } from '../build/replace-file';
import type { PlacedComponent } from './component-slots';

/** The key in an entry's `rendered.metadata` that holds its HTML file's absolute path. */
export const POST_HTML_FILE_KEY = 'postHtmlFile';
/** The key in an entry's `rendered.metadata` that lists the components placed in that HTML (component-slots.ts). */
export const POST_COMPONENTS_KEY = 'postComponents';

/** The folder, inside the cache folder, that holds the files (one per mode, as Astro keeps one store per mode). */
export const POST_HTML_DIR = 'post-html';

const EXTENSION = '.html';

/** The path of the file holding an entry's rendered HTML, when the posts loader saved it to one. */
export function htmlFileOf(entry: { rendered?: { metadata?: Record<string, unknown> } }): string | undefined {
  const file = entry.rendered?.metadata?.[POST_HTML_FILE_KEY];
  return typeof file === 'string' ? file : undefined;
}

/** The components the page renders into the entry's HTML, in order; none for a plain post. */
export function placedComponentsOf(entry: { rendered?: { metadata?: Record<string, unknown> } }): PlacedComponent[] {
  const placed = entry.rendered?.metadata?.[POST_COMPONENTS_KEY];
  return Array.isArray(placed) ? (placed as PlacedComponent[]) : [];
}

export function postHtmlDir(cacheDir: string, mode: 'dev' | 'build'): string {
  return join(cacheDir, POST_HTML_DIR, mode);
}

const nameOf = (html: string) => createHash('sha256').update(html).digest('hex') + EXTENSION;

/**
 * The folder of saved HTML, listed once per sync. Asking the file system for each post's file (a miss
 * is an ENOENT error object) and making the folder each time cost a cold 10,000-post sync ~1.1 s of
 * Astro's thread. The writes stay synchronous: through fs/promises, eight at a time, 10,000 such files
 * took 2.3–3.2 s and 3.5–5.2 s of system CPU here, against 0.4–1.2 s and 0.3–1.1 s written in turn.
 */
export class PostHtmlFolder {
  readonly #names: Set<string>;

  private constructor(
    readonly dir: string,
    names: Iterable<string>,
  ) {
    this.#names = new Set(names);
  }

  static async open(dir: string): Promise<PostHtmlFolder> {
    await mkdir(dir, { recursive: true });
    return new PostHtmlFolder(dir, await readdir(dir));
  }

  /** Whether `file` is in this folder: there when it was opened, or saved since. */
  holds(file: string): boolean {
    return dirname(file) === this.dir && this.#names.has(basename(file));
  }

  /** Writes `html` (once: a file with its name already holds these bytes) and returns the file's path. */
  save(html: string): string {
    const name = nameOf(html);
    const file = join(this.dir, name);
    if (this.#names.has(name)) return file;
    replaceFile(file, (partial) => writeFileSync(partial, html));
    this.#names.add(name);
    return file;
  }
}

/**
 * The cache folder no longer holds what the content store says it does. Astro's public user error, so the
 * build prints the message (which names the post) without our stack; DEBUG=1 keeps it, as for ContentError.
 */
export class PostHtmlError extends BuildError {
  constructor(message: string) {
    super(message);
    this.name = 'PostHtmlError';
  }
}

/**
 * The HTML saved at `file`, for the post whose source is `source` (named in the error).
 * Throws if the file is gone or its bytes no longer match its name.
 */
export async function loadPostHtml(file: string, source: string): Promise<string> {
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new PostHtmlError(
      `${source}: its rendered HTML (${file}) was deleted from the cache folder during the build; build again`,
    );
  }
  if (nameOf(html) !== basename(file))
    throw new PostHtmlError(
      `${source}: its rendered HTML (${file}) was changed in the cache folder; delete the file and build again`,
    );
  return html;
}

/** Deletes every file in `dir` but those in `keep` (absolute paths): HTML no entry points at any more. */
export async function prunePostHtml(dir: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const stale = names.map((name) => join(dir, name)).filter((file) => !keep.has(file));
  await Promise.all(stale.map((file) => rm(file, { force: true })));
  return stale.length;
}
