/**
 * The search UI's offline note. When the build kept only visited articles
 * (src/lib/offline/precache-plan.ts, written to offline-coverage.json and
 * precached), an offline search can reach only what this device saved, and
 * the reader is told so.
 */
import { COVERAGE_FILE, OFFLINE_SEARCH_NOTE, type Coverage } from '../../lib/offline/names';

const COVERAGE_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${COVERAGE_FILE}`;
let coverage: Promise<Coverage | undefined> | undefined;

/** The note to show beside offline search results, or undefined while online or with everything saved. */
export async function offlineSearchNote(): Promise<string | undefined> {
  if (navigator.onLine) return undefined;
  coverage ??= fetch(COVERAGE_URL)
    .then(async (response) => (response.ok ? ((await response.json()) as { coverage?: Coverage }).coverage : undefined))
    .catch(() => undefined);
  return (await coverage) === 'visited' ? OFFLINE_SEARCH_NOTE : undefined;
}
