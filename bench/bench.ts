/**
 * npm run bench [-- --runs N] [--large] [--sizes 100,1000] [--format md|mdx] [--all-mdx] [--docs-only]
 *                [--concurrency N] [--query WORD] [--no-docs] [--keep] [--no-warm] [--incremental [--verify] [--baseline]]
 * npm run bench -- --compare-baseline [--runs N] [--sizes 100,1000] [--baseline-formats md,mdx] [--no-docs]
 * npm run bench -- --before DIR [--runs N] [--sizes 1000] [--format md|mdx]
 *
 * Full production builds of synthetic posts (`npm run build`, as users run it)
 * with CONTENT_DIR pointing at the fixtures and --outDir / ASTRO_CACHE_DIR in
 * bench/tmp/, cleaned before every run. Prints a table as it goes, writes
 * bench/results.json and regenerates docs/benchmarks.md + docs/benchmarks.svg.
 * After the cold runs, the same number of warm rebuilds of the same posts keep
 * the cache folder (drawn social cards, Astro's image and content caches), as
 * a deploy that restores it does (.github/workflows/deploy.yml); --no-warm skips them.
 * Results for sizes/format/concurrency not run this time are kept from the
 * previous results.json, so `--large` can be added later without redoing 1k.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { writeFixtures, defaultFixtureDir, realIds, ROOT } from './generate-fixtures';
import { articleWeight, dirStats, probeFirstSearch, routeSizes, standalonePagefind } from './lib/measure';
import {
  formatCpuByRole,
  formatStages,
  renderMarkdown,
  renderPlot,
  tableRows,
  textTable,
  TABLE_HEADER,
  type BenchResults,
  type SizeResult,
} from './lib/report';
import { generatePost, generatePosts, type FixtureFormat } from './lib/fixtures';
import {
  BEFORE_AFTER_HEADER,
  beforeAfterOrder,
  beforeAfterRows,
  beforeAfterVerdict,
  type BeforeAfter,
  COMPARISON_HEADER,
  comparisonRows,
  median,
  mergeComparisons,
  runOrder,
  type BaselineComparison,
  type Side,
  type SideSamples,
} from './lib/compare';
import { runMeasured } from './lib/measured-run';
import type { BuildStage, ProcessRole, StageTime } from '../scripts/lib/proc-tree';
import { describeTreeDiff, diffTrees } from './lib/tree-diff';
import { briefTimeline, renderedPages } from './lib/timeline';
import type { BuildTimeline } from '../src/lib/build/build-timeline';
import { DEFAULT_BUILD_CONCURRENCY } from '../src/env';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    format: { type: 'string', default: 'mdx' },
    concurrency: { type: 'string', default: String(DEFAULT_BUILD_CONCURRENCY) },
    query: { type: 'string', default: 'market,staking,validators' },
    'no-docs': { type: 'boolean', default: false },
    /** Only regenerate docs/benchmarks.md and the plot from bench/results.json. */
    'docs-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    /** Compile every .mdx post as MDX (PLAIN_MDX_AS_MARKDOWN=0), to measure what rendering plain .mdx as Markdown (src/lib/content/posts-loader.ts) saves. */
    'all-mdx': { type: 'boolean', default: false },
    /** Incremental rebuilds instead of the cold-build table: see benchIncremental. */
    incremental: { type: 'boolean', default: false },
    /** With --incremental: compare the last rebuild's dist/ with a cold build of the same content. */
    verify: { type: 'boolean', default: false },
    /** With --incremental: the same rebuilds of bench/baseline-blog with experimental.incrementalBuild on. */
    baseline: { type: 'boolean', default: false },
    /** Paired builds of our site and bench/baseline-blog on the same posts (see compareBaseline below). */
    'compare-baseline': { type: 'boolean', default: false },
    /** Which files the comparison feeds both builds: .md, and/or the same posts as .mdx files. */
    'baseline-formats': { type: 'string', default: 'md,mdx' },
    /** Another checkout of this project (the commit before a change, with its own npm ci): paired cold builds, see compareBefore. */
    before: { type: 'string' },
  },
});

