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
  tag: (tag: string, page = 1) => (page <= 1 ? `tags/${tagSlug(tag)}/` : `tags/${tagSlug(tag)}/${page}/`),
  author: (id: string, page = 1) => (page <= 1 ? `authors/${id}/` : `authors/${id}/${page}/`),
  feed: () => 'rss.xml',
  search: () => 'search/',
  surveyData: (id: string, format: 'csv' | 'json' | 'svg' | 'png') => `data/${id}.${format}`,
  /** The survey's figure alone, for other sites to frame (src/pages/embed/[survey].astro). */
  surveyEmbed: (id: string) => `embed/${id}/`,
  sitemap: () => 'sitemap-index.xml',
} as const;
