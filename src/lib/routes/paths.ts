/**
 * Every route the site links to is spelled here once. Paths are relative to the
 * base; wrap them with withBase() for hrefs or absoluteUrl() for feeds.
 */
import { tagSlug } from '../content/tags';

export { tagSlug };

export const paths = {
  home: () => '',
  posts: (page = 1) => (page <= 1 ? 'posts/' : `posts/${page}/`),
  post: (id: string) => `posts/${id}/`,
  category: (id: string, page = 1) => (page <= 1 ? `categories/${id}/` : `categories/${id}/${page}/`),
  categoryFeed: (id: string) => `categories/${id}/rss.xml`,
  categoryJsonFeed: (id: string) => `categories/${id}/feed.json`,
  tags: () => 'tags/',
  tag: (tag: string, page = 1) => (page <= 1 ? `tags/${tagSlug(tag)}/` : `tags/${tagSlug(tag)}/${page}/`),
  author: (id: string, page = 1) => (page <= 1 ? `authors/${id}/` : `authors/${id}/${page}/`),
  feed: () => 'rss.xml',
  jsonFeed: () => 'feed.json',
  /** The page that lists every feed for people; autodiscovery links name the feeds themselves. */
  subscribe: () => 'subscribe/',
  search: () => 'search/',
  surveyData: (id: string, format: 'csv' | 'json' | 'svg' | 'png') => `data/${id}.${format}`,
  /** The survey's figure alone, for other sites to frame (src/pages/embed/[survey].astro). */
  surveyEmbed: (id: string) => `embed/${id}/`,
  sitemap: () => 'sitemap-index.xml',
  /** A drawn social card (src/pages/social/cards/[...card].png.ts); ids come from cardIds in src/lib/social/cards.ts. */
  socialCard: (cardId: string) => `social/cards/${cardId}.png`,
  manifest: () => 'manifest.webmanifest',
} as const;
