import { describe, expect, it } from 'vitest';
import { withRange } from '../../../bench/lib/compare';
import {
  cpuRows,
  evaluateTargets,
  formatCpuByRole,
  formatStages,
  idleCoreMs,
  siteDefaultRows,
  stageRows,
  tableRows,
  timelineTable,
  type SizeResult,
} from '../../../bench/lib/report';

const seconds = (ms: number) => (ms / 1000).toFixed(1);

describe('withRange', () => {
  it('prints the median with the lowest and highest run', () => {
    expect(withRange(25_900, [27_000, 24_100, 25_900], seconds, ' s')).toBe('25.9 s (24.1–27.0)');
  });

  it('prints a single run, or a row without samples, alone', () => {
    expect(withRange(25_900, [25_900], seconds, ' s')).toBe('25.9 s');
    expect(withRange(25_900, undefined, seconds, ' s')).toBe('25.9 s');
  });
});

const result = {
  posts: 1000,
  format: 'mdx',
  concurrency: 1,
  runs: 3,
  wallMs: 20_000,
  msPerPost: 20,
  cpuMs: 30_000,
  loadAverage: 2,
  peakRssBytes: 1500 * 1024 ** 2,
  pages: 1309,
  dist: { bytes: 0, files: 0 },
  search: null,
  feedBytes: null,
  article: null,
  warm: {
    runs: 3,
    wallMs: 12_000,
    cpuMs: 15_000,
    peakRssBytes: 1400 * 1024 ** 2,
    samples: { wallMs: [11_000, 12_000, 14_000], cpuMs: [15_000, 14_000, 16_000], peakRssBytes: [] },
  },
  samples: {
    wallMs: [19_000, 20_000, 23_500],
    cpuMs: [30_000, 29_000, 31_000],
    peakRssBytes: [1450, 1500, 1600].map((m) => m * 1024 ** 2),
  },
} satisfies SizeResult;

describe('tableRows', () => {
  it('gives wall, CPU, warm rebuild and peak memory their spread', () => {
    const [row] = tableRows([result]);
    expect(row!.slice(1, 8)).toEqual([
      '3',
      '20.0 s (19.0–23.5)',
      '20.00',
      '30.0 s (29.0–31.0)',
      '12.0 s (11.0–14.0) / 15.0 s (14.0–16.0) CPU',
      '2.0',
      '1500 MB (1450–1600)',
    ]);
  });
});

describe('cpuRows', () => {
  const runs = [
    { astro: 20_000, 'social cards': 8_000, pagefind: 3_500, other: 500 },
    { astro: 22_000, 'social cards': 8_400, pagefind: 3_700, other: 700 },
    { astro: 19_000, 'social cards': 9_000, pagefind: 3_600, other: 600 },
  ];

  it("gives each kind of process its median and spread, and the wall time the cores' CPU allows", () => {
    const [row] = cpuRows([{ ...result, cpuByProcess: runs }], 2);
    expect(row).toEqual([
      '1,000 mdx',
      '3',
      '20.0 s (19.0–23.5)',
      '20.0 s (19.0–22.0)',
      '8.4 s (8.0–9.0)',
      '3.6 s (3.5–3.7)',
      '0.6 s (0.5–0.7)',
      '32.2 s (32.0–34.8)',
      '16.1 s (16.0–17.4)',
    ]);
  });

  it('leaves out sizes measured before the CPU was sampled by process', () => {
    expect(cpuRows([result], 2)).toEqual([]);
  });

  it('names every kind of process in the build log line', () => {
    expect(formatCpuByRole(runs[0]!)).toBe('astro 20.0 s, social cards 8.0 s, pagefind 3.5 s, other 0.5 s');
  });
});

