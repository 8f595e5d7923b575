/**
 * The only module that asks astro:content for surveys. It loads a survey,
 * checks each entry's section against the headings of the article it belongs
 * to (a build error naming the survey file and the entry), derives the
 * SurveyView once and memoises it for the production build.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { getSiteContent } from './posts';
import { ContentError } from '../lib/content/content-error';
import {
  assertSectionsExist,
  chartAltText,
  deriveSurvey,
  surveyPngPath,
  surveyThumbnailPath,
  surveyDarkPngPath,
  CARD_DARK_WIDTHS,
  CARD_HEIGHT,
  CARD_THUMBNAIL_WIDTHS,
  CARD_WIDTH,
  type SurveyView,
} from '../lib/chart/survey';

type SurveyEntry = CollectionEntry<'surveys'>;

function fileOf(entry: SurveyEntry): string {
  return entry.filePath ?? `src/content/surveys/${entry.id}.json`;
}

async function loadSurvey(entry: SurveyEntry): Promise<SurveyView> {
  const file = fileOf(entry);
  const post = await getEntry('posts', entry.data.article);
  if (!post) {
    throw new ContentError([
      { file, field: 'article', reason: `"${entry.data.article}" is not the id of a post (a file name in posts/)` },
    ]);
  }
  const { headings } = await render(post);
  assertSectionsExist(
    { file, article: post.id, entries: entry.data.entries },
    headings.map((h) => h.slug),
  );
  return deriveSurvey(entry.id, entry.data);
}

const memo = new Map<string, Promise<SurveyView>>();

/** A validated survey by id. Throws with the file name when it is missing or invalid. */
export async function getSurvey(id: string): Promise<SurveyView> {
  const cached = import.meta.env.DEV ? undefined : memo.get(id);
  if (cached) return cached;
  const promise = (async () => {
    const entry = await getEntry('surveys', id);
    if (!entry) {
      const known = (await getCollection('surveys')).map((s) => s.id);
      // Posts cannot get here (the posts loader checks every survey a post names); a page's own id can.
      throw new Error(`no survey "${id}" in src/content/surveys/ (known: ${known.join(', ') || 'none'})`);
    }
    return loadSurvey(entry);
  })();
  if (!import.meta.env.DEV) memo.set(id, promise);
  return promise;
}

/**
 * Surveys whose article is visible under the publishing rule: the ones whose
 * downloads and card image the build emits. A survey of a draft article
 * ships nothing in production.
 */
export async function publishedSurveys(): Promise<SurveyView[]> {
  const [entries, { byId }] = await Promise.all([getCollection('surveys'), getSiteContent()]);
  return Promise.all(entries.filter((e) => byId.has(e.data.article)).map((e) => getSurvey(e.id)));
}

/** getStaticPaths of every per-survey route (downloads, cards, embed page): one path per published survey. */
export async function surveyStaticPaths(): Promise<{ params: { survey: string }; props: { survey: SurveyView } }[]> {
  return (await publishedSurveys()).map((survey) => ({ params: { survey: survey.id }, props: { survey } }));
}

/** getStaticPaths of the per-survey, per-width card routes (thumbnails, dark variants): one path per survey and width. */
export async function surveyWidthStaticPaths<Width extends number>(
  widths: readonly Width[],
): Promise<{ params: { survey: string; width: string }; props: { survey: SurveyView; width: Width } }[]> {
  return (await publishedSurveys()).flatMap((survey) =>
    widths.map((width) => ({ params: { survey: survey.id, width: String(width) }, props: { survey, width } })),
  );
}

let firstSurveys: Promise<Map<string, string>> | undefined;

/**
 * Article id → the id of its first survey (by id). Every article page asks twice (og:image, drawn card or
 * not) and every feed item once, so the production build reads the collection once instead of per question.
 */
function firstSurveyByArticle(): Promise<Map<string, string>> {
  const load = async () => {
    const byArticle = new Map<string, string>();
    for (const entry of (await getCollection('surveys')).sort((a, b) => a.id.localeCompare(b.id)))
      if (!byArticle.has(entry.data.article)) byArticle.set(entry.data.article, entry.id);
    return byArticle;
  };
  if (import.meta.env.DEV) return load();
  return (firstSurveys ??= load());
}

export interface ChartImage {
  /** Site path relative to the base, e.g. "og/moon-awards-2024-narratives.png"; wrap with withBase()/absoluteUrl(). */
  pngPath: string;
  /** Smaller copies, narrowest first, for a srcset beside the PNG. */
  thumbnails: { path: string; width: number }[];
  /** The same card in the dark theme's colours, at every width (pages only; og:image stays light). */
  dark: { path: string; width: number }[];
  alt: string;
  width: number;
  height: number;
}

/**
 * The chart card of a post that is a survey's article, or undefined. The
 * article page uses it as og:image / twitter:image; the RSS feed embeds it
 * ahead of the table so feed readers show the chart.
 */
export async function chartImageForPost(postId: string): Promise<ChartImage | undefined> {
  const surveyId = (await firstSurveyByArticle()).get(postId);
  if (surveyId === undefined) return undefined;
  const view = await getSurvey(surveyId);
  return {
    pngPath: surveyPngPath(view.id),
    thumbnails: CARD_THUMBNAIL_WIDTHS.map((width) => ({ path: surveyThumbnailPath(view.id, width), width })),
    dark: CARD_DARK_WIDTHS.map((width) => ({ path: surveyDarkPngPath(view.id, width), width })),
    alt: chartAltText(view),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  };
}
