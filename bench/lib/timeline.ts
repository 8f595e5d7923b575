/**
 * A cold build's wall time, stage by stage and by kind of page, from the
 * timeline `astro build` wrote (BUILD_TIMELINE_FILE, src/lib/build/build-timeline.ts)
 * and the bench's own process samples for what runs after Astro.
 */
import type { BuildTimeline, RouteTime, TimelineMark } from '../../src/lib/build/build-timeline';
import type { BuildStage, StageTime } from '../../scripts/lib/proc-tree';

/**
 * Kinds of page in the order the table lists them, each with the Astro route patterns it takes. The
 * listings match their page route exactly, so a listing's feed (`rss.xml`, `feed.json`) is a feed.
 */
const ROUTE_KINDS: [kind: string, matches: (pattern: string) => boolean][] = [
  ['articles', (p) => p === '/posts/[id]'],
  ['tag pages', (p) => p === '/tags/[tag]/[...page]'],
  ['category pages', (p) => p === '/categories/[category]/[...page]'],
  ['author pages', (p) => p === '/authors/[author]/[...page]'],
  ['the post list', (p) => p === '/posts/[...page]'],
  ['feeds (their Container API renders)', (p) => /\/(?:rss\.xml|feed\.json)$/.test(p)],
  ['images, icons and data files', (p) => /\.(?:png|svg|csv|json|txt|webmanifest)$/.test(p)],
];
export const OTHER_ROUTES = 'other pages';

export function routeKindOf(pattern: string): string {
  return ROUTE_KINDS.find(([, matches]) => matches(pattern))?.[0] ?? OTHER_ROUTES;
}

/** The routes' render time and pages summed by kind of page. */
export function timeByKind(routes: BuildTimeline['routes']): Map<string, RouteTime> {
  const byKind = new Map<string, RouteTime>();
  for (const [pattern, time] of Object.entries(routes)) {
    const kind = routeKindOf(pattern);
    const sum = byKind.get(kind) ?? { ms: 0, pages: 0 };
    byKind.set(kind, { ms: sum.ms + time.ms, pages: sum.pages + time.pages });
  }
  return byKind;
}

/** Pages and endpoint files `astro build` rendered. */
export function renderedPages(routes: BuildTimeline['routes']): number {
  return Object.values(routes).reduce((sum, route) => sum + route.pages, 0);
}

/** ms from one mark to another (`start` is the process's start), or undefined when either is missing. */
function spanMs(marks: BuildTimeline['marks'], from: TimelineMark | 'start', to: TimelineMark): number | undefined {
  const a = from === 'start' ? 0 : marks[from];
  const b = marks[to];
  return a === undefined || b === undefined ? undefined : b - a;
}

export const ROUTE_KIND_ORDER = [...ROUTE_KINDS.map(([kind]) => kind), OTHER_ROUTES];

export interface TimelineRow {
  stage: string;
  ms: number;
  /** Pages rendered, for a kind of page. */
  pages?: number;
}

/** What the table calls each stretch between two marks of Astro's timeline. */
const SPANS: [stage: string, from: TimelineMark | 'start', to: TimelineMark][] = [
  ["Astro's start-up and config", 'start', 'config done'],
  ["content sync and types (with Vite's setup)", 'config done', 'build start'],
  ['Vite bundle and every getStaticPaths()', 'build start', 'first page'],
];
export const BETWEEN_RENDERS = 'route phase: no page rendering (file writes, scheduling)';
const AFTER_SPANS: [stage: string, from: TimelineMark, to: TimelineMark][] = [
  ["Astro's image and incremental-build caches", 'last page', 'build generated'],
  ['astro:build:done (cards copied, link check, sitemap, _headers)', 'build generated', 'exit'],
];
export const SEARCH_INDEX = 'search index (Pagefind, after Astro exits)';
export const REST = 'npm, the build script, the offline worker';

/**
 * One cold build as rows: Astro's stages from its timeline (ms since its process started), the route
 * phase split by kind of page, then the search index and the rest from the process samples.
 * Stages without both marks are left out.
 */
export function timelineRows(
  timeline: BuildTimeline,
  stages: Record<BuildStage, StageTime> | undefined,
): TimelineRow[] {
  const span = (from: TimelineMark | 'start', to: TimelineMark) => spanMs(timeline.marks, from, to);
  const rows: TimelineRow[] = [];
  const push = (stage: string, ms: number | undefined, pages?: number) => {
    if (ms !== undefined) rows.push({ stage, ms, ...(pages === undefined ? {} : { pages }) });
  };
  for (const [stage, from, to] of SPANS) push(stage, span(from, to));
  const byKind = timeByKind(timeline.routes);
  for (const kind of ROUTE_KIND_ORDER) {
    const time = byKind.get(kind);
    if (time) push(`route phase: ${kind}`, time.ms, time.pages);
  }
  const routePhase = span('first page', 'last page');
  const rendering = [...byKind.values()].reduce((sum, time) => sum + time.ms, 0);
  push(BETWEEN_RENDERS, routePhase === undefined ? undefined : Math.max(0, routePhase - rendering));
  for (const [stage, from, to] of AFTER_SPANS) push(stage, span(from, to));
  if (stages) {
    push(SEARCH_INDEX, stages.pagefind.wallMs);
    push(REST, stages.other.wallMs);
  }
  return rows;
}

/**
 * One build's Astro stages on one line, for the incremental rebuilds' table: "sync 9.8 s, bundle 11.1 s,
 * pages 8.3 s (12 rendered), build:done 5.0 s". A rebuild that restores every page renders none, so its
 * bundle and route phase show as one.
 */
export function briefTimeline({ marks, routes }: BuildTimeline): string {
  const span = (from: TimelineMark | 'start', to: TimelineMark) => {
    const ms = spanMs(marks, from, to);
    return ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
  };
  const middle =
    marks['first page'] === undefined
      ? `bundle and pages ${span('build start', 'build generated')} (none rendered)`
      : `bundle ${span('build start', 'first page')}, pages ${span('first page', 'build generated')} (${renderedPages(routes).toLocaleString('en')} rendered)`;
  return `start-up ${span('start', 'config done')}, sync ${span('config done', 'build start')}, ${middle}, build:done ${span('build generated', 'exit')}`;
}
