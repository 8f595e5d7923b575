/**
 * What a drawn social card says and where it is kept, from site identity and
 * a post's frontmatter alone. Kept apart from social-cards.ts (which reads the
 * collections) so that content sync, before any collection can be read, builds
 * the very same card content, and so the same cache key (early-social-cards.ts).
 */
import { join } from 'node:path';
import logoSvg from '../assets/brand/logo.svg?raw';
import { env } from '../env';
import { SITE } from '../site.config';
import { formatDate } from '../lib/posts/format';
import { CARD_COLOURS, type CardContent } from '../lib/social/card-layout';
import { homeCard, postCard } from '../lib/social/cards';
import type { CardSite } from '../lib/social/social-card';

export const cardSite: CardSite = {
  name: SITE.name,
  host: new URL(SITE.url).host,
  fallbackTitle: SITE.tagline,
  colours: CARD_COLOURS,
  logoSvg,
};

/** Drawn cards live in Astro's cache folder, beside Astro's own caches, so one ASTRO_CACHE_DIR governs both. */
export const socialCardCacheDir = join(env.ASTRO_CACHE_DIR, 'social-cards');

/** The card of the home page, and of every page without one of its own. */
export const siteCard = homeCard({ tagline: SITE.tagline, publisher: SITE.publisher.name });

/** The post fields a drawn card shows, as the posts schema outputs them. */
export interface PostCardData {
  title: string;
  deck?: string | undefined;
  pubDate: Date;
}

/** A post's drawn card, given the display names of its category and author. */
export function postCardContent(data: PostCardData, names: { category: string; author: string }): CardContent {
  return postCard({
    title: data.title,
    deck: data.deck ?? '',
    category: names.category,
    author: names.author,
    date: formatDate(data.pubDate),
  });
}
