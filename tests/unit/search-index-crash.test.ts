import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inheritedEnv } from '../support/build-site';
import { runIndexStep } from '../support/index-step';

/**
 * Runs the index step of `npm run build` (scripts/build.mjs) over a one-article
 * site, with a stand-in for Pagefind's CLI, in a process of its own: the exit
 * status is what fails `npm run build`.
 */
function indexWith(
  fakeIndexer: string,
  listed: string[] | null = ['a-post'],
): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-fake-'));
  const bin = join(dir, 'pagefind-fake.sh');
  writeFileSync(bin, `#!/bin/sh\n${fakeIndexer}\n`);
  chmodSync(bin, 0o755);
  return runIndexStep(oneArticleSite(dir, listed), { pagefindBin: bin });
}

/** A built site with one article, `a-post`, and the article list `astro build` writes beside it. */
function oneArticleSite(dir: string, listed: string[] | null = ['a-post']): string {
  const site = join(dir, 'dist');
  mkdirSync(join(site, 'posts', 'a-post'), { recursive: true });
  writeFileSync(
    join(site, 'posts', 'a-post', 'index.html'),
    '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Text</p></main></body></html>',
  );
  if (listed) {
    mkdirSync(join(site, 'pagefind'));
    writeFileSync(join(site, 'pagefind', 'articles.json'), JSON.stringify({ ids: listed }));
  }
  return site;
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
  it('a site without the article list astro build writes is refused, naming the file, before indexing', () => {
    const run = indexWith('echo indexed; exit 0', null);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/pagefind\/articles\.json is missing or unreadable .*build the site with npm run build/);
    expect(run.stderr).not.toContain('indexed');
  });
  it('an article list naming an article that was not built is refused', () => {
    const run = indexWith('exit 0', ['a-post', 'another-post']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /articles\.json lists articles that are not built once each in .*posts \(another-post\)/,
    );
  });
  it('a real indexer killed by SIGKILL through the pagefind bin fails the step too', () => {
    // The real wrapper (node_modules/.bin/pagefind) with its binary replaced by one that is killed.
    const run = runIndexStep(
      oneArticleSite(mkdtempSync(join(tmpdir(), 'pagefind-real-'))),
      {},
      { ...inheritedEnv(), PAGEFIND_EXTENDED_BINARY_PATH: killedBinary() },
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

describe('search index: past SEARCH_SHARD_MAX_ARTICLES, shards of the newest-first list (real Pagefind)', () => {
  it('indexes five articles as shards of 1, 2 and 2, in list order, and leaves no scratch folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-shards-'));
    const site = join(dir, 'dist');
    const ids = ['e-newest', 'd-post', 'c-post', 'b-post', 'a-oldest'];
    for (const id of ids) {
      mkdirSync(join(site, 'posts', id), { recursive: true });
      writeFileSync(
        join(site, 'posts', id, 'index.html'),
        `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${id}</h1><p>Words about ${id}.</p></main></body></html>`,
      );
    }
    // A renamed post's redirect page: under posts/, not in the list, never indexed.
    mkdirSync(join(site, 'posts', 'old-name'));
    writeFileSync(
      join(site, 'posts', 'old-name', 'index.html'),
      '<!doctype html><html lang="en"><head><meta http-equiv="refresh" content="0;url=/posts/c-post/"></head></html>',
    );
    mkdirSync(join(site, 'pagefind'));
    writeFileSync(join(site, 'pagefind', 'articles.json'), JSON.stringify({ ids }));
    const run = runIndexStep(site, { maxPerShard: 2 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Pagefind indexed 5 pages \(3 shards: 1, 2, 2\) in \d+ ms → pagefind\//);
    const bundle = join(site, 'pagefind');
    expect(JSON.parse(readFileSync(join(bundle, 'shards.json'), 'utf8'))).toEqual({
      bundles: ['', 'shard-2/', 'shard-3/'],
    });
    const fragmentUrls = (folder: string) =>
      readdirSync(join(bundle, folder, 'fragment')).map((file) => {
        const json = gunzipSync(readFileSync(join(bundle, folder, 'fragment', file))).toString('utf8');
        return (JSON.parse(json.slice('pagefind_dcd'.length)) as { url: string }).url;
      });
    expect(fragmentUrls('')).toEqual(['/posts/e-newest/']);
    expect(fragmentUrls('shard-2').sort()).toEqual(['/posts/c-post/', '/posts/d-post/']);
    expect(fragmentUrls('shard-3').sort()).toEqual(['/posts/a-oldest/', '/posts/b-post/']);
    expect(existsSync(join(bundle, 'articles.json'))).toBe(false);
    expect(existsSync(join(bundle, 'shard-2', 'pagefind.js'))).toBe(false);
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['dist']);
  });
});

describe('search index: the next shard starts beside one that writes, at the lowest priority', () => {
  it('overlaps a shard with the next only while it writes, and never two at one priority', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-overlap-'));
    const site = join(dir, 'dist');
    const ids = ['d-newest', 'c-post', 'b-post', 'a-oldest'];
    for (const id of ids) {
      mkdirSync(join(site, 'posts', id), { recursive: true });
      writeFileSync(join(site, 'posts', id, 'index.html'), '<!doctype html><html lang="en"><body></body></html>');
    }
    mkdirSync(join(site, 'pagefind'));
    writeFileSync(join(site, 'pagefind', 'articles.json'), JSON.stringify({ ids }));
    // A stand-in indexer: it logs when it starts (with its niceness) and ends, and begins writing (its
    // fragment/ folder) halfway. The pause before `nice` leaves the build time to lower its priority.
    const log = join(dir, 'runs.log');
    const bin = join(dir, 'pagefind-fake.sh');
    writeFileSync(
      bin,
      `#!/bin/sh
while [ $# -gt 0 ]; do case "$1" in --site) site=$2; shift;; --output-path) out=$2; shift;; esac; shift; done
shard=$(basename "$out")
sleep 0.2
echo "start $shard $(nice)" >> ${JSON.stringify(log)}
mkdir -p "$out"
sleep 0.6
mkdir "$out/fragment"
printf '{"languages":{"en":{"page_count":%d}}}' "$(ls "$site/posts" | wc -l)" > "$out/pagefind-entry.json"
sleep 0.8
echo "end $shard" >> ${JSON.stringify(log)}
`,
    );
    chmodSync(bin, 0o755);
    const run = runIndexStep(site, { maxPerShard: 1, pagefindBin: bin });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Pagefind indexed 4 pages \(4 shards: 1, 1, 1, 1\)/);
    const lowest = String(19);
    // Shard 2 starts while shard 1 writes, niced; shard 3 waits for shard 2 to end and runs at normal priority.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'start pagefind 0',
      `start shard-2 ${lowest}`,
      'end pagefind',
      'end shard-2',
      'start shard-3 0',
      `start shard-4 ${lowest}`,
      'end shard-3',
      'end shard-4',
    ]);
  }, 20_000);
});

describe('search index: every article indexed', () => {
  it('fails when Pagefind indexes fewer pages than the site has articles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-missing-'));
    const site = oneArticleSite(dir, ['a-post', 'b-post']);
    // An article page without data-pagefind-body, while another has one: Pagefind leaves it out.
    mkdirSync(join(site, 'posts', 'b-post'), { recursive: true });
    writeFileSync(
      join(site, 'posts', 'b-post', 'index.html'),
      '<!doctype html><html lang="en"><body><p>Text</p></body></html>',
    );
    const run = runIndexStep(site);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Pagefind indexed 1 page, but the site has 2 articles');
  });
});
