import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUNDLER_ALLOCATOR_ENV,
  INDEXER_ALLOCATOR_ENV,
  withAllocatorSettings,
} from '../../../src/lib/build/allocator-env';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('withAllocatorSettings', () => {
  it('adds each setting the environment lacks and keeps the rest of the environment', () => {
    const merged = withAllocatorSettings({ PATH: '/bin' }, { MIMALLOC_ALLOW_THP: '0' });
    expect(merged).toEqual({ PATH: '/bin', MIMALLOC_ALLOW_THP: '0' });
  });

  it('leaves a value the caller set alone, so a shell can tune or undo it', () => {
    const base = { MIMALLOC_ALLOW_THP: '2', _RJEM_MALLOC_CONF: 'narenas:8' };
    expect(withAllocatorSettings(base, BUNDLER_ALLOCATOR_ENV).MIMALLOC_ALLOW_THP).toBe('2');
    expect(withAllocatorSettings(base, INDEXER_ALLOCATOR_ENV)._RJEM_MALLOC_CONF).toBe('narenas:8');
    expect(base).toEqual({ MIMALLOC_ALLOW_THP: '2', _RJEM_MALLOC_CONF: 'narenas:8' });
  });
});

// The allocators ignore a variable they do not know, so these check that the installed binaries read ours.
describe('the installed allocators take the settings', () => {
  it("Rolldown's mimalloc reads MIMALLOC_ALLOW_THP", () => {
    const run = spawnSync(process.execPath, ['-e', "import('rolldown')"], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...withAllocatorSettings(process.env, BUNDLER_ALLOCATOR_ENV), MIMALLOC_VERBOSE: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/option 'allow_thp': 0\b/);
  });

  it("Pagefind's jemalloc reads _RJEM_MALLOC_CONF", () => {
    const conf = `${INDEXER_ALLOCATOR_ENV._RJEM_MALLOC_CONF},stats_print:true`;
    const run = spawnSync(`${ROOT}/node_modules/.bin/pagefind`, ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, _RJEM_MALLOC_CONF: conf },
    });
    expect(run.status).toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/opt\.narenas: 2\b/);
    expect(output).toMatch(/opt\.dirty_decay_ms: 1000\b/);
    expect(output).toMatch(/opt\.muzzy_decay_ms: 0\b/);
  });
});
