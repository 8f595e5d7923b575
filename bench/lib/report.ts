/**
 * Turns bench/results.json into docs/benchmarks.md and an SVG plot rendered
 * server-side by Vega-Lite + Vega (no browser, no hand-drawn paths).
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  BUILD_STAGES,
  PROCESS_ROLES,
  type BuildStage,
  type ProcessRole,
  type StageTime,
} from '../../scripts/lib/proc-tree';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { COMPARISON_HEADER, comparisonRows, median, withRange, type BaselineComparison } from './compare';
import { timelineRows, type TimelineRow } from './timeline';
import type { BuildTimeline } from '../../src/lib/build/build-timeline';
import { DEFAULT_BUILD_CONCURRENCY } from '../../src/env';

export interface SearchProbeResult {
  query: string;
  results: number;
  fragments: number;
  bytes: number;
  wireBytes?: number;
  requests: { path: string; bytes: number }[];
  /** The offline worker's install, registered by the search's key press: its script and precache fetches. */
  workerInstall?: { bytes: number; files: number; pagefindBytes: number; revalidated: number } | null;
  method: string;
}

export interface SizeResult {
  posts: number;
  format: 'md' | 'mdx';
  concurrency: number;
  /** A non-default configuration, e.g. every .mdx compiled as MDX. */
  variant?: string;
  runs: number;
  /** Medians over `runs`; the raw values are in `samples`. */
  wallMs: number;
  msPerPost: number;
  /** user + system CPU seconds of the build tree, median. */
  cpuMs: number | null;
  /** 1-minute load average when the size finished: other work on the machine inflates wall time. */
  loadAverage: number;
  peakRssBytes: number;
  pages: number | null;
  /** Astro's stage timings as its log printed them; only in results measured before the build timeline. */
  astroTimings?: Record<string, number>;
  dist: { bytes: number; files: number };
  search: {
    bytes: number;
    files: number;
    indexingMs: number | null;
    indexingSource: string;
    /** Bytes a first query fetches. */
    firstQuery: SearchProbeResult | null;
    /** The same probe for further queries (each in a fresh browser), e.g. a topic word. */
    otherQueries?: SearchProbeResult[];
  } | null;
  feedBytes: number | null;
  article: { page: string; htmlGzip: number; cssGzip: number; cssFiles: number } | null;
  /** Rebuilds of the same posts with the cache folder kept (a deploy that restores it); absent when not run. */
  warm?: {
    runs: number;
    wallMs: number;
    cpuMs: number | null;
    peakRssBytes: number;
    samples: { wallMs: number[]; cpuMs: number[]; peakRssBytes: number[] };
  };
  /** Largest file per kind of route: must stay flat with post count, except listings' page count and sitemap parts. */
  routes?: Record<string, { files: number; maxBytes: number }>;
  samples: { wallMs: number[]; cpuMs: number[]; peakRssBytes: number[] };
  /** Each cold run's CPU per kind of process, sampled from /proc (scripts/lib/proc-tree.ts); absent in older results. */
  cpuByProcess?: Record<ProcessRole, number>[];
  /** Each cold run's wall and CPU time while Astro, then the indexer, led the build; absent in older results. */
  stages?: Record<BuildStage, StageTime>[];
  /** Each cold run's timeline from `astro build` (BUILD_TIMELINE_FILE); absent in older results. */
  timelines?: BuildTimeline[];
}

export interface BenchResults {
  generatedBy: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; astro: string };
  memoryMethod: string;
  results: SizeResult[];
  /** `npm run bench -- --compare-baseline`: paired builds of our site and bench/baseline-blog. */
  baselineComparison?: BaselineComparison[];
}

export const TARGETS = {
  ms1k: 12_000,
  ms10k: 120_000,
  rss10k: 3 * 1024 ** 3,
  linearity: 1.1,
  firstSearch10k: 250 * 1024,
  searchFiles: 20_000,
};

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const megabytes = (b: number) => (b / 1024 ** 2).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mb = (b: number) => `${megabytes(b)} MB`;
const sec = (ms: number) => `${seconds(ms)} s`;

/** The worker's install beside a first search: what it fetched, and how many files the HTTP cache already held. */
function workerInstallNote(q: SearchProbeResult): string {
  const w = q.workerInstall;
  return w ? ` + worker install ${kb(w.bytes)} / ${w.files} files (${w.revalidated} revalidated, 304)` : '';
}

