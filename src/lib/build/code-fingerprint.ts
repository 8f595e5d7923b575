/**
 * A fingerprint of the code that Astro's incremental build does not track.
 * Astro re-renders a page when its module graph, the config object or the
 * lockfile changes, but not when the code behind the content changes: the
 * posts loader, the Markdown plugins (functions are left out of its config
 * hash), the integrations. A cache folder filled by other such code would
 * hand back stale pages, so `npm run build` compares this fingerprint with
 * the one it recorded there and builds cold (`astro build --force`) when
 * they differ (scripts/build.mjs).
 *
 * Imported by scripts/build.mjs under plain Node, so its imports carry
 * their extensions.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Relative to the project root. Wider than needed (src/lib holds page code Astro does track): a spare cold build is safe, a stale page is not. */
export const UNTRACKED_CODE_GLOBS = [
  'package-lock.json',
  '.nvmrc',
  'astro.config.mjs',
  'scripts/build.mjs',
  'src/env.ts',
  'src/site.config.ts',
  'src/content.config.ts',
  'src/lib/**',
  'src/integrations/**',
  'src/components/mdx/names.ts',
] as const;

/** The file in the cache folder that names the code which filled it. */
export const CODE_FINGERPRINT_FILE = 'site-code.sha256';

/** Files and folders this site's own code keeps in the cache folder, keyed by content but not by code: a cold build deletes them. */
export const OWN_CACHE_FILES = { linkCheckScans: 'link-check-scans.json', searchShards: 'search-shards' } as const;

/** SHA-256 over the Node version and every matching file's path and bytes, in path order. */
export function codeFingerprint(
  root: string,
  globs: readonly string[] = UNTRACKED_CODE_GLOBS,
  nodeVersion = process.version,
): string {
  const hash = createHash('sha256').update(`node ${nodeVersion}\0`);
  const files = [...new Set(globs.flatMap((pattern) => globSync(pattern, { cwd: root })))].sort();
  for (const file of files) {
    const path = join(root, file);
    if (!statSync(path).isFile()) continue;
    hash.update(`${file}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** The fingerprint recorded in `cacheDir`, or undefined when it has none. */
export function recordedCodeFingerprint(cacheDir: string): string | undefined {
  try {
    return readFileSync(join(cacheDir, CODE_FINGERPRINT_FILE), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function recordCodeFingerprint(cacheDir: string, fingerprint: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, CODE_FINGERPRINT_FILE), `${fingerprint}\n`);
}
