import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inheritedEnv } from '../support/build-site';

/** Runs buildSearchIndex over a one-article site with a stand-in for the Pagefind binary. */
function indexWith(fakeIndexer: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-fake-'));
  const site = join(dir, 'dist');
  mkdirSync(join(site, 'posts', 'a-post'), { recursive: true });
  writeFileSync(join(site, 'posts', 'a-post', 'index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Text</p></main></body></html>');
  const binary = join(dir, 'pagefind-fake.sh');
  writeFileSync(binary, `#!/bin/sh\n${fakeIndexer}\n`);
  chmodSync(binary, 0o755);
  const script = `import(${JSON.stringify(resolve('src/integrations/search-index.ts'))}).then((m) => m.buildSearchIndex(${JSON.stringify(site)}))`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...inheritedEnv(), PAGEFIND_EXTENDED_BINARY_PATH: binary },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('search index: a failing indexer fails the build, saying why', () => {
  it('an indexer killed mid-run (as the OOM killer does) is reported with the memory it needs', () => {
    const run = indexWith('kill -9 $$');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('the indexer was killed (SIGKILL) before it finished, most likely by the operating system for lack of memory');
    expect(run.stderr).toMatch(/Indexing 1 article needs about [\d,]+ MB/);
  });
  it('an indexer that exits with an error is reported with its output', () => {
    const run = indexWith('echo "Error: the glob did not parse" >&2; exit 3');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('indexing failed (exit code 3): Error: the glob did not parse');
  });
});