const runs = Number(values.runs);
const format = values.format as FixtureFormat;
const concurrency = Number(values.concurrency);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
if (values.verify && !values.incremental) throw new Error('--verify compares incremental rebuilds: add --incremental');
if (values.baseline && !values.incremental)
  throw new Error('--baseline runs the incremental rebuilds on bench/baseline-blog: add --incremental');
if (format !== 'md' && format !== 'mdx') throw new Error('--format must be md or mdx');
const sizes = values.sizes ? values.sizes.split(',').map(Number) : [100, 1000, ...(values.large ? [10_000] : [])];

const TMP = join(ROOT, 'bench/tmp');
const RESULTS_FILE = join(ROOT, 'bench/results.json');
const MEMORY_METHOD =
  'sum of RSS over the whole `npm run build` process tree (npm, sh, node and any workers), sampled from /proc every 100 ms';

const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** "378ms", "49.66s", "1m 7s" → ms. */
function durationMs(text: string): number {
  const m = /^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1);
}

/**
 * How long the index step took, from the build script's own summary line,
 * e.g. "[site-pagefind] Pagefind indexed 1099 pages in 7054 ms".
 */
export function indexingMsFromLog(output: string): number | null {
  const line = /\[site-pagefind\][^\n]*?\bin ((?:\d+m\s*)?[\d.]+)\s?(ms|s)\b/.exec(stripVTControlCharacters(output));
  return line ? durationMs(`${line[1]}${line[2]}`) : null;
}

interface RunResult {
  wallMs: number;
  /** user + system CPU time of the whole tree (GNU time, all waited-for descendants). */
  cpuMs: number | null;
  peakRssBytes: number;
  cpuMsByRole: Record<ProcessRole, number>;
  stages: Record<BuildStage, StageTime>;
  /** What `astro build` recorded (BUILD_TIMELINE_FILE); null when the tree built does not write one. */
  timeline: BuildTimeline | null;
  log: string;
  outDir: string;
  cacheDir: string;
}

/**
 * One measured build into bench/tmp/out-<label>, with the cache folder bench/tmp/cache-<label>.
 * `keepCache` reuses the cache folder an earlier run of the same label filled; a cold run starts
 * without one. The log is bench/tmp/logs/build-<logName>.log.
 */
async function runBuild(
  label: string,
  command: (outDir: string, cacheDir: string) => BuildCommand,
  { keepCache = false, logName = label }: { keepCache?: boolean; logName?: string } = {},
): Promise<RunResult> {
  const outDir = join(TMP, `out-${label}`);
  const cacheDir = join(TMP, `cache-${label}`);
  rmSync(outDir, { recursive: true, force: true });
  if (!keepCache) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(join(TMP, 'logs'), { recursive: true });
  const logFile = join(TMP, 'logs', `build-${logName}.log`);
  const timelineFile = join(TMP, 'logs', `timeline-${logName}.json`);
  rmSync(timelineFile, { force: true });
  const build = command(outDir, cacheDir);
  const { code, wallMs, cpuMs, peakRssBytes, cpuMsByRole, stages, output } = await runMeasured({
    ...build,
    env: { ...build.env, BUILD_TIMELINE_FILE: timelineFile },
    logFile,
    timeFile: join(TMP, 'logs', `time-${label}.txt`),
  });
  if (code !== 0)
    throw new Error(`build ${label} failed (exit ${code}); log: ${relative(ROOT, logFile)}\n${output.slice(-3000)}`);
  const timeline = existsSync(timelineFile) ? (JSON.parse(readFileSync(timelineFile, 'utf8')) as BuildTimeline) : null;
  return { wallMs, cpuMs, peakRssBytes, cpuMsByRole, stages, timeline, log: output, outDir, cacheDir };
}

/** This tree's `npm run build` on the posts in `contentDir`, as the size table and --incremental build it. */
const thisTreeBuild =
  (contentDir: string) =>
  (outDir: string, cacheDir: string): BuildCommand => {
    const build = siteBuild(ROOT, contentDir, outDir, cacheDir);
    return values['all-mdx'] ? { ...build, env: { ...build.env, PLAIN_MDX_AS_MARKDOWN: '0' } } : build;
  };

function loadPrevious(): SizeResult[] {
  if (!existsSync(RESULTS_FILE)) return [];
  try {
    return (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults).results;
  } catch {
    return [];
  }
}

