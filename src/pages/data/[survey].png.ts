/**
 * /data/<survey>.png: the chart card to download. The same drawing as the
 * og:image (credit line drawn in its footer), plus the credit as EXIF
 * ImageDescription / Copyright for tools that read image metadata.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../site.config';
import { surveyStaticPaths } from '../../collections/surveys';
import { renderChartPng } from '../../lib/chart/chart-png';
import type { SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = surveyStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView }> = async ({ props }) => {
  const png = await renderChartPng(props.survey, { siteName: SITE.name, embedCredit: true });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
