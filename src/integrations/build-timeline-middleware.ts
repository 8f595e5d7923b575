/**
 * Added by the build-timeline integration while BUILD_TIMELINE_FILE is set:
 * times every page and endpoint render of `astro build` by its route pattern.
 * Pages are rendered to a string in a static build, so the render is over
 * when `next()` returns.
 */
import { defineMiddleware } from 'astro:middleware';
import { timelineRecorder } from '../lib/build/build-timeline';

export const onRequest = defineMiddleware(async (context, next) => {
  const recorder = timelineRecorder();
  if (!recorder) return next();
  const token = recorder.pageStarted(context.routePattern, performance.now());
  try {
    return await next();
  } finally {
    recorder.pageEnded(token, performance.now());
  }
});
