/**
 * Which social card each page gets and what it says. A post keeps a hero
 * image meant for social cards, or its survey's chart card; every other post
 * gets a drawn card. Category and author pages get their own; every other
 * page (home, the post list, tags, search, 404) shares the site card, so no
 * page falls back to a small `summary` card.
 */
import type { CardContent } from './card-layout';

/** A drawn card's id, which is also its path under social/cards/ (see paths.socialCard). */
export type CardId = 'home' | `posts/${string}` | `categories/${string}` | `authors/${string}`;

export const cardIds = {
  home: (): CardId => 'home',
  post: (id: string): CardId => `posts/${id}`,
  category: (id: string): CardId => `categories/${id}`,
  author: (id: string): CardId => `authors/${id}`,
};

export interface PostCardFacts {
  title: string;
  /** The post's deck, which tells like-titled posts apart; '' for none. */
  deck: string;
  category: string;
  author: string;
  /** Printed date, e.g. "12 March 2024". */
  date: string;
}

export function postCard(post: PostCardFacts): CardContent {
  return { eyebrow: post.category, title: post.title, subtitle: post.deck, byline: `By ${post.author} · ${post.date}` };
}

export function homeCard(site: { tagline: string; publisher: string }): CardContent {
  return { eyebrow: '', title: site.tagline, subtitle: '', byline: `From ${site.publisher}` };
}

export function categoryCard(category: { name: string; description: string }): CardContent {
  return { eyebrow: 'Category', title: category.name, subtitle: category.description, byline: '' };
}

export function authorCard(author: { name: string; role?: string | undefined; bio: string }): CardContent {
  return { eyebrow: 'Author', title: author.name, subtitle: author.bio, byline: author.role ?? '' };
}

/** The og:image:alt of a drawn card: what it shows, in reading order. */
export function cardAlt(content: CardContent, siteName: string): string {
  return [content.eyebrow, content.title, content.subtitle, content.byline, siteName]
    .filter((part) => part.trim() !== '')
    .join(' · ');
}
