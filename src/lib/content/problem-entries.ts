/**
 * In `astro dev`, a post that fails its checks is stored as a problem entry
 * (its data holds only the problems), so no page can show stale content and
 * src/middleware.ts can raise Astro's error overlay from the store itself.
 */
import type { ContentProblem } from './content-error';

export const PROBLEMS_FIELD = 'contentProblems';

export function problemsOf(entry: { data: object }): ContentProblem[] {
  const problems = (entry.data as Record<string, unknown>)[PROBLEMS_FIELD];
  return Array.isArray(problems) ? (problems as ContentProblem[]) : [];
}
