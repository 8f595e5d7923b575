/**
 * The posts collection's loader: the one trust boundary every post crosses
 * before a page, a feed or the search index sees it. Built only on Astro's
 * documented loader API (parseData, renderMarkdown, generateDigest, store).
 *
 * For each `<base>/*.md(x)` file it:
 * 1. refuses what would change a URL silently: a file in a subfolder, a name
 *    that is not already a URL slug or has no letter (isPostId), two files with one name;
 * 2. parses the source once with satteri, Astro 7's own Markdown/MDX engine,
 *    and reads the frontmatter as a YAML document (post-source.ts): dates,
 *    XML-invalid characters, undefined MDX names, the HTML policy, the hero image;
 * 3. validates the frontmatter against the collection schema (parseData), and
 *    its category and author against the ids those collections hold after this
 *    sync (references.ts), for a post unchanged since the last sync too;
 * 4. renders Markdown now (renderMarkdown), including an .mdx file whose MDX
 *    parse equals its Markdown parse, or whose only MDX is known components set
 *    as blocks (component-slots.ts: the page renders those around the HTML), and
 *    leaves real MDX to @astrojs/mdx.
 *    A plain .mdx compiled as MDX becomes a JS module to bundle; at 10,000 posts
 *    that bundle dominated the build (docs/benchmarks.md).
 *
 * The store keeps each body's word count (and its count of code blocks) instead of the body: Astro bundles the
 * store into the build, and at 10,000 posts the bodies were ~90 MB of it. For the same reason a Markdown
 * post's rendered HTML goes to a file of its own in the cache folder (post-html-files.ts), and the store
 * keeps its headings and the file's path.
 *
 * `astro build` stops on the first sync with every problem listed
 * (ContentError: file, line or field, reason). `astro dev` keeps serving and
 * stores a problem entry in place of the post, which src/middleware.ts turns
 * into Astro's error overlay until the file is fixed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { isPostId, postIdFromPath } from '../routes/post-id';
import { ContentError, type ContentProblem } from './content-error';
import type { LocatedProblem } from './frontmatter';
import { heroImageProblems } from './hero-image';
import { analysePost, componentReferencesIn, type PostFormat } from './post-source';
import {
  htmlFileOf,
  POST_COMPONENTS_KEY,
  POST_HTML_FILE_KEY,
  PostHtmlFolder,
  postHtmlDir,
  prunePostHtml,
} from './post-html-files';
import { removeMarkers, type ComponentSlot, type PlacedComponent } from './component-slots';
import { PROBLEMS_FIELD, problemsOf } from './problem-entries';
import { componentReferenceProblems, referenceProblems, type ReferenceTarget } from './references';
import type { ComponentReference } from './mdx-code';
import { referencedId, type SyncedEntry } from './synced-entry';

/** The key in a post's data that holds its body's word count (filled by the loader, never authored). */
export const BODY_WORDS = 'bodyWords';
/** The key in a post's data that holds how many code blocks its body has (filled by the loader, never authored). */
export const BODY_CODE_BLOCKS = 'codeBlocks';

export interface PostsLoaderOptions {
  /** The posts folder, relative to the project root. */
  base: string;
  /** Frontmatter fields that hold dates. */
  dateFields: readonly string[];
  /** Frontmatter fields that must be one line of plain text. */
  plainTextFields?: readonly string[];
  /** Components every post may use without an import. */
  components: readonly string[];
  /** Render a plain .mdx (same tree as Markdown, or block components around it) through Markdown; false compiles every .mdx as MDX. */
  plainMdxAsMarkdown: boolean;
  /** Further checks of a post's source (the HTML policy), each problem with its line. */
  checkSource?: (source: string, format: PostFormat) => LocatedProblem[];
  /**
   * Frontmatter fields that name an entry of another collection (`category`), with the word for one entry and
   * the ids that collection holds once it has synced. Checked for every post on every sync, cached ones too.
   */
  references?: Readonly<Record<string, { label: string; ids: () => Promise<ReadonlySet<string>> }>>;
  /** The ids a collection holds once it has synced, for the entries a post's components name (a VoteChart's survey). */
  collectionIds?: (collection: string) => Promise<ReadonlySet<string>>;
  /** Called with each post that synced without a problem, as it is stored. */
  onPostStored?: (entry: SyncedEntry) => void;
  /** Called once the whole folder has synced, with every post stored without a problem. */
  onSynced?: (entries: SyncedEntry[]) => void;
}

