/**
 * A social card's PNG from what it says: laid out, keyed by a hash of every
 * input, and read from the cache folder when an earlier build drew the same
 * card (src/lib/social/card-cache.ts), drawn otherwise. prefetchSocialCards
 * draws a build's cards into that folder ahead of the route that serves them.
 */
import { availableParallelism } from 'node:os';
import { cachedPng, isCached, type CachedPng } from './card-cache';
import { cardCacheKey, layoutCard, type CardColours, type CardContent, type CardSpec } from './card-layout';
import { cardFonts, renderCardPng, rendererVersions } from './card-png';

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
 * Failures are left to the route: it draws the card again and the error
 * fails the build at that page.
 */
export function prefetchSocialCards(
  contents: readonly CardContent[],
  site: CardSite,
  cacheDir: string,
  concurrency = availableParallelism(),
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < contents.length) {
      const { spec, key } = planCard(contents[next++]!, site);
      if (inFlight.has(key) || isCached(cacheDir, key)) continue;
      await cardPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg)).catch(() => undefined);
    }
  };
  return Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker)).then(() => undefined);
}