describe('stageRows', () => {
  // Two cold runs: Astro's stage keeps ~1.8 of 2 cores busy, the indexer's ~1.4, the rest ~1.
  const runs = [
    {
      astro: { wallMs: 100_000, cpuMs: 180_000 },
      pagefind: { wallMs: 50_000, cpuMs: 70_000 },
      other: { wallMs: 2_000, cpuMs: 2_000 },
    },
    {
      astro: { wallMs: 110_000, cpuMs: 190_000 },
      pagefind: { wallMs: 60_000, cpuMs: 80_000 },
      other: { wallMs: 2_000, cpuMs: 1_000 },
    },
  ];

  it('counts the core-seconds a stage left idle, never below zero', () => {
    expect(idleCoreMs({ wallMs: 50_000, cpuMs: 70_000 }, 2)).toBe(30_000);
    // Sampling can credit a stage a little more CPU than its cores allow; that is no idle time, not negative.
    expect(idleCoreMs({ wallMs: 1_000, cpuMs: 2_100 }, 2)).toBe(0);
  });

  it("gives each stage its wall time and busy cores, and where the build's idle core-seconds sit", () => {
    const [row] = stageRows(
      [{ ...result, samples: { ...result.samples, wallMs: [152_000, 172_000] }, stages: runs }],
      2,
    );
    expect(row).toEqual([
      '1,000 mdx',
      '2',
      '20.0 s (152.0–172.0)',
      '105.0 s (100.0–110.0)',
      '1.76 (1.73–1.80)',
      '55.0 s (50.0–60.0)',
      '1.37 (1.33–1.40)',
      '2.0 s (2.0–2.0)',
      '0.75 (0.50–1.00)',
      // Run 1: 20 + 30 + 2 s; run 2: 30 + 40 + 3 s.
      '62.5 s (52.0–73.0)',
      '35.0 s (30.0–40.0)',
    ]);
  });

  it('leaves out sizes measured before the stages were sampled', () => {
    expect(stageRows([result], 2)).toEqual([]);
  });

  it('names every stage in the build log line', () => {
    expect(formatStages(runs[0]!, 2)).toBe(
      'Astro 100.0 s at 1.80 cores (20.0 s idle), search index 50.0 s at 1.40 cores (30.0 s idle), the rest 2.0 s at 1.00 cores (2.0 s idle)',
    );
  });
});

describe('timelineTable', () => {
  const timeline = (sync: number, articles: number) => ({
    marks: {
      'config done': 2_000,
      'build start': 2_000 + sync,
      'first page': 5_000 + sync,
      'last page': 10_000 + sync,
      'build generated': 10_100 + sync,
      exit: 11_000 + sync,
    },
    routes: { '/posts/[id]': { pages: 1000, ms: articles }, '/rss.xml': { pages: 1, ms: 40 } },
  });

  it('puts each stage in a row and each size in a column: the median over the runs, its range, and the pages', () => {
    const { header, rows } = timelineTable([
      { ...result, timelines: [timeline(6_000, 3_500), timeline(5_000, 3_900)] },
    ]);
    expect(header).toEqual(['stage', '1,000 mdx, 2 runs']);
    const row = (stage: string) => rows.find(([name]) => name === stage)?.[1];
    expect(row("content sync and types (with Vite's setup)")).toBe('5.5 s (5.0–6.0)');
    expect(row('route phase: articles')).toBe('3.7 s (3.5–3.9) · 1,000');
    expect(row('route phase: feeds (their Container API renders)')).toBe('0.0 s (0.0–0.0) · 1');
    expect(row('whole build')).toBe('20.0 s (19.0–23.5)');
  });

  it('has no column for a size measured before the timeline existed', () => {
    expect(timelineTable([result]).header).toEqual(['stage']);
  });
});

describe('siteDefaultRows and the targets', () => {
  const at = (posts: number, concurrency: number, wallMs: number, variant?: string) =>
    ({ ...result, posts, concurrency, wallMs, ...(variant && { variant }) }) satisfies SizeResult;

  it('reads the row at the default concurrency over an older one at 1, and a size measured only at 1', () => {
    const old1k = at(1000, 1, 22_300);
    const current1k = at(1000, 4, 20_900);
    const only25k = at(25_000, 1, 421_500);
    const rows = [old1k, at(1000, 2, 39_800), current1k, only25k, at(1000, 1, 34_700, 'all .mdx compiled as MDX')];
    expect(siteDefaultRows(rows)).toEqual([current1k, only25k, rows[4]]);
    expect(evaluateTargets(rows)[0]).toEqual({
      target: '1,000 MDX posts ≤ 12 s',
      measured: '20.9 s (CPU 30.0 s, load 2.0)',
      met: false,
    });
  });
});
