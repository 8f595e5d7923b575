/**
 * A social card's PNG from what it says: laid out, keyed by a hash of every
 * input, and read from the cache folder when an earlier build drew the same
 * card (src/lib/social/card-cache.ts), drawn otherwise. prefetchSocialCards
 * draws a build's cards into that folder ahead of the copy that puts them in
 * dist/ (card-files.ts); `astro dev` draws each when its route asks.
 */
import { availableParallelism } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LOWEST_PRIORITY_PRELOAD } from '../build/lowest-priority';
import { cachedPng, cacheFile, isCached, type CachedPng } from './card-cache';
import { cardCacheKey, layoutCard, type CardColours, type CardContent, type CardSpec } from './card-layout';
import { cardFonts, renderCardPng, rendererVersions } from './card-png';
import type { CardJob, CardWorkerData, CardWorkerMessage, CardWorkerReport } from './card-worker-protocol';

export interface CardSite {
  name: string;
  host: string;
  /** Drawn when a title has nothing the font can draw (a title wholly in a script DejaVu Sans lacks). */
  fallbackTitle: string;
  colours: CardColours;
  logoSvg: string;
}

interface CardPlan {
  spec: CardSpec;
  key: string;
}

/**
 * Plans by content object: a build's route hands each card the same object
 * its getStaticPaths gave prefetchSocialCards, so a card is laid out and
 * hashed once, not twice. Weak, so it holds nothing past the build's props.
 */
const plansBySite = new WeakMap<CardSite, WeakMap<CardContent, CardPlan>>();

function planCard(content: CardContent, site: CardSite): CardPlan {
  let plans = plansBySite.get(site);
  if (!plans) plansBySite.set(site, (plans = new WeakMap()));
  let plan = plans.get(content);
  if (!plan) {
    const fonts = cardFonts();
    const spec = layoutCard(content, site, site.colours, fonts.covers);
    const key = cardCacheKey(spec, { logoSvg: site.logoSvg, fontDigest: fonts.digest, versions: rendererVersions() });
    plan = { spec, key };
    plans.set(content, plan);
  }
  return plan;
}

/**
 * Cards being drawn right now, by cache key, so a card asked for while it is
 * drawn is drawn once. An entry leaves when its drawing settles: the map
 * holds at most the cards in flight, never a build's worth of PNGs. A card
 * drawn in this process settles to its bytes; one drawn by the card process
 * settles to nothing once it is in the cache folder, and is not read back
 * (socialCardFile copies the file): read as each was reported, 10,000 cards meant
 * ~500 MB read on Astro's thread during content sync, for bytes nobody had
 * asked for yet.
 *
 * One map per process, not per module instance: content sync (the content
 * config's loaders) and the built pages each load their own copy of this
 * module, and a build starts drawing in the first (early-social-cards.ts)
 * what the card route of the second lists.
 */
const IN_FLIGHT = Symbol.for('site.social-cards.in-flight');
type InFlight = Map<string, Promise<CachedPng | void>>;
const inFlight: InFlight = ((globalThis as { [IN_FLIGHT]?: InFlight })[IN_FLIGHT] ??= new Map());

function cardPng(cacheDir: string, key: string, draw: () => Promise<Buffer>): Promise<CachedPng> {
  const pending = inFlight.get(key);
  if (pending) return pending.then((drawn) => drawn ?? cachedPng(cacheDir, key, draw));
  const png = cachedPng(cacheDir, key, draw).finally(() => inFlight.delete(key));
  inFlight.set(key, png);
  return png;
}

export function socialCardPng(content: CardContent, site: CardSite, cacheDir: string): Promise<CachedPng> {
  const { spec, key } = planCard(content, site);
  return cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg));
}

/**
 * The card's file in the cache folder, once it is there: waited for when in
 * flight, drawn when not drawn yet. Nothing is read, which is all a build
 * needs to copy the card into dist/ (card-files.ts).
 */
export async function socialCardFile(content: CardContent, site: CardSite, cacheDir: string): Promise<string> {
  const { spec, key } = planCard(content, site);
  await inFlight.get(key);
  if (!isCached(cacheDir, key)) await cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg));
  return cacheFile(cacheDir, key);
}

/** A build's card drawing, fed as the cards become known. */
export interface CardDrawing {
  /** Queues the cards that are neither cached nor in flight already (each in flight from here on); returns how many. */
  add(contents: readonly CardContent[]): number;
  /** Nothing more to add: resolves once every queued card is drawn, or left to socialCardFile to draw. */
  finish(): Promise<void>;
}

