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

interface StoredScan {
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
    const key = createHash('sha256').update(html).digest('base64url');
    let stored = this.#used.get(key) ?? this.#previous.get(key);
    if (!stored) {
      const fresh = scanner(html);
      stored = { hasBody: fresh.hasBody, bodyLinks: fresh.bodyLinks, ids: [...fresh.ids] };
    }
    this.#used.set(key, stored);
    return { hasBody: stored.hasBody, bodyLinks: [...stored.bodyLinks], ids: new Set(stored.ids) };
  }

  save(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(Object.fromEntries(this.#used)));
  }
}