/** The machine and versions every result file records, so figures from different boxes are not compared blindly. */
function machineInfo(): BenchResults['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    astro: astroVersion(),
  };
}

function astroVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string })
    .version;
}

async function benchSize(posts: number): Promise<SizeResult> {
  const postsDir = defaultFixtureDir(posts, format);
  log(`\n▶ ${posts.toLocaleString('en')} .${format} posts: generating fixtures…`);
  writeFixtures({ count: posts, format, outDir: postsDir });
  const contentDir = join(postsDir, '..');
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  const cpuByRole: Record<ProcessRole, number>[] = [];
  const stagesByRun: Record<BuildStage, StageTime>[] = [];
  let last: RunResult | undefined;
  const timelines: BuildTimeline[] = [];
  let pages: number | null = null;
  let pagefindMs: number | null = null;
  const label = `${posts}-${format}-c${concurrency}${values['all-mdx'] ? '-allmdx' : ''}`;
  for (let run = 1; run <= runs; run++) {
    log(`  run ${run}/${runs}: npm run build (CONTENT_DIR=${relative(ROOT, contentDir)}, concurrency ${concurrency})…`);
    if (last && !values.keep) rmSync(last.outDir, { recursive: true, force: true });
    const result = await runBuild(label, thisTreeBuild(contentDir));
    wall.push(result.wallMs);
    if (result.cpuMs != null) cpu.push(result.cpuMs);
    rss.push(result.peakRssBytes);
    cpuByRole.push(result.cpuMsByRole);
    stagesByRun.push(result.stages);
    if (result.timeline) timelines.push(result.timeline);
    pages = result.timeline ? renderedPages(result.timeline.routes) : null;
    pagefindMs = indexingMsFromLog(result.log);
    log(
      `    ${(result.wallMs / 1000).toFixed(1)} s wall, ${result.cpuMs != null ? `${(result.cpuMs / 1000).toFixed(1)} s CPU, ` : ''}${(result.wallMs / posts).toFixed(2)} ms/post, peak RSS ${(result.peakRssBytes / 1024 ** 2).toFixed(0)} MB, ${pages ?? '?'} pages`,
    );
    log(`    CPU by process: ${formatCpuByRole(result.cpuMsByRole)}`);
    log(`    cores busy: ${formatStages(result.stages, cpus().length)}`);
    last = result;
  }
  const warmWall: number[] = [];
  const warmCpu: number[] = [];
  const warmRss: number[] = [];
  for (let run = 1; run <= (values['no-warm'] ? 0 : runs); run++) {
    log(`  warm rebuild ${run}/${runs}: the same posts, the cache folder kept…`);
    const result = await runBuild(label, thisTreeBuild(contentDir), { keepCache: true });
    warmWall.push(result.wallMs);
    if (result.cpuMs != null) warmCpu.push(result.cpuMs);
    warmRss.push(result.peakRssBytes);
    log(
      `    ${(result.wallMs / 1000).toFixed(1)} s wall, ${result.cpuMs != null ? `${(result.cpuMs / 1000).toFixed(1)} s CPU, ` : ''}peak RSS ${(result.peakRssBytes / 1024 ** 2).toFixed(0)} MB`,
    );
    last = result;
  }
  const dist = last!.outDir;
  const distStats = dirStats(dist);
  let indexingMs = pagefindMs;
  let indexingSource = 'the index step’s own log line (scripts/build.mjs)';
  if (!existsSync(join(dist, 'pagefind'))) {
    log('  no dist/pagefind (Pagefind integration not present): indexing standalone with the Pagefind Node API…');
    const standalone = await standalonePagefind(dist);
    indexingMs = standalone.ms;
    indexingSource = 'Pagefind Node API run by the bench after the build (integration absent)';
  } else if (indexingMs == null) {
    indexingSource = 'integration present but its log line has no duration';
  }
  const searchStats = dirStats(join(dist, 'pagefind'));
  const queries = values.query
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  log(`  probing a first search for ${queries.map((q) => `“${q}”`).join(', ')} in Chromium (fresh browser each)…`);
  const probes = [];
  for (const q of queries) probes.push(await probeFirstSearch(dist, q));
  const probe = probes[0];
  const feed = join(dist, 'rss.xml');
  const result: SizeResult = {
    posts,
    format,
    concurrency,
    ...(values['all-mdx'] ? { variant: 'all .mdx compiled as MDX' } : {}),
    runs,
    wallMs: median(wall),
    msPerPost: median(wall) / posts,
    cpuMs: cpu.length ? median(cpu) : null,
    loadAverage: loadavg()[0]!,
    peakRssBytes: median(rss),
    pages,
    dist: distStats,
    search:
      searchStats.files > 0
        ? {
            ...searchStats,
            indexingMs,
            indexingSource,
            firstQuery: probe ?? null,
            otherQueries: probes.slice(1).filter((p) => p !== undefined),
          }
        : null,
    feedBytes: existsSync(feed) ? readFileSync(feed).length : null,
    article: articleWeight(dist) ?? null,
    routes: routeSizes(dist),
    samples: { wallMs: wall, cpuMs: cpu, peakRssBytes: rss },
    cpuByProcess: cpuByRole,
    stages: stagesByRun,
    ...(timelines.length === runs ? { timelines } : {}),
    ...(warmWall.length
      ? {
          warm: {
            runs: warmWall.length,
            wallMs: median(warmWall),
            cpuMs: warmCpu.length ? median(warmCpu) : null,
            peakRssBytes: median(warmRss),
            samples: { wallMs: warmWall, cpuMs: warmCpu, peakRssBytes: warmRss },
          },
        }
      : {}),
  };
  if (!values.keep) rmSync(dist, { recursive: true, force: true });
  rmSync(last!.cacheDir, { recursive: true, force: true });
  return result;
}