/**
 * One result per size, format and variant, as the site builds by default: at the default concurrency, or
 * at 1 for results measured before that default (the fourteenth session), so the targets, the plot and
 * the route table never read a stale row beside a current one.
 */
export function siteDefaultRows(results: readonly SizeResult[]): SizeResult[] {
  const key = (r: SizeResult) => `${r.posts}|${r.format}|${r.variant ?? ''}`;
  const chosen = new Map<string, SizeResult>();
  for (const r of results) {
    if (r.concurrency !== DEFAULT_BUILD_CONCURRENCY && r.concurrency !== 1) continue;
    const held = chosen.get(key(r));
    if (!held || (held.concurrency !== DEFAULT_BUILD_CONCURRENCY && r.concurrency === DEFAULT_BUILD_CONCURRENCY))
      chosen.set(key(r), r);
  }
  return results.filter((r) => chosen.get(key(r)) === r);
}

/** "1,000 mdx", with a non-default concurrency or variant: a size's row name in every table. */
function sizeLabel(r: SizeResult): string {
  return `${r.posts.toLocaleString('en')} ${r.format}${r.concurrency !== 1 ? ` (c=${r.concurrency})` : ''}${r.variant ? ` [${r.variant}]` : ''}`;
}

export function tableRows(results: readonly SizeResult[]): string[][] {
  return results.map((r) => [
    sizeLabel(r),
    String(r.runs),
    withRange(r.wallMs, r.samples?.wallMs, seconds, ' s'),
    r.msPerPost.toFixed(2),
    r.cpuMs != null ? withRange(r.cpuMs, r.samples?.cpuMs, seconds, ' s') : '–',
    r.warm
      ? `${withRange(r.warm.wallMs, r.warm.samples.wallMs, seconds, ' s')}${r.warm.cpuMs != null ? ` / ${withRange(r.warm.cpuMs, r.warm.samples.cpuMs, seconds, ' s')} CPU` : ''}`
      : '–',
    r.loadAverage != null ? r.loadAverage.toFixed(1) : '–',
    withRange(r.peakRssBytes, r.samples?.peakRssBytes, megabytes, ' MB'),
    `${mb(r.dist.bytes)} / ${r.dist.files.toLocaleString('en')}`,
    r.search ? `${mb(r.search.bytes)} / ${r.search.files.toLocaleString('en')}` : '–',
    r.search?.indexingMs != null ? sec(r.search.indexingMs) : '–',
    r.search?.firstQuery
      ? [r.search.firstQuery, ...(r.search.otherQueries ?? [])]
          .map(
            (q) => `${kb(q.bytes)}${q.wireBytes ? ` (gz ${kb(q.wireBytes)})` : ''} ${q.query}${workerInstallNote(q)}`,
          )
          .join('<br>')
      : '–',
    r.feedBytes != null ? kb(r.feedBytes) : '–',
    r.article ? `${kb(r.article.htmlGzip)} / ${kb(r.article.cssGzip)}` : '–',
  ]);
}

export const TABLE_HEADER = [
  'posts',
  'runs',
  'wall (median, range)',
  'ms/post',
  'CPU (user+sys)',
  'warm rebuild',
  'load',
  'peak RSS (tree)',
  'dist size / files',
  'search size / files',
  'indexing',
  'first search',
  'rss.xml',
  'article gz HTML / CSS',
];

export function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Plain-text table for the terminal. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export async function renderPlot(results: readonly SizeResult[]): Promise<string> {
  const label = (r: SizeResult) => `${r.format}${r.variant ? ` (${r.variant})` : ''}`;
  const data = siteDefaultRows(results).flatMap((r) => [
    {
      posts: r.posts,
      format: label(r),
      measure: 'wall',
      metric: 'ms per post',
      value: Number(r.msPerPost.toFixed(2)),
    },
    ...(r.cpuMs != null
      ? [
          {
            posts: r.posts,
            format: label(r),
            measure: 'CPU (user+sys)',
            metric: 'ms per post',
            value: Number((r.cpuMs / r.posts).toFixed(2)),
          },
        ]
      : []),
    {
      posts: r.posts,
      format: label(r),
      measure: 'peak RSS',
      metric: 'peak RSS (MB)',
      value: Math.round(r.peakRssBytes / 1024 ** 2),
    },
  ]);
  const x = {
    field: 'posts',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'posts (log scale)',
    axis: { values: [100, 1000, 10000], format: ',' },
  };
  const color = { field: 'format', type: 'nominal', title: 'build', legend: { labelLimit: 320 } };
  // Lines and points in separate layers: a line mark with point: true gives every legend circle
  // symbols, which hide the dash that tells wall from CPU.
  const panel = (metric: string, title: string): Record<string, unknown> => ({
    title,
    width: 300,
    height: 220,
    transform: [{ filter: { field: 'metric', equal: metric } }],
    encoding: { x, y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: true } }, color },
    layer: [
      {
        mark: 'line',
        encoding: {
          strokeDash: { field: 'measure', type: 'nominal', title: 'measure', legend: { symbolStrokeColor: '#4c4c4c' } },
          detail: { field: 'measure' },
        },
      },
      { mark: { type: 'point', filled: true }, encoding: { detail: { field: 'measure' } } },
    ],
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: data },
    config: { font: 'sans-serif', background: 'white' },
    hconcat: [
      panel('ms per post', 'Build time per post (wall and CPU)'),
      panel('peak RSS (MB)', 'Peak memory (process tree)'),
    ],
  } as unknown as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
}

