/**
 * Paired builds of our site and the baseline blog (bench/baseline-blog) on the same posts: the run
 * order, the summaries and the table. Pure, so tests/unit/bench/compare.test.ts can check them.
 */

export type Side = 'ours' | 'baseline';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface SideSamples {
  wallMs: number[];
  /** user + system CPU of the process tree (GNU time); empty where /usr/bin/time is missing. */
  cpuMs: number[];
  peakRssBytes: number[];
  /** HTML pages in the output. */
  pages: number;
}

export interface BaselineComparison {
  posts: number;
  /** The posts' file type, which decides the pipeline: .md through Markdown, .mdx through @astrojs/mdx. */
  format: 'md' | 'mdx';
  /** What the posts are, e.g. the fixture format and what was left out for the baseline's sake. */
  postsVariant: string;
  runs: number;
  /** 1-minute load average when the size finished. */
  loadAverage: number;
  ours: SideSamples;
  baseline: SideSamples;
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const spread = (xs: readonly number[]): Spread => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

/**
 * Who builds first in run `run` (1-based): ours first in odd runs, the baseline first in even ones,
 * so a machine that slows down or warms its file cache over a size favours neither side.
 */
export function runOrder(run: number): [Side, Side] {
  return run % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
}

/** Per-run ratios ours ÷ baseline, pairing run i with run i. */
export function pairedRatios(ours: readonly number[], baseline: readonly number[]): number[] {
  if (ours.length !== baseline.length) throw new Error(`unpaired samples: ${ours.length} vs ${baseline.length}`);
  return ours.map((value, i) => value / baseline[i]!);
}

const sec = (ms: number) => (ms / 1000).toFixed(1);
const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);

/**
 * "9.3 s (9.1–9.6)": a median, the unit once, then the range over the runs; a single run, or a result
 * that kept no samples, prints the median alone. `number` writes a value without its unit.
 */
export function withRange(
  median: number,
  samples: readonly number[] | undefined,
  number: (x: number) => string,
  unit = '',
): string {
  if (!samples || samples.length < 2) return `${number(median)}${unit}`;
  const { min, max } = spread(samples);
  return `${number(median)}${unit} (${number(min)}–${number(max)})`;
}

/** "9.3 s (9.1–9.6)": the median, then the range over the runs; one run shows no range. */
export function formatSeconds(samples: readonly number[]): string {
  return samples.length === 0 ? '–' : withRange(median(samples), samples, sec, ' s');
}

/** "0.71 (0.69–0.74)": median of the paired ratios and their range. */
export function formatRatio(ratios: readonly number[]): string {
  if (ratios.length === 0 || ratios.some((r) => !Number.isFinite(r))) return '–';
  return withRange(median(ratios), ratios, (r) => r.toFixed(2));
}

export const COMPARISON_HEADER = [
  'posts',
  'runs',
  'ours wall',
  'baseline wall',
  'wall ratio',
  'ours CPU',
  'baseline CPU',
  'CPU ratio',
  'peak RSS ours / baseline (GB)',
  'RSS ratio',
  'pages ours / baseline',
  'load',
];

export function comparisonRows(comparisons: readonly BaselineComparison[]): string[][] {
  return comparisons.map((c) => {
    const cpuPaired = c.ours.cpuMs.length === c.runs && c.baseline.cpuMs.length === c.runs;
    return [
      `${c.posts.toLocaleString('en')} .${c.format}`,
      String(c.runs),
      formatSeconds(c.ours.wallMs),
      formatSeconds(c.baseline.wallMs),
      formatRatio(pairedRatios(c.ours.wallMs, c.baseline.wallMs)),
      formatSeconds(c.ours.cpuMs),
      formatSeconds(c.baseline.cpuMs),
      cpuPaired ? formatRatio(pairedRatios(c.ours.cpuMs, c.baseline.cpuMs)) : '–',
      `${gb(median(c.ours.peakRssBytes))} / ${gb(median(c.baseline.peakRssBytes))}`,
      formatRatio(pairedRatios(c.ours.peakRssBytes, c.baseline.peakRssBytes)),
      `${c.ours.pages.toLocaleString('en')} / ${c.baseline.pages.toLocaleString('en')}`,
      c.loadAverage.toFixed(1),
    ];
  });
}

