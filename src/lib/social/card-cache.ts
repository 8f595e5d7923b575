/**
 * A folder of rendered cards named by their content hash (see cardCacheKey):
 * a card whose inputs did not change since any earlier build is read back
 * instead of drawn, so a rebuild costs one file read per unchanged card and
 * only new or edited pages pay for drawing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from '../build/replace-file';

export interface CachedPng {
  png: Buffer;
  /** false when the bytes came from the cache. */
  rendered: boolean;
}

/** Where the cache keeps the card with this key (a sha256 hex digest). */
export function cacheFile(dir: string, key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`card cache: "${key}" is not a sha256 hex key`);
  return join(dir, `${key}.png`);
}

/** Whether a card is in the cache already, without reading it. */
export function isCached(dir: string, key: string): boolean {
  return existsSync(cacheFile(dir, key));
}

export async function cachedPng(dir: string, key: string, render: () => Promise<Buffer>): Promise<CachedPng> {
  const file = cacheFile(dir, key);
  try {
    return { png: readFileSync(file), rendered: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await render();
  mkdirSync(dir, { recursive: true });
  // A build stopped mid-write never leaves a truncated card under a valid key.
  replaceFile(file, (partial) => writeFileSync(partial, png));
  return { png, rendered: true };
}