export function evaluateTargets(results: readonly SizeResult[]): TargetRow[] {
  const find = (posts: number) =>
    siteDefaultRows(results).find((r) => r.posts === posts && r.format === 'mdx' && !r.variant);
  const r1k = find(1000);
  const r10k = find(10_000);
  const largest = [...results].filter((r) => r.search && !r.variant).sort((a, b) => b.posts - a.posts)[0];
  const rows: TargetRow[] = [];
  const cpu = (r: SizeResult | undefined) =>
    r?.cpuMs != null ? ` (CPU ${sec(r.cpuMs)}, load ${r.loadAverage.toFixed(1)})` : '';
  rows.push({
    target: '1,000 MDX posts ≤ 12 s',
    measured: r1k ? sec(r1k.wallMs) + cpu(r1k) : 'not run',
    met: r1k ? r1k.wallMs <= TARGETS.ms1k : null,
  });
  rows.push({
    target: '10,000 MDX posts ≤ 120 s',
    measured: r10k ? sec(r10k.wallMs) + cpu(r10k) : 'not run',
    met: r10k ? r10k.wallMs <= TARGETS.ms10k : null,
  });
  rows.push({
    target: '10,000 MDX peak RSS ≤ 3 GB',
    measured: r10k ? mb(r10k.peakRssBytes) : 'not run',
    met: r10k ? r10k.peakRssBytes <= TARGETS.rss10k : null,
  });
  const ratio = r1k && r10k ? r10k.msPerPost / r1k.msPerPost : null;
  const cpuRatio = r1k?.cpuMs && r10k?.cpuMs ? r10k.cpuMs / 10_000 / (r1k.cpuMs / 1000) : null;
  rows.push({
    target: 'ms/post at 10k ≤ 1.1 × ms/post at 1k',
    measured:
      ratio != null
        ? `${ratio.toFixed(2)} × wall${cpuRatio != null ? `, ${cpuRatio.toFixed(2)} × CPU` : ''}`
        : 'not run',
    met: ratio != null ? ratio <= TARGETS.linearity : null,
  });
  const fq = r10k?.search?.firstQuery;
  const probes = fq ? [fq, ...(r10k?.search?.otherQueries ?? [])] : [];
  rows.push({
    target: 'first search at 10k ≤ 250 KB',
    measured: probes.length
      ? probes.map((q) => `${kb(q.bytes)}${q.wireBytes ? ` (gz ${kb(q.wireBytes)})` : ''} “${q.query}”`).join('; ')
      : 'not run',
    met: probes.length ? probes.every((q) => (q.wireBytes ?? q.bytes) <= TARGETS.firstSearch10k) : null,
  });
  const files = largest?.search?.files;
  rows.push({
    target: 'search output < 20,000 files',
    measured:
      files != null && largest
        ? `${files.toLocaleString('en')} at ${largest.posts.toLocaleString('en')} posts`
        : 'not run',
    met: files != null ? files < TARGETS.searchFiles : null,
  });
  return rows;
}

