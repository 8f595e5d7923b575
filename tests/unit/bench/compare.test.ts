import { describe, expect, it } from 'vitest';
import {
  BEFORE_AFTER_HEADER,
  beforeAfterOrder,
  beforeAfterRows,
  beforeAfterVerdict,
  type BeforeAfter,
  COMPARISON_HEADER,
  comparisonRows,
  formatRatio,
  formatSeconds,
  mergeComparisons,
  pairedRatios,
  runOrder,
  type BaselineComparison,
} from '../../../bench/lib/compare';
import { renderMarkdown, type BenchResults } from '../../../bench/lib/report';

const GB = 1024 ** 3;

const comparison = (posts: number, overrides: Partial<BaselineComparison> = {}): BaselineComparison => ({
  posts,
  format: 'md',
  postsVariant: '.md fixtures',
  runs: 2,
  loadAverage: 1.84,
  ours: { wallMs: [9_100, 9_500], cpuMs: [14_000, 15_200], peakRssBytes: [0.8 * GB, 0.9 * GB], pages: 1_311 },
  baseline: { wallMs: [12_000, 13_000], cpuMs: [20_000, 20_000], peakRssBytes: [1.2 * GB, 1.4 * GB], pages: 1_001 },
  ...overrides,
});

describe('paired baseline comparison', () => {
  it('alternates who builds first, ours in odd runs', () => {
    expect([1, 2, 3, 4].map(runOrder)).toEqual([
      ['ours', 'baseline'],
      ['baseline', 'ours'],
      ['ours', 'baseline'],
      ['baseline', 'ours'],
    ]);
  });

  it('pairs run i with run i and refuses unpaired samples', () => {
    expect(pairedRatios([10, 30], [20, 20])).toEqual([0.5, 1.5]);
    expect(() => pairedRatios([1, 2], [1])).toThrow(/unpaired/);
  });

  it('writes the median with the range, and no range for a single run', () => {
    expect(formatSeconds([9_500, 9_100, 9_300])).toBe('9.3 s (9.1–9.5)');
    expect(formatSeconds([72_800])).toBe('72.8 s');
    expect(formatSeconds([])).toBe('–');
    expect(formatRatio([0.69, 0.75])).toBe('0.72 (0.69–0.75)');
    expect(formatRatio([0.7])).toBe('0.70');
    expect(formatRatio([Infinity])).toBe('–');
  });

  it('gives one row per size with a cell per column, ratios as ours ÷ baseline', () => {
    const [row] = comparisonRows([comparison(1000)]);
    expect(row).toHaveLength(COMPARISON_HEADER.length);
    const cell = (name: string) => row![COMPARISON_HEADER.indexOf(name)];
    expect(cell('posts')).toBe('1,000 .md');
    expect(cell('ours wall')).toBe('9.3 s (9.1–9.5)');
    expect(cell('baseline wall')).toBe('12.5 s (12.0–13.0)');
    expect(cell('wall ratio')).toBe('0.74 (0.73–0.76)');
    expect(cell('CPU ratio')).toBe('0.73 (0.70–0.76)');
    expect(cell('peak RSS ours / baseline (GB)')).toBe('0.85 / 1.30');
    expect(cell('RSS ratio')).toBe('0.65 (0.64–0.67)');
    expect(cell('pages ours / baseline')).toBe('1,311 / 1,001');
  });

  it('shows no CPU ratio when a side lacks CPU figures for some run', () => {
    const c = comparison(100);
    const [row] = comparisonRows([{ ...c, baseline: { ...c.baseline, cpuMs: [] } }]);
    expect(row![COMPARISON_HEADER.indexOf('CPU ratio')]).toBe('–');
    expect(row![COMPARISON_HEADER.indexOf('baseline CPU')]).toBe('–');
  });

  it('replaces re-measured sizes and formats and keeps the rest: smallest first, .md before .mdx', () => {
    const merged = mergeComparisons(
      [comparison(10_000), comparison(1000, { runs: 5 }), comparison(1000, { format: 'mdx', runs: 5 })],
      [comparison(1000), comparison(100, { format: 'mdx' }), comparison(100)],
    );
    expect(merged.map((c) => [c.posts, c.format, c.runs])).toEqual([
      [100, 'md', 2],
      [100, 'mdx', 2],
      [1000, 'md', 2],
      [1000, 'mdx', 5],
      [10_000, 'md', 2],
    ]);
  });

  it('puts the table into docs/benchmarks.md only when a comparison was run', () => {
    const base: BenchResults = {
      generatedBy: 'test',
      machine: { cpus: 2, cpuModel: 'test cpu', memoryBytes: 24 * GB, node: 'v24', astro: '7.3.5' },
      memoryMethod: 'test',
      results: [],
    };
    expect(renderMarkdown(base, 'plot.svg', '/nonexistent')).not.toContain('blog template');
    const md = renderMarkdown({ ...base, baselineComparison: [comparison(1000)] }, 'plot.svg', '/nonexistent');
    expect(md).toContain(`| ${COMPARISON_HEADER.join(' | ')} |`);
    expect(md).toContain('| 1,000 .md | 2 | 9.3 s (9.1–9.5) | 12.5 s (12.0–13.0) | 0.74 (0.73–0.76) |');
  });
});

