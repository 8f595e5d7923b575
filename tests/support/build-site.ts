/**
 * Runs the real production build (`astro build`, as `npm run build` does) into a
 * temporary folder with a given environment. Tests read what it wrote.
 *
 * Each build is a child process rather than Astro's programmatic `build()`: builds
 * differ by environment (CONTENT_DIR, SITE, BASE, ...), which src/site.config.ts reads
 * at module load; vitest sets NODE_ENV=test in its own processes, which makes Astro
 * render as in dev; and tests assert on what the build printed, which `build()` does
 * not hand back. The test's own timeout is the only deadline.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TMP_ROOT = join(ROOT, 'node_modules/.tmp-tests');
/** Fixed clock so the publishing rule and every printed date are reproducible in tests. */
export const TEST_EPOCH = String(Date.UTC(2026, 0, 15) / 1000);

export interface BuildResult {
  ok: boolean;
  code: number | null;
  output: string;
  distDir: string;
}

/**
 * The parent's environment minus what vitest injects (NODE_ENV=test, DEV=1,
 * MODE, SITE, ...): left in, they make `astro build` render in dev mode. A CONTENT_DIR
 * from the caller's shell is dropped too: a test chooses its content explicitly.
 */
const VITEST_INJECTED = new Set([
  'NODE_ENV',
  'TEST',
  'DEV',
  'PROD',
  'MODE',
  'SSR',
  'BASE_URL',
  'SITE',
  'BASE',
  'FORCE_TTY',
  'CONTENT_DIR',
]);
/** The environment for an Astro child process (build or dev server); tests add what they need on top. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (VITEST_INJECTED.has(key) || key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * What `npm run build` runs (scripts/build.mjs: `astro build`, then the search index), so every
 * test reads the site readers get; a bare `astro build` writes no index.
 */
export function buildSite(name: string, env: Record<string, string> = {}, args: string[] = []): Promise<BuildResult> {
  const workDir = join(TMP_ROOT, name);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const distDir = join(workDir, 'dist');
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', distDir, ...args], {
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ASTRO_CACHE_DIR: join(workDir, 'cache'),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ ok: code === 0, code, output, distDir }));
  });
}

/** The default build most tests read: real content, default config. */
export const MAIN_BUILD = 'main';
