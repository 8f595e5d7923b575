/**
 * A cold build's wall time, stage by stage and by kind of page, from the
 * timeline `astro build` wrote (BUILD_TIMELINE_FILE, src/lib/build/build-timeline.ts)
 * and the bench's own process samples for what runs after Astro.
 */
import type { BuildTimeline, TimelineMark } from '../../src/lib/build/build-timeline';
import type { BuildStage, StageTime } from '../../scripts/lib/proc-tree';

const FEEDS = 'feeds (their Container API renders)';
const isFeed = (pattern: string) => /\/(?:rss\.xml|feed\.json)$/.test(pattern);

/** Kinds of page in the order the table lists them, each with the Astro route patterns it takes. */
const ROUTE_KINDS: [kind: string, matches: (pattern: string) => boolean][] = [
  ['articles', (p) => p === '/posts/[id]'],
  ['tag pages', (p) => p.startsWith('/tags/[tag]/')],
  ['category pages', (p) => p === '/categories/[category]/[...page]'],
  ['author pages', (p) => p.startsWith('/authors/[author]/')],
  ['the post list', (p) => p === '/posts/[...page]'],
  [FEEDS, isFeed],
  ['images, icons and data files', (p) => /\.(?:png|svg|csv|json|txt|webmanifest)$/.test(p)],
];
export const OTHER_ROUTES = 'other pages';

/** A listing's feed is a feed, whatever listing it belongs to. */
export function routeKindOf(pattern: string): string {
  if (isFeed(pattern)) return FEEDS;
  return ROUTE_KINDS.find(([, matches]) => matches(pattern))?.[0] ?? OTHER_ROUTES;
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
  const at = (mark: TimelineMark | 'start') => (mark === 'start' ? 0 : timeline.marks[mark]);
  const span = (from: TimelineMark | 'start', to: TimelineMark) => {
    const [a, b] = [at(from), at(to)];
    return a === undefined || b === undefined ? undefined : b - a;
  };
  const rows: TimelineRow[] = [];
  const push = (stage: string, ms: number | undefined, pages?: number) => {
    if (ms !== undefined) rows.push({ stage, ms, ...(pages === undefined ? {} : { pages }) });
  };
  for (const [stage, from, to] of SPANS) push(stage, span(from, to));
  const byKind = new Map<string, { ms: number; pages: number }>();
  for (const [pattern, time] of Object.entries(timeline.routes)) {
    const kind = routeKindOf(pattern);
    const sum = byKind.get(kind) ?? { ms: 0, pages: 0 };
    byKind.set(kind, { ms: sum.ms + time.ms, pages: sum.pages + time.pages });
  }
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
  const span = (from: number | undefined, to: number | undefined) =>
    from === undefined || to === undefined ? '–' : `${((to - from) / 1000).toFixed(1)} s`;
  const rendered = Object.values(routes).reduce((sum, route) => sum + route.pages, 0);
  const middle =
    marks['first page'] === undefined
      ? `bundle and pages ${span(marks['build start'], marks['build generated'])} (none rendered)`
      : `bundle ${span(marks['build start'], marks['first page'])}, pages ${span(marks['first page'], marks['build generated'])} (${rendered.toLocaleString('en')} rendered)`;
  return `start-up ${span(0, marks['config done'])}, sync ${span(marks['config done'], marks['build start'])}, ${middle}, build:done ${span(marks['build generated'], marks.exit)}`;
}
