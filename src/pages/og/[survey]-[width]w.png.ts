/**
 * /og/<survey>-<width>w.png: the chart card at thumbnail widths, for the
 * srcset of pages that show it small (the home page's featured post).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../site.config';
import { surveyWidthStaticPaths } from '../../collections/surveys';
import { renderChartPng } from '../../lib/chart/chart-png';
import { CARD_THUMBNAIL_WIDTHS, type CardThumbnailWidth, type SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = (() => surveyWidthStaticPaths(CARD_THUMBNAIL_WIDTHS)) satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView; width: CardThumbnailWidth }> = async ({ props }) => {
  const png = await renderChartPng(props.survey, { siteName: SITE.name, width: props.width });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
