/** /data/<survey>.csv: the survey as CSV, derived from the same SurveyView as the chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { surveyStaticPaths } from '../../collections/surveys';
import { surveyToCsv, type SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = surveyStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView }> = ({ props }) =>
  new Response(surveyToCsv(props.survey), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
