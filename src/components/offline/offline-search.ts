/**
 * The search UI's offline note. When the build kept only visited articles
 * (src/lib/offline/precache-plan.ts, written to offline-coverage.json and
 * precached), an offline search can reach only what this device saved, and
 * the reader is told so.
 *
 * Offline is decided by the network, not by navigator.onLine alone: Chromium
 * can report true on a page reloaded offline and served by the service worker
 * (crbug.com/678075), and true on a network that connects to nothing. A false
 * is trusted; a true is checked with a request the worker leaves to the network.
 */
import { COVERAGE_FILE, OFFLINE_SEARCH_NOTE, type Coverage } from '../../lib/offline/names';

const COVERAGE_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${COVERAGE_FILE}`;
/** A network answer this old still counts: a reader's keystrokes make one probe, not one each. */
const PROBE_TTL_MS = 15_000;

let coverage: Promise<Coverage | undefined> | undefined;
let probe: { at: number; online: Promise<boolean> } | undefined;

function readCoverage(): Promise<Coverage | undefined> {
  // Precached, so the service worker answers this offline too.
  coverage ??= fetch(COVERAGE_URL)
    .then(async (response) => (response.ok ? ((await response.json()) as { coverage?: Coverage }).coverage : undefined))
    .catch(() => undefined);
  return coverage;
}

/** Whether the site's server answers: the query keeps the request out of the precache, so it goes to the network. */
function serverAnswers(): Promise<boolean> {
  if (!navigator.onLine) return Promise.resolve(false);
  if (!probe || performance.now() - probe.at > PROBE_TTL_MS) {
    const online = fetch(`${COVERAGE_URL}?online-probe=${Date.now()}`, { method: 'HEAD', cache: 'no-store' }).then(
      () => true,
      () => false,
    );
    probe = { at: performance.now(), online };
  }
  return probe.online;
}

/** The note to show beside offline search results, or undefined while online or with everything saved. */
export async function offlineSearchNote(): Promise<string | undefined> {
  if ((await readCoverage()) !== 'visited') return undefined;
  return (await serverAnswers()) ? undefined : OFFLINE_SEARCH_NOTE;
}
