/**
 * In `astro dev`, a post that fails its checks is stored as a problem entry
 * (its data holds only the problems), so no page can show stale content and
 * src/middleware.ts can raise Astro's error overlay from the store itself.
 */
import { ContentError, type ContentProblem } from './content-error';

export const PROBLEMS_FIELD = 'contentProblems';

export function problemsOf(entry: { data: object }): ContentProblem[] {
  const problems = (entry.data as Record<string, unknown>)[PROBLEMS_FIELD];
  return Array.isArray(problems) ? (problems as ContentProblem[]) : [];
}

/** Throws the problems stored in the collection, so the dev overlay shows them instead of a page. */
export function assertNoStoredProblems(entries: readonly { data: object }[]): void {
  const problems = entries.flatMap(problemsOf);
  if (problems.length > 0)
    throw new ContentError(problems, 'Fix the file and save it: the page recovers without restarting the dev server.');
}
