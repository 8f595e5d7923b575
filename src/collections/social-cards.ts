/**
 * Social cards from site content: the list of drawn cards the social/cards route
 * emits, and the image each page names in og:image. Both read the same
 * choice (drawnCardFor), so a page never points at a card that was not built.
 */
import { SITE, withBase } from '../site.config';
import { paths } from '../lib/routes/paths';
import { SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH, type CardContent } from '../lib/social/card-layout';
import { authorCard, cardAlt, cardIds, categoryCard, type CardId } from '../lib/social/cards';
import { postCardContent, siteCard } from './social-card-content';
import { authorOf, categoryOf, getSiteContent, type Author, type Category, type Post } from './posts';
import { chartImageForPost } from './surveys';

export interface SocialImage {
  /** Site-relative URL with the base, as BaseHead's image prop takes it. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

function drawnImage(id: CardId, content: CardContent): SocialImage {
  return {
    src: withBase(paths.socialCard(id)),
    alt: cardAlt(content, SITE.name),
    width: SOCIAL_CARD_WIDTH,
    height: SOCIAL_CARD_HEIGHT,
  };
}

/** The card of every page without one of its own (home, post list, tags, search, 404). */
export const siteSocialImage: SocialImage = drawnImage(cardIds.home(), siteCard);

export function categorySocialImage(category: Category): SocialImage {
  return drawnImage(cardIds.category(category.id), categoryCard(category.data));
}

export function authorSocialImage(author: Author): SocialImage {
  return drawnImage(cardIds.author(author.id), authorCard(author.data));
}

/**
 * A post's card: its survey's chart card, else its hero image when that is
 * meant for social cards (ArticleLayout picks it up when this is undefined),
 * else a drawn card.
 */
export async function postSocialImage(post: Post): Promise<SocialImage | undefined> {
  const chart = await chartImageForPost(post.id);
  if (chart) return { src: withBase(chart.pngPath), alt: chart.alt, width: chart.width, height: chart.height };
  const drawn = await drawnCardFor(post);
  return drawn && drawnImage(cardIds.post(post.id), drawn);
}

async function drawnCardFor(post: Post): Promise<CardContent | undefined> {
  if (post.data.heroImage?.socialCard) return undefined;
  if (await chartImageForPost(post.id)) return undefined;
  const content = await getSiteContent();
  return postCardContent(post.data, {
    category: categoryOf(content, post).data.name,
    author: authorOf(content, post).data.name,
  });
}

/** Every card the build draws, with what it says. */
export async function drawnCards(): Promise<{ id: CardId; content: CardContent }[]> {
  const content = await getSiteContent();
  const posts = await Promise.all(
    content.posts.map(async (post) => ({ id: cardIds.post(post.id), content: await drawnCardFor(post) })),
  );
  return [
    { id: cardIds.home(), content: siteCard },
    ...[...content.categories.values()].map((c) => ({ id: cardIds.category(c.id), content: categoryCard(c.data) })),
    ...[...content.authors.values()].map((a) => ({ id: cardIds.author(a.id), content: authorCard(a.data) })),
    ...posts.filter((p): p is { id: CardId; content: CardContent } => p.content !== undefined),
  ];
}
