/**
 * A build of this repository's content takes 12–25 s here; one still running after
 * BUILD_DEADLINE_MS is stuck, not slow. build-site.ts then kills it, reports the
 * processes it left alive and builds once more, so a test that builds may need two
 * deadlines and some change.
 */
export const BUILD_DEADLINE_MS = 180_000;
export const BUILD_TEST_TIMEOUT_MS = 2 * BUILD_DEADLINE_MS + 60_000;
