/**
 * /social/cards/<id>.png: the drawn 1200×630 social cards (home, categories,
 * authors, and posts with no hero image or chart card of their own). Each is
 * read from the content-hash cache when an earlier build drew the same card.
 *
 * `astro dev` serves them from here. A build lists them here and copies them
 * into dist/ at its end, from the cache folder the drawing fills while Astro
 * renders the pages (src/lib/social/card-files.ts says why).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { env } from '../../../env';
import { drawnCards } from '../../../collections/social-cards';
import { cardSite, socialCardCacheDir } from '../../../collections/social-card-content';
import { paths } from '../../../lib/routes/paths';
import { listCardFiles } from '../../../lib/social/card-files';
import { prefetchSocialCards, socialCardFile, socialCardPng } from '../../../lib/social/social-card';
import type { CardContent } from '../../../lib/social/card-layout';

export const getStaticPaths = (async () => {
  const cards = await drawnCards();
  if (import.meta.env.DEV) return cards.map(({ id, content }) => ({ params: { card: id }, props: { content } }));
  // A build asks every route for its paths before it renders any page, so the
  // cards are drawn while the pages are rendered, then copied into the build
  // at its end (src/integrations/social-card-files.ts), not rendered as pages.
  void prefetchSocialCards(
    cards.map((card) => card.content),
    cardSite,
    socialCardCacheDir,
    { workerFile: env.SOCIAL_CARD_WORKER },
  );
  listCardFiles(
    cards.map(({ id, content }) => ({
      path: paths.socialCard(id),
      source: () => socialCardFile(content, cardSite, socialCardCacheDir),
    })),
  );
  return [];
}) satisfies GetStaticPaths;

/** `astro dev` only: a build writes the cards as files. */
export const GET: APIRoute<{ content: CardContent }> = async ({ props }) => {
  const { png } = await socialCardPng(props.content, cardSite, socialCardCacheDir);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
