/**
 * Link-check scans kept between builds, by a hash of the page's HTML. An
 * incremental build copies most article pages unchanged, and parsing every
 * page again was most of the link check's time (~2 ms a page: 2.4 s of a warm
 * 1,000-post build). A scan depends on the HTML and on the scanning code; a
 * change to that code makes `npm run build` build cold, and it deletes this
 * file then (OWN_CACHE_FILES in src/lib/build/code-fingerprint.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PageScan } from './links';

/** A page scan as it crosses a thread or a file: ids as a list. */
export interface StoredScan {
  hasBody: boolean;
  bodyLinks: string[];
  ids: string[];
}

const isStoredScan = (value: unknown): value is StoredScan => {
  if (typeof value !== 'object' || value === null) return false;
  const { hasBody, bodyLinks, ids } = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return typeof hasBody === 'boolean' && strings(bodyLinks) && strings(ids);
};

/** The cache's key for a page: a hash of its HTML. */
export function pageScanKey(html: string): string {
  return createHash('sha256').update(html).digest('base64url');
}

const fromStored = (stored: StoredScan): PageScan => ({
  hasBody: stored.hasBody,
  bodyLinks: [...stored.bodyLinks],
  ids: new Set(stored.ids),
});

/**
 * A copy with strings of its own: the parser's strings can be slices of the
 * page's HTML, and a kept slice keeps the whole page alive. Kept as they came,
 * the scans of a 10,000-post link check held every article (~55 KB a page).
 */
export const toStored = (scan: PageScan): StoredScan =>
  structuredClone({ hasBody: scan.hasBody, bodyLinks: scan.bodyLinks, ids: [...scan.ids] });

export class PageScanCache {
  readonly #previous: Map<string, StoredScan>;
  /** Only what this build scanned is saved, so the file never outgrows the site. */
  readonly #used = new Map<string, StoredScan>();

  private constructor(previous: Map<string, StoredScan>) {
    this.#previous = previous;
  }

  /** The scans an earlier build saved in `file`; none when it is missing or unreadable (a cache, never a source of truth). */
  static load(file: string): PageScanCache {
    let entries: [string, unknown][] = [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null) entries = Object.entries(parsed);
    } catch {
      // Missing or damaged: every page is scanned afresh and the file rewritten.
    }
    return new PageScanCache(new Map(entries.filter((entry): entry is [string, StoredScan] => isStoredScan(entry[1]))));
  }

  /** The scan of `html`: read back when an earlier build scanned the same bytes, else `scanner(html)`. */
  scan(html: string, scanner: (html: string) => PageScan): PageScan {
    const key = pageScanKey(html);
    return this.adopt(key, this.#used.has(key) || this.#previous.has(key) ? undefined : toStored(scanner(html)));
  }

  /** Keys of the scans an earlier build saved: pages with these bytes need no parse. */
  knownKeys(): string[] {
    return [...this.#previous.keys()];
  }

  /**
   * The scan of the page whose bytes hash to `key`, scanned elsewhere (another
   * thread): `fresh` when it was parsed, else the one this cache holds for the key.
   */
  adopt(key: string, fresh: StoredScan | undefined): PageScan {
    const stored = fresh ?? this.#used.get(key) ?? this.#previous.get(key);
    if (!stored) throw new Error(`page scan cache: no scan for ${key}, and none was given`);
    this.#used.set(key, stored);
    return fromStored(stored);
  }

  save(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(Object.fromEntries(this.#used)));
  }
}
