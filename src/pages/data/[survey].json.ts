/** /data/<survey>.json: the survey as JSON, derived from the same SurveyView as the chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { surveyStaticPaths } from '../../collections/surveys';
import { surveyToJson, type SurveyView } from '../../lib/chart/survey';

export const getStaticPaths = surveyStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ survey: SurveyView }> = ({ props }) =>
  new Response(`${JSON.stringify(surveyToJson(props.survey), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
