import { describe, expect, it } from 'vitest';
import { withRange } from '../../../bench/lib/compare';
import { cpuRows, formatCpuByRole, tableRows, type SizeResult } from '../../../bench/lib/report';

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
  astroTimings: {},
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
