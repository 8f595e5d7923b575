/**
 * Frontmatter fields that name an entry of another collection (a post's
 * category and author), checked against the ids that collection holds after
 * this sync, never against files on disk: a path such as
 * `../authors/token-metrics-team` is no id, and a post unchanged since the
 * last build names an entry that may have gone since.
 *
 * Astro's reference() only logs a missing entry and lets the build go on to
 * crash in a page, so the posts loader asks here for every post, cached ones
 * included (posts-loader.ts).
 */
import { isSlug } from '../routes/post-id';
import type { LocatedProblem } from './frontmatter';
import type { ComponentReference } from './mdx-code';

export interface ReferenceTarget {
  /** The word for one entry in messages: `category`. */
  label: string;
  /** Every id the collection holds. */
  ids: ReadonlySet<string>;
}

/** `known: a, b`: what the author may write instead. */
function knownIds(ids: ReadonlySet<string>): string {
  return `known: ${[...ids].sort().join(', ') || '(none)'}`;
}

/**
 * A problem for each field whose value is not an id of its collection. A value
 * that is not a string is left to the schema, which says what it should be.
 */
export function referenceProblems(
  values: Readonly<Record<string, unknown>>,
  targets: Readonly<Record<string, ReferenceTarget>>,
): LocatedProblem[] {
  return Object.entries(targets).flatMap(([field, { label, ids }]) => {
    const value = values[field];
    if (typeof value !== 'string') return [];
    const id = value.trim();
    if (ids.has(id)) return [];
    // A path or a file name is not an id; saying "unknown" would send the author looking for a missing file.
    const reason = isSlug(id)
      ? `unknown ${label} "${id}" (${knownIds(ids)})`
      : `"${id}" is not a ${label} id, which is a file name without .json (${knownIds(ids)})`;
    return [{ field, reason }];
  });
}

/** A problem, at its line, for each component prop that names an entry its collection does not hold. */
export async function componentReferenceProblems(
  references: readonly ComponentReference[],
  idsOf: (collection: string) => Promise<ReadonlySet<string>>,
): Promise<LocatedProblem[]> {
  const problems: LocatedProblem[] = [];
  for (const { collection, label, id, line, where } of references) {
    const ids = await idsOf(collection);
    if (ids.has(id)) continue;
    problems.push({ line, reason: `${where}: unknown ${label} "${id}" (${knownIds(ids)})` });
  }
  return problems;
}

/** A store as a loader sees it; only its ids are read. */
export interface IdStore {
  keys(): Iterable<string>;
}

/**
 * The stores of the collections posts refer to, handed over by their loaders
 * once synced. Astro runs every collection's loader at once (Promise.all), so
 * the posts loader waits here for the categories, authors and surveys loaders. The ids
 * are read from the store when asked for, so a category added while `astro dev`
 * runs (its loader updates the same store) counts at the next save of a post.
 */
export class SyncedStores<Name extends string> {
  readonly #slots = new Map<Name, { synced: Promise<void>; done: () => void; store?: IdStore }>();

  #slot(name: Name) {
    let slot = this.#slots.get(name);
    if (!slot) {
      let done = () => {};
      const synced = new Promise<void>((resolve) => (done = resolve));
      slot = { synced, done };
      this.#slots.set(name, slot);
    }
    return slot;
  }

  /** The collection's loader has filled `store`. */
  synced(name: Name, store: IdStore): void {
    const slot = this.#slot(name);
    slot.store = store;
    slot.done();
  }

  /** The ids in the collection, once its loader has synced. */
  async ids(name: Name): Promise<ReadonlySet<string>> {
    const slot = this.#slot(name);
    await slot.synced;
    return new Set(slot.store!.keys());
  }
}
