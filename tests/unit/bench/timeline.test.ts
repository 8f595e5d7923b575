import { describe, expect, it } from 'vitest';
import {
  BETWEEN_RENDERS,
  OTHER_ROUTES,
  REST,
  SEARCH_INDEX,
  briefTimeline,
  routeKindOf,
  timelineRows,
} from '../../../bench/lib/timeline';
import type { BuildTimeline } from '../../../src/lib/build/build-timeline';

describe('routeKindOf', () => {
  it.each([
    ['/posts/[id]', 'articles'],
    ['/tags/[tag]/[...page]', 'tag pages'],
    ['/categories/[category]/[...page]', 'category pages'],
    ['/authors/[author]/[...page]', 'author pages'],
    ['/posts/[...page]', 'the post list'],
    ['/rss.xml', 'feeds (their Container API renders)'],
    ['/categories/[category]/feed.json', 'feeds (their Container API renders)'],
    ['/og/dark/[survey]-[width]w.png', 'images, icons and data files'],
    ['/data/[survey].csv', 'images, icons and data files'],
    ['/pagefind/articles.json', 'images, icons and data files'],
    ['/', OTHER_ROUTES],
    ['/tags', OTHER_ROUTES],
    ['/embed/[survey]', OTHER_ROUTES],
  ])('%s is %s', (pattern, kind) => {
    expect(routeKindOf(pattern)).toBe(kind);
  });
});

const timeline: BuildTimeline = {
  marks: {
    'config setup': 1_900,
    'config done': 2_000,
    'build start': 8_000,
    'first page': 11_000,
    'last page': 16_000,
    'build generated': 16_100,
    'build done': 16_150,
    exit: 17_500,
  },
  routes: {
    '/posts/[id]': { pages: 1000, ms: 3_600 },
    '/tags/[tag]/[...page]': { pages: 150, ms: 250 },
    '/tags/[tag]/rss.xml': { pages: 20, ms: 30 },
    '/rss.xml': { pages: 1, ms: 20 },
    '/': { pages: 1, ms: 5 },
  },
};

describe('timelineRows', () => {
  const stages = {
    astro: { wallMs: 17_600, cpuMs: 30_000 },
    pagefind: { wallMs: 4_000, cpuMs: 5_500 },
    other: { wallMs: 1_300, cpuMs: 1_200 },
  };

  it("lists Astro's stages, the route phase by kind of page, then the index and the rest", () => {
    const rows = timelineRows(timeline, stages);
    expect(rows.map((row) => [row.stage, row.ms, row.pages])).toEqual([
      ["Astro's start-up and config", 2_000, undefined],
      ["content sync and types (with Vite's setup)", 6_000, undefined],
      ['Vite bundle and every getStaticPaths()', 3_000, undefined],
      ['route phase: articles', 3_600, 1000],
      ['route phase: tag pages', 250, 150],
      ['route phase: feeds (their Container API renders)', 50, 21],
      [`route phase: ${OTHER_ROUTES}`, 5, 1],
      [BETWEEN_RENDERS, 5_000 - 3_905, undefined],
      ["Astro's image and incremental-build caches", 100, undefined],
      ['astro:build:done (cards copied, link check, sitemap, _headers)', 1_400, undefined],
      [SEARCH_INDEX, 4_000, undefined],
      [REST, 1_300, undefined],
    ]);
  });

  it("adds up to Astro's process lifetime", () => {
    const astro = timelineRows(timeline, undefined).reduce((sum, row) => sum + row.ms, 0);
    expect(astro).toBe(timeline.marks.exit);
  });

  it('leaves out a stage whose marks are missing, and the process stages without samples', () => {
    const partial: BuildTimeline = { marks: { 'config done': 2_000, 'build start': 8_000 }, routes: {} };
    expect(timelineRows(partial, undefined).map((row) => row.stage)).toEqual([
      "Astro's start-up and config",
      "content sync and types (with Vite's setup)",
    ]);
  });
});

describe('briefTimeline', () => {
  it("gives a build's Astro stages on one line, with how many pages it rendered", () => {
    expect(briefTimeline(timeline)).toBe(
      'start-up 2.0 s, sync 6.0 s, bundle 3.0 s, pages 5.1 s (1,172 rendered), build:done 1.4 s',
    );
  });

  it('shows the bundle and the route phase as one when every page came from the cache', () => {
    const restored: BuildTimeline = {
      marks: { 'config done': 2_000, 'build start': 9_000, 'build generated': 30_000, exit: 31_000 },
      routes: {},
    };
    expect(briefTimeline(restored)).toBe(
      'start-up 2.0 s, sync 7.0 s, bundle and pages 21.0 s (none rendered), build:done 1.0 s',
    );
  });
});