// --- Incremental rebuilds (README, "Incremental rebuilds") ---------------------------------------------
/**
 * `--incremental`: per size and run, a cold build, then three rebuilds on the same cache folder: with
 * nothing changed, after one line added to one post's body, after one post's title changed. Printed only;
 * results.json and docs/benchmarks.md keep the cold figures. `--verify` then builds the edited posts
 * cold, in a folder of its own, and compares that dist/ with the last rebuild's, file by file.
 */
async function benchIncremental(posts: number): Promise<void> {
  // The baseline has no <Callout>, so it builds the .md fixtures, as in --compare-baseline.
  const postFormat: FixtureFormat = values.baseline ? 'md' : format;
  const postsDir = defaultFixtureDir(posts, postFormat);
  const options = { format: postFormat, seed: 42, categories: realIds('categories'), authors: realIds('authors') };
  const target = values.baseline ? 'baseline-' : '';
  const command = values.baseline
    ? (outDir: string, cacheDir: string) => baselineBuild(postsDir, outDir, cacheDir, { BASELINE_INCREMENTAL: '1' })
    : thisTreeBuild(join(postsDir, '..'));
  // The generator is deterministic per index, so these are the files writeFixtures writes.
  const bodyEdited = generatePost(Math.floor(posts / 2), options);
  const retitled = generatePost(Math.floor(posts / 3), options);
  const title = (text: string) => `title: ${JSON.stringify(text)}`;
  const steps: [string, () => void][] = [
    ['cold (empty cache)', () => writeFixtures({ count: posts, format: postFormat, outDir: postsDir })],
    ['no change', () => {}],
    [
      'one body line',
      () => writeFileSync(join(postsDir, bodyEdited.fileName), `${bodyEdited.source}\nA line the bench added.\n`),
    ],
    [
      'one title',
      () =>
        writeFileSync(
          join(postsDir, retitled.fileName),
          retitled.source.replace(title(retitled.frontmatter.title), title(`Revised: ${retitled.frontmatter.title}`)),
        ),
    ],
  ];
  const rows: string[][] = [];
  let lastRebuild: RunResult | undefined;
  for (let run = 1; run <= runs; run++) {
    for (const [index, [name, edit]] of steps.entries()) {
      edit();
      log(`  ${posts} posts, run ${run}/${runs}: ${name}…`);
      const result = await runBuild(`${target}${posts}-${postFormat}-incremental`, command, {
        keepCache: index > 0,
      });
      lastRebuild = result;
      rows.push([
        String(posts),
        String(run),
        name,
        (result.wallMs / 1000).toFixed(1),
        result.cpuMs == null ? '?' : (result.cpuMs / 1000).toFixed(1),
        (result.peakRssBytes / 1024 ** 2).toFixed(0),
        result.timeline ? briefTimeline(result.timeline) : '–',
        indexingNote(result.log),
      ]);
    }
  }
  log(
    `\n${textTable(['posts', 'run', 'build', 'wall s', 'CPU s', 'peak RSS MB', "Astro's stages", 'search index'], rows)}`,
  );
  if (values.verify) {
    log(`  ${posts} posts: the edited posts built cold, to compare with the last rebuild…`);
    const cold = await runBuild(`${target}${posts}-${postFormat}-incremental-cold-check`, command);
    log(
      `  the last rebuild's dist/ against a cold build of the same posts: ${describeTreeDiff(diffTrees(cold.outDir, lastRebuild!.outDir))}`,
    );
    if (!values.keep) rmSync(cold.outDir, { recursive: true, force: true });
    rmSync(cold.cacheDir, { recursive: true, force: true });
  }
}
/** The index step's time and what it says it did with the shards kept from the last build, from its log line. */
function indexingNote(buildLog: string): string {
  const ms = indexingMsFromLog(buildLog);
  const kept = /Pagefind indexed [^\n]*?(unchanged: reused|\d+ unchanged shards? reused)/.exec(buildLog)?.[1];
  return ms == null ? '–' : `${(ms / 1000).toFixed(1)} s${kept ? ` (${kept})` : ''}`;
}
// --- end of incremental rebuilds ---------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  if (values.incremental) {
    for (const posts of sizes) await benchIncremental(posts);
    return;
  }
  if (values['compare-baseline']) return compareBaseline();
  if (values.before !== undefined) return compareBefore(resolve(values.before));
  if (!values['docs-only'])
    log(
      `Benchmark: sizes ${sizes.join(', ')} · .${format} · ${runs} run(s) each (median) · build.concurrency ${concurrency}`,
    );
  const fresh: SizeResult[] = [];
  for (const posts of values['docs-only'] ? [] : sizes) {
    fresh.push(await benchSize(posts));
    log(`\n${textTable(TABLE_HEADER, tableRows(fresh))}`);
  }
  const key = (r: SizeResult) => `${r.posts}|${r.format}|${r.concurrency}|${r.variant ?? ''}`;
  const freshKeys = new Set(fresh.map(key));
  const merged = [...loadPrevious().filter((r) => !freshKeys.has(key(r))), ...fresh].sort(
    (a, b) => a.format.localeCompare(b.format) * -1 || a.concurrency - b.concurrency || a.posts - b.posts,
  );
  const results: BenchResults = {
    generatedBy: 'npm run bench (bench/bench.ts)',
    machine: machineInfo(),
    memoryMethod: MEMORY_METHOD,
    results: merged,
    ...previousBaselineComparison(),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote ${relative(ROOT, RESULTS_FILE)}`);
  if (!values['no-docs']) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    writeFileSync(join(ROOT, 'docs/benchmarks.svg'), await renderPlot(merged));
    writeFileSync(
      join(ROOT, 'docs/benchmarks.md'),
      renderMarkdown(results, 'benchmarks.svg', join(ROOT, 'bench/notes.md')),
    );
    log('Wrote docs/benchmarks.md and docs/benchmarks.svg');
  }
  log(`\nAll results (median of the stated runs):\n${textTable(TABLE_HEADER, tableRows(merged))}`);
}

// ── Baseline comparison (--compare-baseline) ─────────────────────────────────────────────────────
// Our full build and bench/baseline-blog (Astro's blog template, cut to its builds) on the same posts,
// alternating who goes first each run. The posts are the .md fixtures: the .mdx ones carry our
// <Callout> component, which the baseline does not have. Both commands are measured alike by
// runMeasured: wall, CPU and peak RSS of the whole process tree, cold caches and output every run.

const BASELINE_ROOT = join(ROOT, 'bench/baseline-blog');
const BASELINE_POSTS_VARIANT: Record<FixtureFormat, string> = {
  md: 'the .md fixtures (1,000–1,500 words, headings, lists, quotes, code in ~30 %; tags and a category, which only our build renders)',
  mdx: 'the same posts saved as .mdx (no components): the baseline compiles each through @astrojs/mdx, ours renders a plain .mdx as Markdown',
};

/**
 * The .md fixtures, written for both builds. As .mdx they are the component-free MDX posts the
 * comparison needs: the .mdx fixtures carry our <Callout>, which the baseline does not have.
 */
function writeComparisonPosts(count: number, format: FixtureFormat): string {
  if (format === 'md') return writeFixtures({ count, format: 'md', outDir: defaultFixtureDir(count, 'md') });
  const dir = join(TMP, `content-${count}-plain-mdx`, 'posts');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const options = { format: 'md' as const, seed: 42, categories: realIds('categories'), authors: realIds('authors') };
  for (const post of generatePosts(count, options)) writeFileSync(join(dir, `${post.id}.mdx`), post.source);
  return dir;
}

function previousBaselineComparison(): Pick<BenchResults, 'baselineComparison'> {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    const { baselineComparison } = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults;
    return baselineComparison ? { baselineComparison } : {};
  } catch {
    return {};
  }
}

const htmlPages = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

interface BuildCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** `npm run build` of the checkout `tree` on the posts in `contentDir`, as the size table builds it. */
function siteBuild(tree: string, contentDir: string, outDir: string, cacheDir: string): BuildCommand {
  return {
    command: 'npm',
    args: ['run', 'build', '--', '--outDir', outDir],
    cwd: tree,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_BUILD_CONCURRENCY: String(concurrency),
      FORCE_COLOR: '0',
    },
  };
}

/** `astro build` of bench/baseline-blog on the posts in `postsDir` (the posts themselves, not their parent). */
function baselineBuild(postsDir: string, outDir: string, cacheDir: string, env: NodeJS.ProcessEnv = {}): BuildCommand {
  return {
    command: 'npx',
    args: ['astro', 'build', '--root', BASELINE_ROOT, '--outDir', outDir],
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      BASELINE_POSTS_DIR: postsDir,
      BASELINE_CACHE_DIR: cacheDir,
      ...env,
    },
  };
}

/** One cold build of a paired comparison: fresh output and cache folders, measured, then cleaned up. */
async function pairedBuild(
  label: string,
  run: number,
  command: (outDir: string, cacheDir: string) => BuildCommand,
): Promise<RunResult & { pages: number }> {
  const result = await runBuild(label, command, { logName: `${label}-run${run}` });
  const pages = htmlPages(result.outDir);
  if (!values.keep) rmSync(result.outDir, { recursive: true, force: true });
  rmSync(result.cacheDir, { recursive: true, force: true });
  return { ...result, pages };
}

/** `runs` rounds of both sides, in the order `order` gives each round, logged as they go. */
async function pairedSamples<S extends string>(
  order: (run: number) => readonly S[],
  build: (side: S, run: number) => Promise<RunResult & { pages: number }>,
): Promise<Record<S, SideSamples>> {
  const samples = {} as Record<S, SideSamples>;
  for (const side of order(1)) samples[side] = { wallMs: [], cpuMs: [], peakRssBytes: [], pages: 0 };
  for (let run = 1; run <= runs; run++) {
    for (const side of order(run)) {
      log(`  run ${run}/${runs}: ${side}…`);
      const result = await build(side, run);
      const s = samples[side];
      s.wallMs.push(result.wallMs);
      if (result.cpuMs != null) s.cpuMs.push(result.cpuMs);
      s.peakRssBytes.push(result.peakRssBytes);
      s.pages = result.pages;
      log(
        `    ${(result.wallMs / 1000).toFixed(1)} s wall, ${result.cpuMs != null ? `${(result.cpuMs / 1000).toFixed(1)} s CPU, ` : ''}peak RSS ${(result.peakRssBytes / 1024 ** 2).toFixed(0)} MB, ${result.pages} pages`,
      );
    }
  }
  return samples;
}

async function compareSize(posts: number, format: FixtureFormat): Promise<BaselineComparison> {
  log(`\n▶ ${posts.toLocaleString('en')} .${format} posts, ours vs baseline: generating fixtures…`);
  const postsDir = writeComparisonPosts(posts, format);
  const samples = await pairedSamples<Side>(runOrder, (side, run) =>
    pairedBuild(`compare-${posts}-${format}-${side}`, run, (outDir, cacheDir) =>
      side === 'ours'
        ? siteBuild(ROOT, join(postsDir, '..'), outDir, cacheDir)
        : baselineBuild(postsDir, outDir, cacheDir),
    ),
  );
  return { posts, format, postsVariant: BASELINE_POSTS_VARIANT[format], runs, loadAverage: loadavg()[0]!, ...samples };
}

async function compareBaseline(): Promise<void> {
  log(
    `Ours vs baseline blog: sizes ${sizes.join(', ')} · ${runs} paired run(s) each · build.concurrency ${concurrency} (ours)`,
  );
  const fresh: BaselineComparison[] = [];
  const formats = values['baseline-formats'].split(',').map((f) => f.trim());
  for (const f of formats)
    if (f !== 'md' && f !== 'mdx') throw new Error(`--baseline-formats takes md and/or mdx, got ${f}`);
  for (const posts of sizes) {
    for (const f of formats as FixtureFormat[]) fresh.push(await compareSize(posts, f));
    log(`\n${textTable(COMPARISON_HEADER, comparisonRows(fresh))}`);
  }
  const previous: BenchResults | undefined = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults)
    : undefined;
  const results: BenchResults = {
    generatedBy: previous?.generatedBy ?? 'npm run bench (bench/bench.ts)',
    machine: machineInfo(),
    memoryMethod: MEMORY_METHOD,
    results: previous?.results ?? [],
    baselineComparison: mergeComparisons(previous?.baselineComparison ?? [], fresh),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote ${relative(ROOT, RESULTS_FILE)}`);
  if (!values['no-docs']) {
    writeFileSync(
      join(ROOT, 'docs/benchmarks.md'),
      renderMarkdown(results, 'benchmarks.svg', join(ROOT, 'bench/notes.md')),
    );
    log('Wrote docs/benchmarks.md');
  }
  log(
    `\nOurs vs baseline (median, range over runs; ratios are ours ÷ baseline per paired run):\n${textTable(COMPARISON_HEADER, comparisonRows(results.baselineComparison!))}`,
  );
}
// ── end of baseline comparison ───────────────────────────────────────────────────────────────────

