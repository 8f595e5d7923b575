/**
 * /og/<survey>.png: the 1200×630 chart card (og:image, twitter:image, RSS).
 * Rendered by sharp from the build-time card SVG in the pinned font.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../site.config';
import { surveyStaticPaths } from '../../collections/surveys';
import { renderChartPng } from '../../lib/chart/chart-png';
import type { SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = surveyStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView }> = async ({ props }) => {
  const png = await renderChartPng(props.survey, { siteName: SITE.name });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
