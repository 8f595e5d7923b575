/**
 * /data/<survey>.svg: the chart as a standalone SVG, the same 1200×630 drawing
 * the PNG card is rendered from, with the survey, source and licence in its
 * <title>, <desc>, <metadata> and footer.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../site.config';
import { surveyStaticPaths } from '../../collections/surveys';
import { renderChartCardSvg } from '../../lib/chart/chart-svg';
import type { SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = surveyStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView }> = ({ props }) =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n${renderChartCardSvg(props.survey, { siteName: SITE.name })}\n`,
    {
      headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
    },
  );