export function renderMarkdown(results: BenchResults, plotFile: string, notesFile: string): string {
  const { machine } = results;
  const runsNote = [...new Set(results.results.map((r) => r.runs))].join(', ');
  const targets = evaluateTargets(results.results);
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  const fq = results.results.find((r) => r.search?.firstQuery)?.search?.firstQuery;
  return `<!-- Generated by \`npm run bench\` (bench/bench.ts) from bench/results.json. Edit bench/notes.md, not this file. -->
# Build benchmarks

Full production builds (\`npm run build\`, the command users run) of synthetic posts from
\`bench/generate-fixtures.ts\` (1,000–1,500 words, headings, lists, links, emphasis, code in ~30 %,
a \`<Callout>\` in ~20 % of MDX posts), with output and caches cleaned before every run.

Machine: ${machine.cpus} × ${machine.cpuModel}, ${mb(machine.memoryBytes)} RAM, Node ${machine.node}, Astro ${machine.astro}.
Each figure is the **median of the stated number of runs** (runs per size: ${runsNote}), with the range over
those runs in brackets for wall time, CPU, warm rebuilds and peak memory.
Peak memory: ${results.memoryMethod}.

${markdownTable(TABLE_HEADER, tableRows(results.results))}

- *wall*: from spawning \`npm run build\` to its exit; *ms/post* = wall ÷ posts. *CPU*: user + system seconds of
  the whole build tree (GNU time). *warm rebuild*: the same posts built again with the cache folder the cold
  run filled (drawn social cards, Astro's caches), as a deploy that restores it builds. *load*: the 1-minute load average when the size finished; this machine has
  2 cores and is shared with other builds, so a load above ~2 inflates wall time (CPU time much less).
- *search*: \`dist/pagefind\`; *indexing*: ${[...new Set(results.results.map((r) => r.search?.indexingSource).filter(Boolean))].join('; ') || '–'}.
- *first search*: bytes of /pagefind/ files a reader's first search fetches through the site's search dialog
  (pagefind.js, WASM, entry, metadata, index chunk(s) and the result fragments the dialog shows, up to 8; the
  site runs Pagefind without its worker), per query word; *gz* is what a CDN with gzip sends (JS/JSON
  gzipped; Pagefind's index files and WASM are stored compressed). ${fq ? fq.method : 'not measured'}.
  The key press also registers the offline worker, so the figure includes any Pagefind file its install fetches;
  *worker install* is everything the install fetched (its script, then the precache not already in the HTTP
  cache), and how many of those requests the server answered 304.
- *article*: gzip -9 of one article's HTML and of the stylesheets it links.

![ms per post and peak memory against post count](${plotFile})

## Targets

| target | measured | met |
| --- | --- | --- |
${targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met == null ? '–' : t.met ? 'yes' : '**no**'} |`).join('\n')}

${baselineSection(results.baselineComparison)}## Bounded outputs: largest file per kind of route

Only the *number* of listing pages and sitemap entries may grow with posts; no single page may.

${routesTable(results.results)}

${cpuSection(results.results, machine.cpus)}${stageSection(results.results, machine.cpus)}${timelineSection(results.results)}${loggedTimingsSection(results.results)}${notes}
`;
}

/**
 * Rows: the stages of a cold build and, within the route phase, each kind of page; columns: the sizes
 * with timelines, each cell the median over the runs (with the range) and, for pages, how many.
 */
export function timelineTable(results: readonly SizeResult[]): { header: string[]; rows: string[][] } {
  const sized = results.filter((r) => r.timelines?.length);
  const perSize = sized.map((r) => r.timelines!.map((timeline, run) => timelineRows(timeline, r.stages?.[run])));
  const stages: string[] = [];
  for (const runs of perSize)
    for (const rows of runs) for (const { stage } of rows) if (!stages.includes(stage)) stages.push(stage);
  const cell = (runs: TimelineRow[][], stage: string) => {
    const found = runs.map((rows) => rows.find((row) => row.stage === stage)).filter((row) => row !== undefined);
    if (found.length === 0) return '–';
    const ms = found.map((row) => row.ms);
    const pages = found[0]!.pages;
    return `${withRange(median(ms), ms, seconds, ' s')}${pages === undefined ? '' : ` · ${pages.toLocaleString('en')}`}`;
  };
  return {
    header: ['stage', ...sized.map((r) => `${sizeLabel(r)}, ${r.timelines!.length} runs`)],
    rows: [
      ...stages.map((stage) => [stage, ...perSize.map((runs) => cell(runs, stage))]),
      ['whole build', ...sized.map((r) => withRange(r.wallMs, r.samples?.wallMs, seconds, ' s'))],
    ],
  };
}

function timelineSection(results: readonly SizeResult[]): string {
  const { header, rows } = timelineTable(results);
  if (header.length < 2) return '';
  return `## Where a cold build's time goes, stage by stage and by kind of page