/** Replaces the entries for the sizes and formats measured now and keeps the others: smallest size first, .md before .mdx. */
export function mergeComparisons(
  previous: readonly BaselineComparison[],
  fresh: readonly BaselineComparison[],
): BaselineComparison[] {
  const key = (c: BaselineComparison) => `${c.posts}|${c.format}`;
  const measured = new Set(fresh.map(key));
  return [...previous.filter((c) => !measured.has(key(c))), ...fresh].sort(
    (a, b) => a.posts - b.posts || a.format.localeCompare(b.format),
  );
}

// ── Before and after a change (--before) ─────────────────────────────────────────────────────────
// The guide's rule: a change to the content pipeline, feeds or search may not make the 1,000-post
// build more than 10 % slower. On a machine whose speed drifts by a third within an hour, only runs
// that alternate in the same minutes compare, so each run builds both trees, in alternating order.

/** The slowdown the rule allows: after ÷ before up to this. */
export const BEFORE_AFTER_LIMIT = 1.1;

export interface BeforeAfter {
  posts: number;
  format: 'md' | 'mdx';
  runs: number;
  loadAverage: number;
  before: SideSamples;
  after: SideSamples;
}

/** Who builds first in run `run` (1-based): the tree before the change in odd runs. */
export function beforeAfterOrder(run: number): ['before', 'after'] | ['after', 'before'] {
  return run % 2 === 1 ? ['before', 'after'] : ['after', 'before'];
}

export const BEFORE_AFTER_HEADER = [
  'posts',
  'runs',
  'before wall',
  'after wall',
  'after ÷ before, paired',
  'ratio of medians',
  'before CPU',
  'after CPU',
  'peak RSS before / after (GB)',
  'pages before / after',
  'load',
];

export function beforeAfterRows(comparisons: readonly BeforeAfter[]): string[][] {
  return comparisons.map((c) => [
    `${c.posts.toLocaleString('en')} .${c.format}`,
    String(c.runs),
    formatSeconds(c.before.wallMs),
    formatSeconds(c.after.wallMs),
    formatRatio(pairedRatios(c.after.wallMs, c.before.wallMs)),
    (median(c.after.wallMs) / median(c.before.wallMs)).toFixed(2),
    formatSeconds(c.before.cpuMs),
    formatSeconds(c.after.cpuMs),
    `${gb(median(c.before.peakRssBytes))} / ${gb(median(c.after.peakRssBytes))}`,
    `${c.before.pages.toLocaleString('en')} / ${c.after.pages.toLocaleString('en')}`,
    c.loadAverage.toFixed(1),
  ]);
}

/**
 * One line on the rule, from the wall times: the median of the paired ratios and the ratio of the
 * medians both have to stay within the limit, since on a noisy machine either can look good alone.
 */
export function beforeAfterVerdict(c: BeforeAfter, limit = BEFORE_AFTER_LIMIT): string {
  const paired = median(pairedRatios(c.after.wallMs, c.before.wallMs));
  const ofMedians = median(c.after.wallMs) / median(c.before.wallMs);
  const percent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)} %`;
  const within = paired <= limit && ofMedians <= limit;
  return (
    `${c.posts.toLocaleString('en')} .${c.format}: after the change ${percent(paired)} (median of ${c.runs} paired runs), ` +
    `${percent(ofMedians)} (ratio of medians): ${within ? 'within' : 'NOT within'} the ${percent(limit)} the rule allows` +
    (c.runs < 5 ? '; fewer than 5 runs, so take it as a hint' : '')
  );
}
