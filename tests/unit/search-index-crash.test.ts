import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inheritedEnv } from '../support/build-site';

/**
 * Runs the index step of `npm run build` (scripts/build.mjs) over a one-article
 * site, with a stand-in for Pagefind's CLI, in a process of its own: the exit
 * status is what fails `npm run build`.
 */
function indexWith(fakeIndexer: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-fake-'));
  const site = join(dir, 'dist');
  mkdirSync(join(site, 'posts', 'a-post'), { recursive: true });
  writeFileSync(
    join(site, 'posts', 'a-post', 'index.html'),
    '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Text</p></main></body></html>',
  );
  const bin = join(dir, 'pagefind-fake.sh');
  writeFileSync(bin, `#!/bin/sh\n${fakeIndexer}\n`);
  chmodSync(bin, 0o755);
  const script = `import(${JSON.stringify(resolve('scripts/build.mjs'))}).then((m) => {
    const failure = m.writeSearchIndex(${JSON.stringify(site)}, ${JSON.stringify(bin)});
    if (failure) { console.error(failure); process.exit(1); }
  })`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: inheritedEnv(),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('search index: a failing indexer fails the build, saying why', () => {
  it('an indexer killed mid-run (as the OOM killer does) is reported with the memory it needs', () => {
    // Pagefind's npm wrapper turns the death of its binary by a signal into a bare exit 1: the same here.
    const run = indexWith('sh -c "kill -9 \\$\\$"; exit 1');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('has no search index; deploy nothing from this build');
    expect(run.stderr).toContain('most likely killed by the operating system for lack of memory');
    expect(run.stderr).toMatch(/indexing 1 article needs about [\d,]+ MB/);
  });
  it('an indexer that exits with an error is reported with its output', () => {
    const run = indexWith('echo "Error: the glob did not parse" >&2; exit 3');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Error: the glob did not parse');
    expect(run.stderr).toContain('Pagefind failed (exit code 3)');
  });
  it('a real indexer killed by SIGKILL through the pagefind bin fails the step too', () => {
    // The real wrapper (node_modules/.bin/pagefind) with its binary replaced by one that is killed.
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(resolve('scripts/build.mjs'))}).then((m) => { const f = m.writeSearchIndex(${JSON.stringify(mkdtempSync(join(tmpdir(), 'pagefind-real-')))}); if (f) { console.error(f); process.exit(1); } })`,
      ],
      { env: { ...inheritedEnv(), PAGEFIND_EXTENDED_BINARY_PATH: killedBinary() }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('most likely killed by the operating system for lack of memory');
  });
});

/** A stand-in for Pagefind's binary that the OS "kills" (SIGKILL) as soon as it starts. */
function killedBinary(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pagefind-killed-')), 'pagefind_extended');
  writeFileSync(file, '#!/bin/sh\nkill -9 $$\n');
  chmodSync(file, 0o755);
  return file;
}
