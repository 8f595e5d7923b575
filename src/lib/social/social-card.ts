/**
 * A social card's PNG from what it says: laid out, keyed by a hash of every
 * input, and read from the cache folder when an earlier build drew the same
 * card (src/lib/social/card-cache.ts), drawn otherwise. prefetchSocialCards
 * draws a build's cards into that folder ahead of the route that serves them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cachedPng, isCached, type CachedPng } from './card-cache';
import { cardCacheKey, layoutCard, type CardColours, type CardContent, type CardSpec } from './card-layout';
import { cardFonts, renderCardPng, rendererVersions } from './card-png';
import type { CardJob, CardWorkerData, CardWorkerReport } from './card-worker-protocol';

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
 * holds at most the few cards in flight, never a build's worth of PNGs.
 */
const inFlight = new Map<string, Promise<CachedPng>>();

function cardPng(cacheDir: string, key: string, draw: () => Promise<Buffer>): Promise<CachedPng> {
  let png = inFlight.get(key);
  if (!png) {
    png = cachedPng(cacheDir, key, draw).finally(() => inFlight.delete(key));
    inFlight.set(key, png);
  }
  return png;
}

/**
 * The card's content hash (its cache file's name): everything that decides
 * its pixels, fonts and renderer versions included. Also the card route's
 * cacheKey for Astro's incremental build, so a new font or sharp redraws it.
 */
export function socialCardKey(content: CardContent, site: CardSite): string {
  return planCard(content, site).key;
}

export function socialCardPng(content: CardContent, site: CardSite, cacheDir: string): Promise<CachedPng> {
  const { spec, key } = planCard(content, site);
  return cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg));
}

/**
 * Starts drawing every card that is not cached yet into the cache folder, a
 * few at a time, and returns at once. Astro renders pages one at a time on
 * the main thread while libvips draws on its own threads, so cards drawn
 * this way cost the build little wall time, and by the time Astro reaches a
 * card's route it is a file read (or a wait for the drawing in flight).
 * With `workerFile` (the bundled card-worker.ts), the cards' own JavaScript
 * runs on that worker thread too. Failures are left to the route: it draws
 * the card again and the error fails the build at that page.
 */
export function prefetchSocialCards(
  contents: readonly CardContent[],
  site: CardSite,
  cacheDir: string,
  { concurrency = availableParallelism(), workerFile }: { concurrency?: number; workerFile?: string | undefined } = {},
): Promise<void> {
  const jobs = new Map<string, CardJob>();
  for (const content of contents) {
    const { spec, key } = planCard(content, site);
    if (!jobs.has(key) && !inFlight.has(key) && !isCached(cacheDir, key)) jobs.set(key, { key, spec });
  }
  if (workerFile) return drawOffThread([...jobs.values()], site, cacheDir, concurrency, workerFile);
  const queue = [...jobs.values()];
  let next = 0;
  const drawNext = async () => {
    while (next < queue.length) {
      const { spec, key } = queue[next++]!;
      if (inFlight.has(key)) continue;
      await cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg)).catch(() => undefined);
    }
  };
  return Promise.all(Array.from({ length: Math.max(1, concurrency) }, drawNext)).then(() => undefined);
}

/**
 * Hands `jobs` to a worker thread. Each card is in flight from the start: the
 * route that asks for it waits for the worker's report, then reads the cache
 * file, or draws the card itself when the worker could not.
 */
function drawOffThread(
  jobs: CardJob[],
  site: CardSite,
  cacheDir: string,
  concurrency: number,
  workerFile: string,
): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  const reports = new Map<string, () => void>();
  for (const { key, spec } of jobs) {
    const reported = new Promise<void>((resolve) => reports.set(key, resolve));
    inFlight.set(
      key,
      reported
        .then(() => cachedPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg)))
        .finally(() => inFlight.delete(key)),
    );
  }
  const data: CardWorkerData = { jobs, logoSvg: site.logoSvg, cacheDir, concurrency };
  return new Promise((resolve) => {
    // A worker that cannot start or dies leaves its remaining cards to their routes.
    const release = () => {
      for (const report of reports.values()) report();
      reports.clear();
      resolve();
    };
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: data });
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
  });
}