const FORMATS: Record<string, PostFormat> = { '.md': 'md', '.mdx': 'mdx' };
/** Files a collection folder may hold besides posts: Astro's `_` prefix keeps drafts of partials out. */
const isIgnored = (name: string) => name.startsWith('_') || name.startsWith('.');

async function listSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && extname(entry.name) in FORMATS && !isIgnored(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split(sep).some((segment) => isIgnored(segment)))
    .sort();
}

export function postsLoader(options: PostsLoaderOptions): Loader {
  return {
    name: 'posts-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      // Astro keeps one content store for `astro dev` and one for builds; each gets its own HTML files.
      const htmlDir = postHtmlDir(fileURLToPath(context.config.cacheDir), context.watcher ? 'dev' : 'build');
      await syncAll(context, dir, root, htmlDir, options);
      // Once, not on every re-sync in dev: a page being served may still hold the entry it read before the edit.
      await prunePostHtml(htmlDir, new Set([...context.store.values()].flatMap((entry) => htmlFileOf(entry) ?? [])));
      options.onSynced?.([...context.store.values()].filter((entry) => problemsOf(entry).length === 0));
      const watcher = context.watcher;
      if (!watcher) return;
      // Every change re-syncs the folder: unchanged files cost a digest, and cross-file rules
      // (two files on one URL, a fixed error elsewhere) stay right without bookkeeping.
      let queue = Promise.resolve();
      const onChange = (path: string) => {
        if (!resolve(path).startsWith(dir + sep) || !(extname(path) in FORMATS)) return;
        queue = queue
          .then(() => syncAll(context, dir, root, htmlDir, options))
          .catch((error: unknown) => context.logger.error(String(error)));
      };
      watcher.add(dir);
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

async function syncAll(
  context: LoaderContext,
  dir: string,
  root: string,
  htmlDir: string,
  options: PostsLoaderOptions,
): Promise<void> {
  const files = await listSources(dir);
  const owners = new Map<string, string>();
  const failed = new Map<string, ContentProblem[]>();
  const untouched = new Set(context.store.keys());
  const fail = (id: string, problems: ContentProblem[]) => failed.set(id, [...(failed.get(id) ?? []), ...problems]);

  // Asked for once per sync, when the first post gets that far: the other collections' loaders run beside this one.
  let targets: Promise<Record<string, ReferenceTarget>> | undefined;
  const checkReferences: CheckReferences = async (values) =>
    referenceProblems(values, await (targets ??= referenceTargets(options.references ?? {})));

  const pending: { id: string; file: string; format: PostFormat }[] = [];
  const htmlFolder = await PostHtmlFolder.open(htmlDir);
  for (const path of files) {
    const file = join(dir, path);
    const extension = extname(path);
    const name = basename(path, extension);
    const wanted = postIdFromPath(path) ?? '';
    const id = path.includes(sep) ? path : name;
    if (path.includes(sep)) {
      fail(id, [
        {
          file,
          reason: `posts live directly in ${relative(root, dir)}/ (a post's URL is /posts/<file name>/); move it to ${relative(root, join(dir, basename(path)))}`,
        },
      ]);
      continue;
    }
    if (wanted !== name || name === '') {
      fail(id, [
        {
          file,
          reason: `the file name "${name}" becomes the post's URL and must be lowercase letters, digits and hyphens; rename it to ${wanted || 'a-title'}${extension}`,
        },
      ]);
      continue;
    }
    if (!isPostId(id)) {
      fail(id, [
        {
          file,
          reason: `the file name "${name}" becomes the post's URL /posts/${id}/ and needs a letter: digits alone are the listing pages' URLs (/posts/2/); rename it to ${id}-a-title${extension}`,
        },
      ]);
      continue;
    }
    const owner = owners.get(id);
    if (owner) {
      fail(id, [
        {
          file,
          reason: `its URL /posts/${id}/ is already taken by ${relative(root, owner)}; rename one of the two files`,
        },
      ]);
      continue;
    }
    owners.set(id, file);
    pending.push({ id, file, format: FORMATS[extension]! });
  }

  // Parsing is synchronous; a few files in flight overlap the reads and renders.
  const work = [...pending];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let next = work.shift(); next; next = work.shift()) {
        untouched.delete(next.id);
        const problems = await syncPost(context, root, htmlFolder, next, options, checkReferences);
        if (problems.length > 0) fail(next.id, problems);
        else if (options.onPostStored) {
          const entry = context.store.get(next.id);
          if (entry) options.onPostStored(entry);
        }
      }
    }),
  );

  // Files are checked concurrently; the report is in file order, each file's problems in line order.
  if (failed.size > 0 && !context.watcher)
    throw new ContentError(
      [...failed.values()].flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    );
  for (const [id, problems] of failed) {
    untouched.delete(id);
    context.store.set({
      id,
      data: { [PROBLEMS_FIELD]: problems },
      digest: context.generateDigest(JSON.stringify(problems)),
    });
  }
  for (const id of untouched) context.store.delete(id);
}