// ── Before and after a change (--before) ─────────────────────────────────────────────────────────
// Cold builds of this tree and of another checkout of the project on the same posts (this tree's
// fixtures), alternating which goes first, each measured by runMeasured as the size table is. Make the
// other checkout with `git worktree add ../before <commit> && (cd ../before && npm ci)`. Prints the
// table and the verdict on the 10 % rule; results.json and the docs are left alone, since a
// before/after check is evidence for one change, not a figure of the site.

async function compareBefore(beforeTree: string): Promise<void> {
  const packageName = (tree: string) =>
    existsSync(join(tree, 'package.json'))
      ? (JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as { name?: string }).name
      : undefined;
  if (packageName(beforeTree) !== packageName(ROOT) || !existsSync(join(beforeTree, 'node_modules')))
    throw new Error(`--before ${beforeTree}: expected another checkout of ${packageName(ROOT)} with its own npm ci`);
  if (resolve(beforeTree) === resolve(ROOT))
    throw new Error('--before names this checkout: give the tree before the change');
  const trees = { before: beforeTree, after: ROOT };
  const sizesHere = values.sizes ? sizes : [1000];
  log(`Before ${beforeTree} · after ${ROOT} · sizes ${sizesHere.join(', ')} · .${format} · ${runs} paired cold run(s)`);
  const fresh: BeforeAfter[] = [];
  for (const posts of sizesHere) {
    const postsDir = defaultFixtureDir(posts, format);
    log(`\n▶ ${posts.toLocaleString('en')} .${format} posts: generating fixtures…`);
    writeFixtures({ count: posts, format, outDir: postsDir });
    const samples = await pairedSamples(beforeAfterOrder, (side, run) =>
      pairedBuild(`before-after-${posts}-${format}-${side}`, run, (outDir, cacheDir) =>
        siteBuild(trees[side], join(postsDir, '..'), outDir, cacheDir),
      ),
    );
    fresh.push({ posts, format, runs, loadAverage: loadavg()[0]!, ...samples });
  }
  log(`\n${textTable(BEFORE_AFTER_HEADER, beforeAfterRows(fresh))}\n`);
  for (const comparison of fresh) log(beforeAfterVerdict(comparison));
}
// ── end of before and after ──────────────────────────────────────────────────────────────────────

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
