/**
 * The previous build's output, moved out of Astro's way.
 *
 * `astro build` empties its outDir before it bundles, synchronously on its
 * own thread (`emptyDir` in astro/dist/core/build/static-build.js): a
 * 10,000-post dist/ (33,647 files) took 1.6–2.1 s to delete on an idle
 * machine, and 3.2 s of a rebuild's profile, while the build waited. A rename
 * into the cache folder is instant on one file system; a child process at
 * the lowest priority then deletes the old output while Astro works, and
 * Astro finds no outDir to empty.
 *
 * Loaded by scripts/build.mjs with Node's type stripping, hence the `.ts`
 * in its import.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { LOWEST_PRIORITY_PRELOAD } from './lowest-priority.ts';

/** Under the cache folder: every build deletes everything in it, leftovers of an interrupted one included. */
export const RETIRED_BUILDS_DIR = 'retired-builds';

/** Runs in the child, at the lowest priority, so the deletion only takes what the build leaves idle. */
const DELETE_FOLDER = `
import { rmSync } from 'node:fs';
try {
  rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 });
} catch (error) {
  process.stderr.write(error.message);
  process.exitCode = 1;
}
`;

export interface RetiredOutput {
  /** Where the old output went. */
  folder: string;
  /** Settles once it is deleted: undefined, or why it could not be. */
  deleted: Promise<string | undefined>;
}

/**
 * Moves `outDir` into `<cacheDir>/retired-builds/` and starts deleting that
 * folder. Returns undefined, leaving `outDir` to Astro, when there is none, when it
 * holds a `.git` (Astro keeps that, so the folder must stay), or when it
 * cannot be renamed there (another file system, no permission).
 */
export function retireOutDir(outDir: string, cacheDir: string): RetiredOutput | undefined {
  if (!existsSync(outDir) || existsSync(join(outDir, '.git'))) return undefined;
  const retired = join(cacheDir, RETIRED_BUILDS_DIR);
  const folder = join(retired, `${Date.now()}-${process.pid}`);
  try {
    mkdirSync(retired, { recursive: true });
    renameSync(outDir, folder);
  } catch {
    return undefined;
  }
  const child = spawn(
    process.execPath,
    ['--import', LOWEST_PRIORITY_PRELOAD, '--input-type=module', '-e', DELETE_FOLDER, retired],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const deleted = new Promise<string | undefined>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code) => resolve(code === 0 ? undefined : errors.trim() || `exit code ${code}`));
  });
  return { folder, deleted };
}