interface CardSink {
  add(jobs: CardJob[]): void;
  finish(): Promise<void>;
}

/**
 * Starts drawing cards into the cache folder, a few at a time, and returns
 * at once. Astro renders pages on the main thread while libvips draws on its
 * own threads, so cards drawn this way cost the build little wall time, and
 * by the end of the build each is a file to copy (or a wait for the drawing
 * in flight). With `workerFile` (the bundled card-worker.ts), the cards are
 * drawn in that process, at the lowest scheduling priority. Failures are left
 * to socialCardFile: it draws the card again in this process, and the error
 * fails the build.
 */
export function startSocialCardDrawing(
  site: CardSite,
  cacheDir: string,
  { concurrency = availableParallelism(), workerFile }: { concurrency?: number; workerFile?: string | undefined } = {},
): CardDrawing {
  const lanes = Math.max(1, concurrency);
  const sink = workerFile ? drawInCardProcess(site, cacheDir, lanes, workerFile) : drawInProcess(site, cacheDir, lanes);
  const queued = new Set<string>();
  return {
    add(contents) {
      const jobs: CardJob[] = [];
      for (const content of contents) {
        const { spec, key } = planCard(content, site);
        if (queued.has(key) || inFlight.has(key) || isCached(cacheDir, key)) continue;
        queued.add(key);
        jobs.push({ key, spec });
      }
      if (jobs.length > 0) sink.add(jobs);
      return jobs.length;
    },
    finish: () => sink.finish(),
  };
}

/** Draws `contents` as startSocialCardDrawing does, all known at once. */
export function prefetchSocialCards(
  contents: readonly CardContent[],
  site: CardSite,
  cacheDir: string,
  options: { concurrency?: number; workerFile?: string | undefined } = {},
): Promise<void> {
  const drawing = startSocialCardDrawing(site, cacheDir, options);
  drawing.add(contents);
  return drawing.finish();
}

/** Draws on this thread's libvips, `lanes` cards at a time; a card asked for elsewhere first is not drawn twice. */
function drawInProcess(site: CardSite, cacheDir: string, lanes: number): CardSink {
  const queue: CardJob[] = [];
  const running: Promise<void>[] = [];
  let active = 0;
  const lane = async () => {
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { spec, key } = job;
        if (inFlight.has(key)) continue;
        await cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg)).catch(() => undefined);
      }
    } finally {
      // In the same tick as the empty queue was seen, so a job added next starts a lane.
      active--;
    }
  };
  return {
    add(jobs) {
      queue.push(...jobs);
      for (; active < lanes && active < queue.length; active++) running.push(lane());
    },
    finish: () => Promise.all(running).then(() => undefined),
  };
}

/**
 * Hands jobs to a child process (the bundled card-worker.ts), started with
 * the first of them. Each card is in flight from the moment it is added:
 * socialCardFile waits for the process's report, then takes the cache file,
 * or draws the card itself when the process could not.
 */
function drawInCardProcess(site: CardSite, cacheDir: string, concurrency: number, workerFile: string): CardSink {
  const reports = new Map<string, () => void>();
  let worker: ChildProcess | undefined;
  let ended = false;
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  // A process that cannot start or dies leaves its remaining cards to socialCardFile.
  const release = () => {
    ended = true;
    for (const report of reports.values()) report();
    reports.clear();
    settle();
  };
  const send = (message: CardWorkerMessage) => {
    if (!worker?.connected) return release();
    worker.send(message, (error) => error && release());
  };
  const start = () => {
    const data: CardWorkerData = { logoSvg: site.logoSvg, cacheDir, concurrency };
    if (!existsSync(workerFile)) return release();
    try {
      worker = fork(workerFile, [], {
        execArgv: ['--import', LOWEST_PRIORITY_PRELOAD],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
    } catch {
      release();
      return;
    }
    worker.on('message', ({ key }: CardWorkerReport) => {
      reports.get(key)?.();
      reports.delete(key);
    });
    worker.once('error', release);
    worker.once('exit', release);
    send({ start: data });
  };
  return {
    add(jobs) {
      if (ended) return;
      for (const { key } of jobs) {
        const reported = new Promise<void>((resolve) => reports.set(key, resolve));
        inFlight.set(
          key,
          reported.finally(() => inFlight.delete(key)),
        );
      }
      if (!worker) start();
      send({ jobs });
    },
    finish() {
      if (worker && !ended) send({ done: true });
      else release();
      return done;
    },
  };
}
