/**
 * Where one `astro build` spends its time, told by Astro's public hooks and a
 * middleware around each page render (src/integrations/build-timeline.ts), for
 * `npm run bench` (BUILD_TIMELINE_FILE). Every moment is in milliseconds since
 * the process started (performance.now()).
 *
 * Pages render several at once (build.concurrency), so a page's own duration
 * overlaps others'. Each stretch of time is instead shared equally among the
 * pages rendering during it: the shares of every route add up to the time
 * some page was rendering, never more than the route phase.
 *
 * The integration runs in Astro's config and the middleware in the prerender
 * bundle, two copies of this module in one process, so they share the
 * recorder through a Symbol.for key on globalThis (as the social cards do).
 */

/** Moments of a build, in the order they happen. */
export const TIMELINE_MARKS = [
  /** `astro:config:setup`: Astro has started and loaded the config. */
  'config setup',
  /** `astro:config:done`: integrations have set up; Vite's setup and the content sync come next. */
  'config done',
  /** `astro:build:start`: content synced, types written. */
  'build start',
  /** The first page render began: the bundle is built and every route's `getStaticPaths()` has run. */
  'first page',
  /** The last page render ended. */
  'last page',
  /** `astro:build:generated`: Astro has also written its image and incremental-build caches. */
  'build generated',
  /** `astro:build:done`, in the first integration: every integration's own `astro:build:done` follows. */
  'build done',
  /** The process is exiting. */
  'exit',
] as const;

export type TimelineMark = (typeof TIMELINE_MARKS)[number];

export interface RouteTime {
  /** Pages (and endpoint files) this route rendered. */
  pages: number;
  /** Wall time attributed to its renders, in ms. */
  ms: number;
}

/** What BUILD_TIMELINE_FILE holds. */
export interface BuildTimeline {
  marks: Partial<Record<TimelineMark, number>>;
  /** By Astro's route pattern, e.g. `/tags/[tag]/[...page]`. */
  routes: Record<string, RouteTime>;
}

export class BuildTimelineRecorder {
  readonly #marks: Partial<Record<TimelineMark, number>> = {};
  readonly #routes = new Map<string, RouteTime>();
  /** Renders under way: token → route pattern. */
  readonly #rendering = new Map<number, string>();
  #nextToken = 0;
  /** Up to when rendering time has been shared out. */
  #sharedUntil = 0;

  /** Records a moment; a mark already set keeps its first time. */
  mark(name: TimelineMark, at: number): void {
    this.#marks[name] ??= at;
  }

  /** A page of `route` starts rendering; the token ends it. */
  pageStarted(route: string, at: number): number {
    this.mark('first page', at);
    this.#shareUntil(at);
    const token = this.#nextToken++;
    this.#rendering.set(token, route);
    const time = this.#routes.get(route);
    if (time) time.pages++;
    else this.#routes.set(route, { pages: 1, ms: 0 });
    return token;
  }

  pageEnded(token: number, at: number): void {
    if (!this.#rendering.has(token)) return;
    this.#shareUntil(at);
    this.#rendering.delete(token);
    this.#marks['last page'] = Math.max(this.#marks['last page'] ?? at, at);
  }

  /** Shares the time since the last event equally among the pages rendering through it. */
  #shareUntil(at: number): void {
    const elapsed = at - this.#sharedUntil;
    if (elapsed > 0 && this.#rendering.size > 0) {
      const share = elapsed / this.#rendering.size;
      for (const route of this.#rendering.values()) this.#routes.get(route)!.ms += share;
    }
    this.#sharedUntil = Math.max(this.#sharedUntil, at);
  }

  toJSON(): BuildTimeline {
    return { marks: { ...this.#marks }, routes: Object.fromEntries(this.#routes) };
  }
}

const RECORDER = Symbol.for('site.build-timeline.recorder');
type Holder = { [RECORDER]?: BuildTimelineRecorder };

/** The recorder the build-timeline integration installed in this process, if any. */
export function timelineRecorder(): BuildTimelineRecorder | undefined {
  return (globalThis as Holder)[RECORDER];
}

/** Installs a recorder for this process (the integration, once per build); the existing one when there is one. */
export function installTimelineRecorder(): BuildTimelineRecorder {
  return ((globalThis as Holder)[RECORDER] ??= new BuildTimelineRecorder());
}
