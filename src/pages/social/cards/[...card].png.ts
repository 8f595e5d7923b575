/**
 * /social/cards/<id>.png: the drawn 1200×630 social cards (home, categories,
 * authors, and posts with no hero image or chart card of their own). Each is
 * read from the content-hash cache when an earlier build drew the same card.
 *
 * The folder's name decides when Astro renders these: a build renders its
 * static routes in routing order, static first segments alphabetically, so
 * /social/ comes after /posts/. The articles render on the main thread while
 * libvips draws the cards on the other core, and this route then mostly reads
 * finished files. Under /og/, it came before the articles, and the build
 * waited for the drawing before rendering them (docs/benchmarks.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { env } from '../../../env';
import { drawnCards } from '../../../collections/social-cards';
import { cardSite, socialCardCacheDir } from '../../../collections/social-card-content';
import { prefetchSocialCards, socialCardKey, socialCardPng } from '../../../lib/social/social-card';
import type { CardContent } from '../../../lib/social/card-layout';

export const getStaticPaths = (async () => {
  const cards = await drawnCards();
  // A build asks every route for its paths before it renders any page, so the
  // cards are drawn while the pages are rendered. `astro dev` draws on request.
  if (!import.meta.env.DEV) {
    void prefetchSocialCards(
      cards.map((card) => card.content),
      cardSite,
      socialCardCacheDir,
      { workerFile: env.SOCIAL_CARD_WORKER },
    );
  }
  // Incremental builds: the card's content hash covers its texts, layout, fonts and renderer versions.
  return cards.map(({ id, content }) => ({
    params: { card: id },
    props: { content },
    cacheKey: socialCardKey(content, cardSite),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ content: CardContent }> = async ({ props }) => {
  const { png } = await socialCardPng(props.content, cardSite, socialCardCacheDir);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
