/** Shared by the survey unit tests: the real survey file, parsed by the real schema. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { surveySchema, type SurveyData } from '../../../src/lib/chart/survey-schema';
import { deriveSurvey } from '../../../src/lib/chart/survey';

export const SURVEY_ID = 'moon-awards-2024-narratives';
export const SURVEY_FILE = resolve(import.meta.dirname, `../../../src/content/surveys/${SURVEY_ID}.json`);

export function rawSurvey(): Record<string, unknown> & { entries: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(SURVEY_FILE, 'utf8'));
}

export function realSurvey(): SurveyData {
  return surveySchema.parse(rawSurvey());
}

export function realView() {
  return deriveSurvey(SURVEY_ID, realSurvey());
}