describe('before and after a change', () => {
  const side = (wallMs: number[], pages: number) => ({
    wallMs,
    cpuMs: wallMs.map((ms) => ms * 1.3),
    peakRssBytes: wallMs.map(() => 1.2 * GB),
    pages,
  });
  const check = (before: number[], after: number[]): BeforeAfter => ({
    posts: 1000,
    format: 'mdx',
    runs: before.length,
    loadAverage: 1.5,
    before: side(before, 1_682),
    after: side(after, 1_309),
  });

  it('alternates which tree builds first, the one before the change in odd runs', () => {
    expect([1, 2, 3].map(beforeAfterOrder)).toEqual([
      ['before', 'after'],
      ['after', 'before'],
      ['before', 'after'],
    ]);
  });

  it('gives the paired ratios as after ÷ before, and the ratio of the medians', () => {
    const [row] = beforeAfterRows([check([20_000, 16_000, 18_000], [21_000, 17_600, 18_000])]);
    expect(row).toHaveLength(BEFORE_AFTER_HEADER.length);
    const cell = (name: string) => row![BEFORE_AFTER_HEADER.indexOf(name)];
    expect(cell('before wall')).toBe('18.0 s (16.0–20.0)');
    expect(cell('after wall')).toBe('18.0 s (17.6–21.0)');
    expect(cell('after ÷ before, paired')).toBe('1.05 (1.00–1.10)');
    expect(cell('ratio of medians')).toBe('1.00');
    expect(cell('pages before / after')).toBe('1,682 / 1,309');
  });

  it('says within only when both the paired median and the ratio of medians are within 10 %', () => {
    const within = check([20_000, 20_000, 20_000, 20_000, 20_000], [21_000, 21_500, 21_000, 22_000, 20_000]);
    expect(beforeAfterVerdict(within)).toMatch(
      /\+5\.0 % \(median of 5 paired runs\), \+5\.0 % \(ratio of medians\): within/,
    );
    const pairedOver = check([20_000, 16_000, 20_000, 16_000, 20_000], [22_400, 17_800, 22_400, 17_800, 21_000]);
    expect(beforeAfterVerdict(pairedOver)).toMatch(/\+11\.3 % .*: NOT within the \+10\.0 %/);
    const faster = check([20_000, 20_000, 20_000, 20_000, 20_000], [18_000, 18_000, 18_000, 18_000, 18_000]);
    expect(beforeAfterVerdict(faster)).toMatch(/−10\.0 % .*: within/);
  });

  it('flags fewer than 5 runs as a hint, not a verdict to rely on', () => {
    expect(beforeAfterVerdict(check([20_000], [20_500]))).toMatch(/fewer than 5 runs/);
    expect(beforeAfterVerdict(check([1, 1, 1, 1, 1], [1, 1, 1, 1, 1]))).not.toMatch(/fewer than/);
  });
});