Wall time of each stage, median over the cold runs (range in brackets). Astro's stages come from the
timeline \`astro build\` writes when \`BUILD_TIMELINE_FILE\` is set (\`src/lib/build/build-timeline.ts\`):
Astro's own hooks mark where each stage begins, and a middleware times every page and endpoint render
by its route. Pages render several at once (\`build.concurrency\`, the *c* in a column's name), so each
stretch of the route phase is shared equally among the pages rendering through it; after the \`·\`, how
many pages (or files) of that kind were rendered. The feeds' row is their endpoints, whose time is the
Container API renders of the posts they carry. The search index and the rest come from the process samples
above. Astro's stages add up to its process's lifetime; the social cards are drawn beside them.

${markdownTable(header, rows)}

`;
}

/** Astro's stage timings as its log printed them, for results measured before the build timeline existed. */
function loggedTimingsSection(results: readonly SizeResult[]): string {
  const logged = results.filter((r) => r.astroTimings && Object.keys(r.astroTimings).length > 0);
  if (logged.length === 0) return '';
  const keys = [...new Set(logged.flatMap((r) => Object.keys(r.astroTimings!)))];
  return `## Astro's stage timings as its log reported them (earlier results, median run, seconds)

${markdownTable(
  ['posts', ...keys],
  logged.map((r) => [
    `${r.posts} ${r.format}${r.concurrency !== 1 ? ` c=${r.concurrency}` : ''}${r.variant ? ` [${r.variant}]` : ''}`,
    ...keys.map((k) => (r.astroTimings![k] != null ? (r.astroTimings![k] / 1000).toFixed(1) : '–')),
  ]),
)}

`;
}

function baselineSection(comparisons: readonly BaselineComparison[] | undefined): string {
  if (!comparisons?.length) return '';
  const variants = new Map(comparisons.map((c) => [c.format, c.postsVariant]));
  return `## Against Astro's blog template (\`npm run bench -- --compare-baseline\`)

Our full \`npm run build\` (pages, listings, feeds, social cards, sitemap, search index, offline worker)
against \`bench/baseline-blog\`, a minimal Astro blog that builds what Astro's blog template builds (one glob
collection, a post list, a post layout, RSS, sitemap; @astrojs/mdx, @astrojs/rss and @astrojs/sitemap at this
project's versions), run as \`astro build\`. Both build the **same posts**:

${[...variants].map(([format, variant]) => `- *.${format}*: ${variant}.`).join('\n')}

Builds alternate (ours first in odd runs, the baseline first in even ones), each cold. Times are medians with
the range over the runs; ratios are ours ÷ baseline per paired run (median and range); peak RSS is the
process tree's.

${markdownTable(COMPARISON_HEADER, comparisonRows(comparisons))}

`;
}

function routesTable(results: readonly SizeResult[]): string {
  const rows = siteDefaultRows(results)
    .filter((r) => r.routes && !r.variant)
    .sort((a, b) => a.posts - b.posts);
  if (rows.length === 0) return '(not measured)';
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.routes!)))].sort();
  return markdownTable(
    ['route kind', ...rows.map((r) => `${r.posts.toLocaleString('en')} ${r.format}: files · largest`)],
    kinds.map((k) => [
      k,
      ...rows.map((r) =>
        r.routes![k] ? `${r.routes![k].files.toLocaleString('en')} · ${kb(r.routes![k].maxBytes)}` : '–',
      ),
    ]),
  );
}

/** "astro 20.6 s, social cards 8.2 s, pagefind 3.6 s, other 0.7 s": one run's CPU by process, for the log. */
export function formatCpuByRole(byRole: Record<ProcessRole, number>): string {
  return PROCESS_ROLES.map((role) => `${role} ${sec(byRole[role])}`).join(', ');
}

const STAGE_NAMES: Record<BuildStage, string> = {
  astro: 'Astro',
  pagefind: 'search index',
  other: 'the rest',
};

/** Cores a stage kept busy on average: its CPU over its wall time (0 for a stage that never ran). */
export function busyCores({ wallMs, cpuMs }: StageTime): number {
  return wallMs > 0 ? cpuMs / wallMs : 0;
}

/** Core-seconds a stage left unused: its wall time on every core, less the CPU it used. */
export function idleCoreMs({ wallMs, cpuMs }: StageTime, cores: number): number {
  return Math.max(0, wallMs * cores - cpuMs);
}

