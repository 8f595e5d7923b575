#!/usr/bin/env node
/**
 * `npm run build [-- <astro build options>]`: `astro build`, then Pagefind's CLI
 * (the `pagefind` bin, as `npx pagefind` runs it) over the pages it wrote.
 *
 * The index is written after Astro has exited, not in an `astro:build:done` hook,
 * because there the two add up: at 10,000 posts Astro still holds ~2.3 GB while
 * the indexer climbs to ~4.2 GB. Peak RSS of the whole process tree, measured:
 * 6.4 GB indexing inside the hook, 4.3 GB indexing here. This is a script rather
 * than `astro build && pagefind` so that options such as --outDir reach Astro and
 * the indexer indexes the folder Astro wrote.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_DIR,
  builtArticleSlugs,
  indexerNeedMb,
  pagefindArgs,
  readIndexedPageCount,
} from '../src/lib/search/pagefind-index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The folder `astro build` writes with these arguments (this project keeps Astro's default, dist). */
export function outDirFromArgs(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--outDir') return resolve(ROOT, args[i + 1] ?? 'dist');
    if (args[i].startsWith('--outDir=')) return resolve(ROOT, args[i].slice('--outDir='.length));
  }
  return resolve(ROOT, 'dist');
}

/** Runs the indexer over `site`; a message for the build log when it failed, else undefined. */
export function writeSearchIndex(site, pagefindBin = resolve(ROOT, 'node_modules/.bin/pagefind')) {
  const started = performance.now();
  const run = spawnSync(pagefindBin, pagefindArgs(site), { stdio: 'inherit' });
  if (run.status === 0) {
    const pages = readIndexedPageCount(site);
    console.log(
      `[site-pagefind] Pagefind indexed ${pages} ${pages === 1 ? 'page' : 'pages'} in ${Math.round(performance.now() - started)} ms → ${BUNDLE_DIR}/`,
    );
    return undefined;
  }
  const articles = builtArticleSlugs(site).length;
  return [
    `✖ Pagefind failed (${run.error?.message ?? `exit code ${run.status}`}): the site in ${site} has no search index; deploy nothing from this build.`,
    // The npm wrapper reports an indexer killed by a signal as a bare exit 1; the OS's OOM killer is the usual sender.
    `  If it stopped without an error above, it was most likely killed by the operating system for lack of memory:`,
    `  indexing ${articles.toLocaleString('en')} ${articles === 1 ? 'article' : 'articles'} needs about ${indexerNeedMb(articles).toLocaleString('en')} MB (docs/benchmarks.md).`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const astro = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
    stdio: 'inherit',
  });
  // A signal with no message (SIGKILL) is usually the OS's out-of-memory killer; say so, it is not obvious.
  if (astro.signal)
    console.error(
      `✖ astro build was killed (${astro.signal}), most likely by the operating system for lack of memory.`,
    );
  if (astro.status !== 0) process.exit(astro.status ?? 1);
  const failure = writeSearchIndex(outDirFromArgs(args));
  if (failure) {
    console.error(failure);
    process.exit(1);
  }
}
