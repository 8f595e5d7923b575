/**
 * npx tsx bench/search-shards.ts --site <built dist> [--shards 2] [--query market,staking,validators]
 *
 * What a number of shards trades against one index, on a built site (docs/benchmarks.md): the built
 * articles are split by id (the bench's ids are chronological, so each shard is a span of dates), each
 * shard is indexed by Pagefind's CLI on its own, one after another, and then, in Chromium, a first
 * search over the single index is compared with the same search over the shards merged with Pagefind's
 * `mergeIndex`: the bytes each fetches (8 results' fragments, as the site's dialog shows), and the
 * peak memory and time of the indexing. The build itself shards past SEARCH_SHARD_MAX_ARTICLES
 * (src/lib/search/shards.ts); this is the measurement for choosing that number. Writes only inside
 * --site (pagefind-shard-N/ and a probe page) and bench/tmp.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './generate-fixtures';
import { runMeasured, type MeasuredRun } from './lib/measured-run';
import { wireBytes } from './lib/measure';
import { textTable } from './lib/report';
import { startStaticServer } from '../scripts/lib/static-server';
import { launchChromium } from '../scripts/lib/chromium';
import { builtArticleSlugs, linkArticlePages, pagefindArgs } from '../src/lib/search/pagefind-index';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    shards: { type: 'string', default: '2' },
    query: { type: 'string', default: 'market,staking,validators' },
  },
});
if (!values.site) throw new Error('--site <a dist/ that npm run build wrote> is required');
const site = resolve(values.site);
const shardCount = Number(values.shards);
if (!Number.isInteger(shardCount) || shardCount < 2) throw new Error('--shards must be a whole number of at least 2');
const TMP = join(ROOT, 'bench/tmp/search-shards');
const PAGEFIND = join(ROOT, 'node_modules/.bin/pagefind');
const PROBE_PAGE = 'search-shards-probe.html';
/** The dialog shows up to 8 results, each with its fragment (src/components/search). */
const RESULTS_SHOWN = 8;

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Pagefind's CLI over the given articles only, from a folder of links to their pages (linkArticlePages). */
async function indexArticles(label: string, slugs: readonly string[], outputPath: string): Promise<MeasuredRun> {
  const folder = join(TMP, label);
  rmSync(folder, { recursive: true, force: true });
  linkArticlePages(site, slugs, folder);
  rmSync(outputPath, { recursive: true, force: true });
  const run = await runMeasured({
    command: PAGEFIND,
    args: [...pagefindArgs(folder), '--output-path', outputPath],
    cwd: ROOT,
    env: process.env,
    logFile: join(TMP, `${label}.log`),
    timeFile: join(TMP, `${label}.time`),
  });
  rmSync(folder, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`Pagefind failed on ${label}: ${run.output.slice(-2000)}`);
  return run;
}

/** The part of Pagefind's JS API (pagefind.js) the probe calls. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
}

interface Probe {
  results: number;
  bytes: number;
  wireBytes: number;
  requests: number;
}

/** One first search in a fresh browser: the bundle at `bundles[0]`, the others merged into it. */
async function probe(bundles: readonly string[], query: string): Promise<Probe> {
  const server = await startStaticServer(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + PROBE_PAGE);
    const start = server.requests.length;
    const results = await page.evaluate(
      async ({ bundles, query, shown }) => {
        const pagefind = (await import(`/${bundles[0]}/pagefind.js`)) as PagefindModule;
        // The site's own options (src/components/search/pagefind-client.ts).
        await pagefind.options({ baseUrl: '/', excerptLength: 22, noWorker: true });
        for (const other of bundles.slice(1)) await pagefind.mergeIndex(`/${other}/`);
        await pagefind.init();
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
        return search.results.length;
      },
      { bundles: [...bundles], query, shown: RESULTS_SHOWN },
    );
    await server.settled();
    const fetched = server.requests.slice(start).filter((r) => bundles.some((b) => r.path.includes(`/${b}/`)));
    return {
      results,
      requests: fetched.length,
      bytes: fetched.reduce((sum, r) => sum + r.bytes, 0),
      wireBytes: wireBytes(site, fetched),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const slugs = builtArticleSlugs(site);
  if (slugs.length === 0) throw new Error(`${site} has no built articles`);
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(site, PROBE_PAGE), '<!doctype html><html lang="en"><title>probe</title></html>\n');

  const single = await indexArticles('single', slugs, join(site, 'pagefind-single'));
  // Spans of `size` articles from the newest, as a reader's search would load them; the oldest holds the rest.
  const size = Math.ceil(slugs.length / shardCount);
  const shards = Array.from({ length: Math.ceil(slugs.length / size) }, (_, k) =>
    slugs.slice(Math.max(0, slugs.length - (k + 1) * size), slugs.length - k * size),
  );
  console.log(`${slugs.length} articles: one index, then ${shards.length} shards, one after another…`);
  const shardRuns: MeasuredRun[] = [];
  const shardBundles: string[] = [];
  for (const [k, part] of shards.entries()) {
    const bundle = `pagefind-shard-${k + 1}`;
    shardRuns.push(await indexArticles(bundle, part, join(site, bundle)));
    shardBundles.push(bundle);
  }
  const indexRows = [
    ['one index', String(slugs.length), `${(single.wallMs / 1000).toFixed(1)} s`, mb(single.peakRssBytes)],
    ...shardRuns.map((run, k) => [
      `shard ${k + 1}`,
      String(shards[k]!.length),
      `${(run.wallMs / 1000).toFixed(1)} s`,
      mb(run.peakRssBytes),
    ]),
  ];
  console.log(`\n${textTable(['index', 'articles', 'wall', 'peak RSS'], indexRows)}`);

  const rows: string[][] = [];
  for (const query of values.query.split(',').map((q) => q.trim())) {
    const one = await probe(['pagefind-single'], query);
    const merged = await probe(shardBundles, query);
    rows.push([
      query,
      `${kb(one.bytes)} (gz ${kb(one.wireBytes)}), ${one.requests} files, ${one.results} results`,
      `${kb(merged.bytes)} (gz ${kb(merged.wireBytes)}), ${merged.requests} files, ${merged.results} results`,
      `${merged.wireBytes >= one.wireBytes ? '+' : '−'}${kb(Math.abs(merged.wireBytes - one.wireBytes))}`,
    ]);
  }
  console.log(
    `\n${textTable(['query', 'one index: first search', `${shards.length} shards merged: first search`, 'difference (gz)'], rows)}`,
  );
  rmSync(join(site, PROBE_PAGE), { force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
