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
 *
 * Last, the offline service worker (writeOfflineWorker): its precache list
 * names Pagefind's files, so it is written once the index exists.
 *
 * First, it passes `--force` to astro build when the cache folder was filled
 * by other code than this (src/lib/build/code-fingerprint.ts), so an
 * incremental build never reuses a page that code would now render otherwise.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { constants, setPriority, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { env } from '../src/env.ts';
import { BUNDLER_ALLOCATOR_ENV, INDEXER_ALLOCATOR_ENV, withAllocatorSettings } from '../src/lib/build/allocator-env.ts';
import { retireOutDir } from '../src/lib/build/retired-output.ts';
import {
  OWN_CACHE_FILES,
  codeFingerprint,
  recordCodeFingerprint,
  recordedCodeFingerprint,
} from '../src/lib/build/code-fingerprint.ts';
import { COVERAGE_FILE, offlineSettings } from '../src/lib/offline/names.ts';
import { SW_FILE } from '../src/lib/offline/worker-file.ts';
import {
  ARTICLE_GLOBS,
  HASHED_URL,
  INDEX_GLOBS,
  SHELL_GLOBS,
  SHELL_IGNORES,
  planPrecache,
  precacheUrl,
} from '../src/lib/offline/precache-plan.ts';
import {
  BUNDLE_DIR,
  builtArticleSlugs,
  indexerNeedMb,
  linkArticlePages,
  pagefindArgs,
  readIndexedPageCount,
} from '../src/lib/search/pagefind-index.ts';
import { keepOnlyShards, restoreShard, shardKey, storeShard } from '../src/lib/search/shard-cache.ts';
import {
  ARTICLE_LIST,
  SHARD_MANIFEST,
  isMergedShardFile,
  shardFolder,
  shardManifest,
  splitIntoShards,
} from '../src/lib/search/shards.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Inside node_modules, so the bundle's package imports resolve to the project's own (bundleCardWorker). */
const CARD_WORKER_BUNDLE = 'node_modules/.cache/site/card-worker.mjs';

/** The folder `astro build` writes with these arguments (this project keeps Astro's default, dist). */
export function outDirFromArgs(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--outDir') return resolve(ROOT, args[i + 1] ?? 'dist');
    if (args[i].startsWith('--outDir=')) return resolve(ROOT, args[i].slice('--outDir='.length));
  }
  return resolve(ROOT, 'dist');
}

/**
 * Starts Pagefind's CLI. `exited` says whether it succeeded, and why not; `writing` resolves once it
 * has begun to write the index into `outputPath` (its `fragment/` folder exists), or has exited;
 * `isRunning()` is false from the moment it has exited.
 * With `lowestPriority` it works on the cores others leave idle: its main thread (the npm wrapper's)
 * gets the lowest priority before it can start the binary, whose threads all inherit it
 * (`os.setPriority()` changes one thread only).
 */
function startPagefind(pagefindBin, args, outputPath, { lowestPriority = false } = {}) {
  const child = spawn(pagefindBin, args, {
    stdio: 'inherit',
    env: withAllocatorSettings(process.env, INDEXER_ALLOCATOR_ENV),
  });
  if (lowestPriority && child.pid !== undefined)
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Gone already, or not ours to change: the priority only decides how fast, never what is written.
    }
  let running = true;
  const exited = new Promise((resolveExit) => {
    child.on('error', (error) => {
      running = false;
      resolveExit({ ok: false, why: error.message });
    });
    child.on('close', (status, signal) => {
      running = false;
      resolveExit({ ok: status === 0, why: signal ? `killed by ${signal}` : `exit code ${status}` });
    });
  });
  const writing = new Promise((resolveWriting) => {
    const poll = setInterval(() => {
      if (!existsSync(join(outputPath, 'fragment'))) return;
      clearInterval(poll);
      resolveWriting();
    }, 100);
    exited.then(() => {
      clearInterval(poll);
      resolveWriting();
    });
  });
  return { exited, writing, isRunning: () => running };
}

/**
 * The published articles, newest first, as `astro build` listed them (ARTICLE_LIST), each checked
 * against the folder it wrote: an index of pages the site does not have would be wrong. Other folders
 * under posts/ are redirect pages from renamed posts, which are never indexed.
 */
