/**
 * Where each content collection is read from. Tests and benchmarks point
 * CONTENT_DIR at a fixture folder so real content never sees fixture posts;
 * a collection folder missing there falls back to the real one.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '../../env';

export const REAL_CONTENT_DIR = 'src/content';

export function collectionDir(collection: 'posts' | 'authors' | 'categories' | 'surveys'): string {
  const override = env.CONTENT_DIR;
  if (override) {
    const candidate = join(override, collection);
    if (collection === 'posts' || existsSync(resolve(candidate))) return candidate;
  }
  return join(REAL_CONTENT_DIR, collection);
}
