/**
 * Runs the real production build (`astro build`, as `npm run build` does) into a
 * temporary folder with a given environment. Tests read what it wrote.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_DEADLINE_MS } from './timeouts';
import { processTable } from '../../scripts/lib/proc-tree';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TMP_ROOT = join(ROOT, 'node_modules/.tmp-tests');
/** Fixed clock so the publishing rule and every printed date are reproducible in tests. */
export const TEST_EPOCH = String(Date.UTC(2026, 0, 15) / 1000);

export interface BuildResult {
  ok: boolean;
  code: number | null;
  output: string;
  distDir: string;
  /** The build was still running at BUILD_DEADLINE_MS and was killed; `output` ends with its process tree. */
  stuck: boolean;
}

/** Builds still running; killed with their groups if vitest exits first (they run detached). */
const running = new Set<number>();
process.once('exit', () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** The processes of a process group: pid, parent, state, kernel wait channel and command line. */
function processGroupReport(pgid: number): string {
  const rows: string[] = [];
  for (const [pid, { state, ppid, pgrp }] of processTable()) {
    if (pgrp !== pgid) continue;
    const read = (file: string) => {
      try {
        return readFileSync(`/proc/${pid}/${file}`, 'utf8');
      } catch {
        return ''; // exited while we looked, or not readable on this kernel
      }
    };
    const wchan = read('wchan').replace(/^0$/, ''); // "0": running, not waiting
    const cmdline = read('cmdline').split('\0').join(' ').trim();
    rows.push(`  pid ${pid} (parent ${ppid}) state ${state}${wchan ? ` waiting in ${wchan}` : ''}: ${cmdline.slice(0, 300)}`);
  }
  return rows.length ? rows.join('\n') : '  (no process left in the group)';
}

/**
 * The parent's environment minus what vitest injects (NODE_ENV=test, DEV=1,
 * MODE, SITE, ...): left in, they make `astro build` render in dev mode. A CONTENT_DIR
 * from the caller's shell is dropped too: a test chooses its content explicitly.
 */
const VITEST_INJECTED = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'BASE', 'FORCE_TTY', 'CONTENT_DIR']);
/** The environment for an Astro child process (build or dev server); tests add what they need on top. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (VITEST_INJECTED.has(key) || key.startsWith('VITEST')) delete env[key];
  return env;
}

function runBuild(name: string, env: Record<string, string>, args: string[], via: 'astro' | 'npm-run-build'): Promise<BuildResult> {
  const workDir = join(TMP_ROOT, name);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const distDir = join(workDir, 'dist');
  return new Promise((resolvePromise, reject) => {
    const entry = via === 'astro' ? [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'] : [join(ROOT, 'scripts/build.mjs')];
    const child = spawn(process.execPath, [...entry, '--outDir', distDir, ...args], {
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
      // Its own process group, so a stuck build is killed with everything it started.
      detached: true,
    });
    running.add(child.pid!);
    let output = '';
    let stuck = false;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = setTimeout(() => {
      stuck = true;
      output += `\n[build-site] "${name}" was still running after ${BUILD_DEADLINE_MS / 1000} s and was killed. Its processes then:\n${processGroupReport(child.pid!)}\n`;
      process.kill(-child.pid!, 'SIGKILL');
    }, BUILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      running.delete(child.pid!);
      resolvePromise({ ok: code === 0 && !stuck, code, output, distDir, stuck });
    });
  });
}

/**
 * `astro build` by default (no search index); `via: 'npm-run-build'` runs scripts/build.mjs,
 * as `npm run build` does, which writes the search index after Astro has exited.
 *
 * A stuck build (see BUILD_DEADLINE_MS) is printed with its process tree and run once
 * more: a stall says nothing about what the test checks, and the report stays in the log.
 * A build that finishes, whether it succeeds or fails, is never retried.
 */
export async function buildSite(name: string, env: Record<string, string> = {}, args: string[] = [], via: 'astro' | 'npm-run-build' = 'astro'): Promise<BuildResult> {
  const first = await runBuild(name, env, args, via);
  if (!first.stuck) return first;
  console.warn(first.output);
  const second = await runBuild(name, env, args, via);
  return { ...second, output: `[build-site] "${name}" was retried after a stuck first attempt (its output is above)\n${second.output}` };
}

/** The default build most tests read: real content, default config. */
export const MAIN_BUILD = 'main';
export const mainDistDir = join(TMP_ROOT, MAIN_BUILD, 'dist');