function checkComponentReferences(
  references: readonly ComponentReference[],
  { collectionIds }: PostsLoaderOptions,
): Promise<LocatedProblem[]> {
  return collectionIds ? componentReferenceProblems(references, collectionIds) : Promise.resolve([]);
}

/** The reference fields' problems for a post, given each field's id as written. */
type CheckReferences = (values: Readonly<Record<string, unknown>>) => Promise<LocatedProblem[]>;

async function referenceTargets(
  references: NonNullable<PostsLoaderOptions['references']>,
): Promise<Record<string, ReferenceTarget>> {
  const entries = Object.entries(references);
  const ids = await Promise.all(entries.map(([, reference]) => reference.ids()));
  return Object.fromEntries(entries.map(([field, { label }], index) => [field, { label, ids: ids[index]! }]));
}

async function syncPost(
  context: LoaderContext,
  root: string,
  htmlFolder: PostHtmlFolder,
  { id, file, format }: { id: string; file: string; format: PostFormat },
  options: PostsLoaderOptions,
  checkReferences: CheckReferences,
): Promise<ContentProblem[]> {
  const source = await readFile(file, 'utf8');
  const digest = context.generateDigest(source);
  const filePath = relative(root, file).split(sep).join('/');
  const existing = context.store.get(id);
  const savedHtml = existing && htmlFileOf(existing);
  if (
    existing?.digest === digest &&
    existing.filePath === filePath &&
    problemsOf(existing).length === 0 &&
    // A cache folder restored without its HTML files (or moved) renders the post again.
    (savedHtml === undefined || htmlFolder.holds(savedHtml))
  ) {
    // The entries it names may have gone since the last sync.
    const stored = Object.fromEntries(
      Object.keys(options.references ?? {}).map((field) => [field, referencedId(existing.data[field])]),
    );
    const gone = [
      ...(await checkReferences(stored)),
      ...(await checkComponentReferences(componentReferencesIn(source, format), options)),
    ];
    if (gone.length > 0) return gone.map((problem) => ({ file, ...problem }));
    // Unchanged since the last sync (a warm cache). Setting the same entry again re-registers what
    // Astro collects at set time, its MDX module and its images; set() skips an equal digest, so
    // the entry is deleted first.
    context.store.delete(id);
    context.store.set(existing);
    return [];
  }

  const post = analysePost(source, format, {
    dateFields: options.dateFields,
    reservedFields: [BODY_WORDS, BODY_CODE_BLOCKS],
    plainTextFields: options.plainTextFields ?? [],
    components: options.components,
  });
  // Reported with the other problems, so one sync names each mistake in the file.
  const references = [
    ...(await checkReferences(post.data)),
    ...(await checkComponentReferences(post.references, options)),
  ];
  const located = [
    ...post.problems,
    // A source that did not parse has one problem already, its syntax error; there is no tree to check further.
    ...(post.parsed ? (options.checkSource?.(source, format) ?? []) : []),
    ...(post.problems.length ? [] : await heroImageProblems(file, post.data.heroImage)),
  ];
  if (located.length > 0) return [...located, ...references].map((problem) => ({ file, ...problem }));

  let data: Record<string, unknown>;
  try {
    data = await context.parseData({
      id,
      data: { ...post.data, [BODY_WORDS]: post.words, [BODY_CODE_BLOCKS]: post.codeBlocks },
      filePath: file,
    });
  } catch (error) {
    // Astro's schema message marks names with **bold**; inside our one-line form it would pair up wrongly.
    return [{ reason: (error as Error).message.replaceAll('**', '') }, ...references].map((problem) => ({
      file,
      ...problem,
    }));
  }
  if (references.length > 0) return references.map((problem) => ({ file, ...problem }));
  if (post.renderAs === 'mdx' || (format === 'mdx' && !options.plainMdxAsMarkdown)) {
    context.store.set({ id, data, filePath, digest, deferredRender: true });
    return [];
  }
  const fileURL = pathToFileURL(file);
  const rendered = await context.renderMarkdown(post.body, { fileURL });
  // MDX output ends at the last block's closing tag; a plain .mdx matches it byte for byte.
  let html = format === 'mdx' ? rendered.html.trimEnd() : rendered.html;
  const imagePaths = rendered.metadata?.imagePaths ?? [];
  let components: PlacedComponent[] = [];
  if (post.componentSlots.length > 0) {
    const placed = imagePaths.length === 0 && (await placeComponents(context, html, post.componentSlots, fileURL));
    if (!placed) {
      // An image or a marker the post's own text repeats: MDX renders it, as it would any other post.
      context.store.set({ id, data, filePath, digest, deferredRender: true });
      return [];
    }
    [html, components] = [placed.html, placed.components];
  }
  if (imagePaths.length > 0) {
    // Astro swaps the images' placeholders in the stored HTML for optimised images as it renders; that HTML stays in the store.
    context.store.set({ id, data, filePath, digest, rendered: { ...rendered, html }, assetImports: imagePaths });
    return [];
  }
  const htmlFile = htmlFolder.save(html);
  const metadata = { ...rendered.metadata, [POST_HTML_FILE_KEY]: htmlFile };
  if (components.length > 0) Object.assign(metadata, { [POST_COMPONENTS_KEY]: components });
  context.store.set({ id, data, filePath, digest, rendered: { html: '', metadata } });
  return [];
}

/**
 * The body's HTML without the components' markers, and the components with their places and their
 * children's HTML (component-slots.ts); false when a marker is not where it should be.
 */
async function placeComponents(
  context: LoaderContext,
  html: string,
  slots: readonly ComponentSlot[],
  fileURL: URL,
): Promise<{ html: string; components: PlacedComponent[] } | false> {
  const cut = removeMarkers(html, slots);
  if (!cut) return false;
  // No image reaches here: component-slots.ts keeps a post with an image inside a component on the MDX path.
  const children = await Promise.all(
    slots.map((slot) => Promise.all(slot.children.map((block) => context.renderMarkdown(block, { fileURL })))),
  );
  return {
    html: cut.html,
    components: slots.map(({ name, props }, index) => {
      const blocks = children[index]!;
      // MDX writes a component's children one after another, each ending at its closing tag.
      const html = blocks.map((block) => block.html.trimEnd()).join('');
      return { name, props, at: cut.at[index]!, ...(blocks.length > 0 && { html }) };
    }),
  };
}