/** "Astro 121.0 s at 1.78 cores (26.6 s idle), search index 62.0 s at 1.38 cores (38.4 s idle), …": one run, for the log. */
export function formatStages(stages: Record<BuildStage, StageTime>, cores: number): string {
  return BUILD_STAGES.map((stage) => {
    const time = stages[stage];
    return `${STAGE_NAMES[stage]} ${sec(time.wallMs)} at ${busyCores(time).toFixed(2)} cores (${sec(idleCoreMs(time, cores))} idle)`;
  }).join(', ');
}

export const STAGE_HEADER = [
  'posts',
  'runs',
  'wall',
  ...BUILD_STAGES.flatMap((stage) => [`${STAGE_NAMES[stage]}: wall`, `${STAGE_NAMES[stage]}: cores busy`]),
  'idle core-seconds',
  'of them in the search index',
];

/**
 * Each size's cold builds split by which process led them (Astro, then the indexer): wall time, the
 * cores busy on average, and the core-seconds left idle, medians with ranges. Idle core-seconds are what
 * a perfect schedule of the same work could still win; where they sit says which work could use them.
 */
export function stageRows(results: readonly SizeResult[], cores: number): string[][] {
  return results
    .filter((r) => r.stages?.length)
    .map((r) => {
      const runs = r.stages!;
      const idle = runs.map((run) => BUILD_STAGES.reduce((sum, stage) => sum + idleCoreMs(run[stage], cores), 0));
      const indexIdle = runs.map((run) => idleCoreMs(run.pagefind, cores));
      return [
        sizeLabel(r),
        String(runs.length),
        withRange(r.wallMs, r.samples?.wallMs, seconds, ' s'),
        ...BUILD_STAGES.flatMap((stage) => {
          const walls = runs.map((run) => run[stage].wallMs);
          const busy = runs.map((run) => busyCores(run[stage]));
          return [
            withRange(median(walls), walls, seconds, ' s'),
            withRange(median(busy), busy, (v) => v.toFixed(2), ''),
          ];
        }),
        withRange(median(idle), idle, seconds, ' s'),
        withRange(median(indexIdle), indexIdle, seconds, ' s'),
      ];
    });
}

function stageSection(results: readonly SizeResult[], cores: number): string {
  const rows = stageRows(results, cores);
  if (rows.length === 0) return '';
  return `## Where the cores sit idle (cold builds)

The same samples, split by which process led the build: Astro's (the social-card process works beside
it), then Pagefind's, which starts once Astro has exited; *the rest* is npm and the build script around
them. *Cores busy* is the stage's CPU over its wall time, on ${cores} cores; *idle core-seconds* are its
wall time on every core less its CPU, summed over the stages: what a perfect schedule of the same work
could still win, and where it sits.

${markdownTable(STAGE_HEADER, rows)}

`;
}

export const CPU_HEADER = [
  'posts',
  'runs',
  'wall',
  "Astro's process",
  'social-card process',
  'Pagefind',
  'the rest',
  'sampled CPU',
  'sampled CPU ÷ cores',
];

/**
 * Each size's CPU by kind of process (medians over the cold runs, with ranges), and the wall time
 * no schedule could beat on this machine: the sampled CPU spread over every core.
 */
export function cpuRows(results: readonly SizeResult[], cores: number): string[][] {
  return results
    .filter((r) => r.cpuByProcess?.length)
    .map((r) => {
      const runs = r.cpuByProcess!;
      const totals = runs.map((run) => PROCESS_ROLES.reduce((sum, role) => sum + run[role], 0));
      const floors = totals.map((total) => total / cores);
      return [
        sizeLabel(r),
        String(runs.length),
        withRange(r.wallMs, r.samples?.wallMs, seconds, ' s'),
        ...PROCESS_ROLES.map((role) => {
          const values = runs.map((run) => run[role]);
          return withRange(median(values), values, seconds, ' s');
        }),
        withRange(median(totals), totals, seconds, ' s'),
        withRange(median(floors), floors, seconds, ' s'),
      ];
    });
}

function cpuSection(results: readonly SizeResult[], cores: number): string {
  const rows = cpuRows(results, cores);
  if (rows.length === 0) return '';
  return `## Where the CPU goes (cold builds)

User + system CPU of each process in the build, sampled from \`/proc\` every 100 ms while it ran (threads
count with their process; up to 100 ms of a process's end is missed). *the rest* is npm and the build
script. A build cannot finish sooner than its CPU spread over all ${cores} cores, the last column, however
its work is scheduled: a wall time near it means the machine, not waiting, is the limit.

${markdownTable(CPU_HEADER, rows)}

`;
}
