import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inheritedEnv } from '../support/build-site';

/**
 * Pagefind's Node API does not watch its indexer process. If the OS kills it
 * (out of memory) after a request was sent, nothing rejects: without a guard the
 * event loop empties and the build exits 0 with no search index.
 */
describe('search index: an indexer killed mid-run fails the build', () => {
  it('exits 1 and says the indexer died, likely for lack of memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-killed-'));
    const site = join(dir, 'dist');
    mkdirSync(join(site, 'posts', 'a-post'), { recursive: true });
    writeFileSync(join(site, 'posts', 'a-post', 'index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Text</p></main></body></html>');
    // Stands in for the real binary: reads the first request, then dies as the OOM killer would end it.
    const fakeIndexer = join(dir, 'pagefind-killed.sh');
    writeFileSync(fakeIndexer, '#!/bin/sh\nhead -c 1 > /dev/null\nkill -9 $$\n');
    chmodSync(fakeIndexer, 0o755);
    const script = `import(${JSON.stringify(resolve('src/integrations/search-index.ts'))}).then((m) => m.buildSearchIndex(${JSON.stringify(site)}))`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...inheritedEnv(), PAGEFIND_EXTENDED_BINARY_PATH: fakeIndexer },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('the indexer stopped before it finished');
    expect(run.stderr).toMatch(/Indexing 1 article needs about [\d,]+ MB/);
  });
});
