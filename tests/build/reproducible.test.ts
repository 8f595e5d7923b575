import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, MAIN_BUILD, TMP_ROOT } from '../support/build-site';
import { listFiles } from '../support/dist';
import { TIMELINE_MARKS, type BuildTimeline } from '../../src/lib/build/build-timeline';
import { OTHER_ROUTES, timeByKind } from '../../bench/lib/timeline';

const digest = (dist: string) =>
  Object.fromEntries(
    listFiles(dist).map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

/** The second build also writes the timeline `npm run bench` reads, which must not change a byte of the site. */
const TIMELINE_FILE = join(TMP_ROOT, `${MAIN_BUILD}-again-timeline.json`);

describe('reproducible builds', () => {
  let secondDist = '';

  it('a second clean build of the same commit, through `npm run build`, is byte-identical, search index included, with the build timeline on', async () => {
    // Both run scripts/build.mjs (astro build, then Pagefind once Astro has exited).
    const first = inject('mainDistDir');
    rmSync(TIMELINE_FILE, { force: true });
    const second = await buildSite(`${MAIN_BUILD}-again`, { BUILD_TIMELINE_FILE: TIMELINE_FILE });
    expect(second.ok, second.output).toBe(true);
    secondDist = second.distDir;
    const a = digest(first);
    const b = digest(second.distDir);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
  });

  it("the build timeline has every stage in order, and every page the build wrote under its route's kind", () => {
    const timeline = JSON.parse(readFileSync(TIMELINE_FILE, 'utf8')) as BuildTimeline;
    const marks = TIMELINE_MARKS.map((mark) => timeline.marks[mark]);
    expect(marks.every((at) => typeof at === 'number' && at > 0)).toBe(true);
    expect(marks).toEqual([...(marks as number[])].sort((x, y) => x - y));

    const byKind = timeByKind(timeline.routes);
    const pagesOf = (kind: string) => byKind.get(kind)?.pages ?? 0;
    const html = listFiles(secondDist, (f) => f.endsWith('.html')).map((f) => relative(secondDist, f));
    const articles = html.filter((f) => /^posts\/(?!\d+\/)[^/]+\/index\.html$/.test(f));
    expect(articles.length).toBeGreaterThan(0);
    expect(pagesOf('articles')).toBe(articles.length);
    expect(pagesOf('tag pages')).toBe(html.filter((f) => /^tags\/[^/]+\//.test(f)).length);
    expect(pagesOf('feeds (their Container API renders)')).toBe(
      listFiles(secondDist, (f) => /(?:rss\.xml|feed\.json)$/.test(f)).length,
    );
    // Only one-off pages fall outside a kind: the home page, 404, search, offline, subscribe, the tag index, embeds.
    expect(pagesOf(OTHER_ROUTES)).toBeLessThan(10);

    // Renders share the route phase among themselves: together they never exceed it.
    const rendering = [...byKind.values()].reduce((sum, time) => sum + time.ms, 0);
    expect(rendering).toBeGreaterThan(0);
    expect(rendering).toBeLessThanOrEqual(timeline.marks['last page']! - timeline.marks['first page']! + 1e-6);
  });
});