export function readArticleList(site) {
  const file = join(site, BUNDLE_DIR, ARTICLE_LIST);
  let ids;
  try {
    ids = JSON.parse(readFileSync(file, 'utf8')).ids;
  } catch (error) {
    throw new Error(`${file} is missing or unreadable (${error.message}): build the site with npm run build`, {
      cause: error,
    });
  }
  const built = new Set(builtArticleSlugs(site));
  const missing = Array.isArray(ids) ? ids.filter((id) => !built.has(id)) : ['(no list of ids)'];
  if (missing.length > 0 || new Set(ids).size !== ids.length)
    throw new Error(
      `${file} lists articles that are not built once each in ${join(site, 'posts')} (${missing.slice(0, 3).join(', ') || 'a repeated id'}): build the site again with npm run build`,
    );
  return ids;
}

/**
 * Starts Pagefind's CLI over the articles in `ids` only, from a scratch folder of links to their pages
 * (linkArticlePages), so that an index is a function of those pages alone (shard-cache.ts). It sits
 * beside `site`, on the same disk, and is removed once the indexer has exited.
 */
function startShard(site, ids, outputPath, pagefindBin, options) {
  const scratch = mkdtempSync(join(dirname(site), `.${basename(site)}-search-shard-`));
  try {
    linkArticlePages(site, ids, scratch);
    const run = startPagefind(
      pagefindBin,
      [...pagefindArgs(scratch), '--output-path', outputPath],
      outputPath,
      options,
    );
    run.exited = run.exited.finally(() => rmSync(scratch, { recursive: true, force: true }));
    return run;
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes the search index into <site>/pagefind: one index, or, past `maxPerShard` articles, shards of
 * the newest-first list (src/lib/search/shards.ts), so the indexer never holds more than a shard.
 * With `shardCache` (a folder), a shard whose articles and pages are those of a shard kept there by
 * the last build is reused instead of indexed (src/lib/search/shard-cache.ts).
 *
 * Shards are indexed one after another, with one overlap: once a shard begins to write its files it
 * is past its peak memory and works on one core, so the next shard starts beside it, at the lowest
 * priority, on the idle core. The shard after that one waits until it has exited, and runs at normal
 * priority again: two indexers never run at the same priority, so a starting shard never slows the
 * writing one into its own peak (two at the same priority peaked at 3.05 GB, docs/benchmarks.md).
 * Returns a message for the build log when it failed, else undefined.
 */
export async function writeSearchIndex(
  site,
  {
    maxPerShard = env.SEARCH_SHARD_MAX_ARTICLES,
    pagefindBin = resolve(ROOT, 'node_modules/.bin/pagefind'),
    shardCache = undefined,
  } = {},
) {
  const started = performance.now();
  const bundleDir = join(site, BUNDLE_DIR);
  let ids;
  try {
    ids = readArticleList(site);
  } catch (error) {
    return `✖ ${error.message}`;
  }
  // What an earlier build left (this folder is not Astro's to clear: it is written after Astro exits).
  rmSync(bundleDir, { recursive: true, force: true });
  const shards = splitIntoShards(ids, maxPerShard);
  const keys = new Set();
  const warn = (message) => console.warn(`[site-pagefind] ${message}`);
  let reused = 0;
  /** Each indexed shard's outcome once it is in place: undefined, or the build log's message. */
  const outcomes = [];
  let failed = false;
  /** The last indexer started. */
  let previous;
  for (const [k, shard] of shards.entries()) {
    const outputPath = join(bundleDir, shardFolder(k));
    const key = shardCache && shardKey(site, shard);
    if (key) keys.add(key);
    if (key && restoreShard(shardCache, key, outputPath, shard.length, warn)) {
      reused++;
      if (k > 0) keepOnlyMergedFiles(outputPath);
      continue;
    }
    const finish = () => {
      if (key) storeShard(shardCache, key, outputPath, warn);
      if (k > 0) keepOnlyMergedFiles(outputPath);
    };
    if (previous) {
      await (previous.lowestPriority ? previous.exited : previous.writing);
      if (!previous.isRunning()) await previous.exited;
      // A failed shard fails the index: no shard after it starts.
      if (failed) break;
    }
    const lowestPriority = previous !== undefined && !previous.lowestPriority && previous.isRunning();
    const run = { ...startShard(site, shard, outputPath, pagefindBin, { lowestPriority }), lowestPriority };
    run.exited = run.exited
      .then((result) => {
        if (result.ok) return finish();
        failed = true;
        return indexerFailure(site, result.why, shard.length, maxPerShard);
      })
      .catch((error) => {
        failed = true;
        throw error;
      });
    // Awaited with the others below; a file error while the next shard runs must not be an unhandled rejection.
    run.exited.catch(() => {});
    outcomes.push(run.exited);
    previous = run;
  }
  const failure = (await Promise.all(outcomes)).find(Boolean);
  if (failure) return failure;
  if (shardCache) keepOnlyShards(shardCache, keys, warn);
  // With no article published there is no shard (Pagefind refuses to write an empty index): the manifest says so.
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(join(bundleDir, SHARD_MANIFEST), JSON.stringify(shardManifest(shards.length)));
  const pages = readIndexedPageCount(site);
  // Pagefind skips a page it finds nothing to index in; a search that silently misses articles must not ship.
  if (pages !== ids.length)
    return `✖ Pagefind indexed ${pages} ${pages === 1 ? 'page' : 'pages'}, but the site has ${ids.length} articles: the search index in ${bundleDir} is incomplete; deploy nothing from this build.`;
  if (pages === 0) {
    console.log(`[site-pagefind] no published articles, so no search index: every search finds nothing`);
    return undefined;
  }
  const notes = [];
  if (shards.length > 1) notes.push(`${shards.length} shards: ${shards.map((s) => s.length).join(', ')}`);
  if (reused > 0)
    notes.push(
      reused === shards.length
        ? 'unchanged: reused from the cache folder'
        : `${reused} unchanged ${reused === 1 ? 'shard' : 'shards'} reused from the cache folder`,
    );
  console.log(
    `[site-pagefind] Pagefind indexed ${pages} ${pages === 1 ? 'page' : 'pages'}${notes.length ? ` (${notes.join('; ')})` : ''} in ${Math.round(performance.now() - started)} ms → ${BUNDLE_DIR}/`,
  );
  return undefined;
}

/** What the build log says when Pagefind failed on a shard of `articles` articles. */
function indexerFailure(site, why, articles, maxPerShard) {
  return [
    `✖ Pagefind failed (${why}): the site in ${site} has no search index; deploy nothing from this build.`,
    // The npm wrapper reports an indexer killed by a signal as a bare exit 1; the OS's OOM killer is the usual sender.
    `  If it stopped without an error above, it was most likely killed by the operating system for lack of memory:`,
    `  indexing ${articles.toLocaleString('en')} ${articles === 1 ? 'article' : 'articles'} needs about ${indexerNeedMb(articles).toLocaleString('en')} MB (docs/benchmarks.md);`,
    `  SEARCH_SHARD_MAX_ARTICLES (now ${maxPerShard.toLocaleString('en')}) sets how many one index may hold.`,
  ].join('\n');
}

/** Pagefind writes its engine, WASM and UI into every bundle; a merged shard uses the first bundle's. */
function keepOnlyMergedFiles(bundle) {
  for (const entry of readdirSync(bundle, { withFileTypes: true }))
    if (!isMergedShardFile(entry.name, entry.isDirectory())) rmSync(join(bundle, entry.name), { recursive: true });
}

/**
 * workbox-build, loaded on first use: its entry loads generateSW's bundler and
 * compilers too (~0.8 s of CPU, against ~0.15 s for what injectManifest uses),
 * so the command line starts loading it while astro build runs in its own process.
 */
let workboxBuild;
const loadWorkboxBuild = () => (workboxBuild ??= import('workbox-build'));

/** Bundles a worker source (TypeScript, with its imports) into one classic script. */
async function bundleWorker(source, outfile) {
  await esbuild({
    entryPoints: [resolve(ROOT, source)],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    // Workbox logs and asserts only in development builds.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

/**
 * Bundles the social cards' drawing process (src/lib/social/card-worker.ts) as
 * an ES module for Node. Packages stay imports, resolved from the project's
 * node_modules, so `outfile` must be inside the project: its sharp is then
 * the very one the build itself loads.
 */
export async function bundleCardWorker(outfile) {
  await esbuild({
    entryPoints: [resolve(ROOT, 'src/lib/social/card-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Bytes of the files under `site` that `patterns` match, less `ignores`: what
 * workbox-build's getManifest reports as `size` for the same globs. Only the sum
 * decides the plan, and getManifest hashes every file to get it (34 MB of
 * articles at 1,000 posts: ~0.5 s of the worker step); a stat per file does not.
 */
export function globBytes(site, patterns, ignores) {
  let bytes = 0;
  for (const file of new Set(globSync(patterns, { cwd: site, exclude: ignores }))) {
    const stats = statSync(join(site, file));
    if (stats.isFile()) bytes += stats.size;
  }
  return bytes;
}

/**
 * Writes <site>/sw.js: the offline worker with its precache list, or, with the
 * worker switched off, one that removes itself and its caches. Returns what it
 * precached, for the build log and tests.
 */
export async function writeOfflineWorker(site, settings = offlineSettings(env)) {
  const swDest = join(site, SW_FILE);
  if (!settings.enabled) {
    await bundleWorker('src/offline/retired-worker.ts', swDest);
    console.log(`[site-offline] service worker off: ${SW_FILE} unregisters itself and deletes its caches`);
    return { coverage: 'off', count: 0, size: 0 };
  }
  const plan = planPrecache(
    {
      shell: globBytes(site, SHELL_GLOBS, SHELL_IGNORES),
      index: globBytes(site, INDEX_GLOBS, SHELL_IGNORES),
      articles: globBytes(site, ARTICLE_GLOBS, SHELL_IGNORES),
    },
    settings.budgetBytes,
    // With no article published the build wrote no index (writeSearchIndex).
    { searchIndex: readIndexedPageCount(site) > 0 },
  );
  writeFileSync(join(site, COVERAGE_FILE), JSON.stringify({ coverage: plan.coverage }));
  const scratch = mkdtempSync(join(tmpdir(), 'site-sw-'));
  try {
    const swSrc = join(scratch, SW_FILE);
    await bundleWorker('src/offline/service-worker.ts', swSrc);
    const { injectManifest } = await loadWorkboxBuild();
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest,
      globDirectory: site,
      globPatterns: plan.globs,
      globIgnores: SHELL_IGNORES,
      dontCacheBustURLsMatching: HASHED_URL,
      // The budget decides what goes in (planPrecache), and the shell always does: no cap per file.
      maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
      manifestTransforms: [
        async (entries) => ({ manifest: entries.map((entry) => ({ ...entry, url: precacheUrl(entry.url) })) }),
      ],
    });
    for (const warning of warnings) console.warn(`[site-offline] ${warning}`);
    console.log(
      `[site-offline] ${SW_FILE} precaches ${count} files, ${(size / 1024).toFixed(1)} KB (${plan.coverage === 'all' ? 'every article and the whole index' : `visited articles only: past the ${settings.budgetBytes / 1024} KB budget`})`,
    );
    return { coverage: plan.coverage, count, size };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  // Incremental builds reuse pages from the cache folder; code Astro does not track decides whether they may.
  const cacheDir = resolve(ROOT, env.ASTRO_CACHE_DIR);
  const fingerprint = codeFingerprint(ROOT);
  const recorded = recordedCodeFingerprint(cacheDir);
  const cold = recorded !== fingerprint || args.includes('--force');
  const astroArgs = cold && !args.includes('--force') ? [...args, '--force'] : args;
  if (cold)
    for (const file of Object.values(OWN_CACHE_FILES)) rmSync(join(cacheDir, file), { recursive: true, force: true });
  if (recorded !== undefined && recorded !== fingerprint)
    console.log(
      '[site-build] the code behind the content (loader, Markdown plugins, integrations, config, dependencies) changed since the cache folder was filled: every page is built again (astro build --force)',
    );
  const site = outDirFromArgs(args);
  const retiredOutput = retireOutDir(site, cacheDir);
  const cardWorker = await bundleCardWorker(resolve(ROOT, CARD_WORKER_BUNDLE));
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs], {
    stdio: 'inherit',
    env: { ...withAllocatorSettings(process.env, BUNDLER_ALLOCATOR_ENV), SOCIAL_CARD_WORKER: cardWorker },
  });
  // Loads on this process's thread while Astro works in its own; awaited when the worker is written.
  loadWorkboxBuild().catch(() => {});
  const astro = await new Promise((resolveExit, rejectExit) => {
    child.on('error', rejectExit);
    child.on('close', (status, signal) => resolveExit({ status, signal }));
  });
  // A signal with no message (SIGKILL) is usually the OS's out-of-memory killer; say so, it is not obvious.
  if (astro.signal)
    console.error(
      `✖ astro build was killed (${astro.signal}), most likely by the operating system for lack of memory.`,
    );
  if (astro.status !== 0) process.exit(astro.status ?? 1);
  recordCodeFingerprint(cacheDir, fingerprint);
  let failure;
  try {
    failure = await writeSearchIndex(site, { shardCache: join(cacheDir, OWN_CACHE_FILES.searchShards) });
  } catch (error) {
    // Not the content (astro build checked it) but the machine: a disk that fails a read or a write.
    failure = `✖ The search index could not be written (${error.message}): deploy nothing from this build.`;
  }
  if (failure) {
    console.error(failure);
    process.exit(1);
  }
  await writeOfflineWorker(site);
  const notDeleted = await retiredOutput?.deleted;
  if (notDeleted)
    console.warn(
      `[site-build] the previous build, moved to ${retiredOutput.folder}, could not be deleted (${notDeleted}); the next build tries again`,
    );
}
