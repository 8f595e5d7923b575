/**
 * A social card's PNG from what it says: laid out, keyed by a hash of every
 * input, and read from the cache folder when an earlier build drew the same
 * card (src/lib/social/card-cache.ts), drawn otherwise.
 */
import { cachedPng, type CachedPng } from './card-cache';
import { cardCacheKey, layoutCard, type CardColours, type CardContent } from './card-layout';
import { cardFonts, renderCardPng, rendererVersions } from './card-png';

export interface CardSite {
  name: string;
  host: string;
  /** Drawn when a title has nothing the font can draw (a title wholly in a script DejaVu Sans lacks). */
  fallbackTitle: string;
  colours: CardColours;
  logoSvg: string;
}

export function socialCardPng(content: CardContent, site: CardSite, cacheDir: string): Promise<CachedPng> {
  const fonts = cardFonts();
  const spec = layoutCard(content, site, site.colours, fonts.covers);
  const key = cardCacheKey(spec, { logoSvg: site.logoSvg, fontDigest: fonts.digest, versions: rendererVersions() });
  return cachedPng(cacheDir, key, () => renderCardPng(spec, site.logoSvg));
}
