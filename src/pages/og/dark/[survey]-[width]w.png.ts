/**
 * /og/dark/<survey>-<width>w.png: the chart card in the dark theme's colours,
 * at every width of the home page's srcset, so the featured card does not
 * glare on a dark page. Social networks and feeds keep the light card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../site.config';
import { surveyWidthStaticPaths } from '../../../collections/surveys';
import { renderChartPng } from '../../../lib/chart/chart-png';
import { CARD_DARK_WIDTHS, type CardDarkWidth, type SurveyView } from '../../../lib/chart/survey';

export const getStaticPaths = (() => surveyWidthStaticPaths(CARD_DARK_WIDTHS)) satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView; width: CardDarkWidth }> = async ({ props }) => {
  const png = await renderChartPng(props.survey, { siteName: SITE.name, width: props.width, theme: 'dark' });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
