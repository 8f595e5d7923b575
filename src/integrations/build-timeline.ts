/**
 * `npm run bench` only (BUILD_TIMELINE_FILE): records when each stage of
 * `astro build` began, from Astro's hooks, and how long each route's pages
 * took to render, from a middleware around every page render, and writes it
 * all to `file` as the process exits (src/lib/build/build-timeline.ts).
 *
 * It must come first in the integrations, so that its `astro:build:done`
 * marks the moment before every other integration's own.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { installTimelineRecorder } from '../lib/build/build-timeline';

export default function buildTimeline(file: string): AstroIntegration {
  const recorder = installTimelineRecorder();
  return {
    name: 'site-build-timeline',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, logger }) => {
        if (command !== 'build') return;
        recorder.mark('config setup', performance.now());
        addMiddleware({ entrypoint: new URL('./build-timeline-middleware.ts', import.meta.url), order: 'pre' });
        process.once('exit', () => {
          recorder.mark('exit', performance.now());
          // A throw here would become the build's exit code; a missing timeline is the bench's to notice.
          try {
            writeFileSync(file, `${JSON.stringify(recorder, null, 2)}\n`);
          } catch (error) {
            logger.warn(`could not write ${file}: ${(error as Error).message}`);
          }
        });
      },
      'astro:config:done': () => recorder.mark('config done', performance.now()),
      'astro:build:start': () => recorder.mark('build start', performance.now()),
      'astro:build:generated': () => recorder.mark('build generated', performance.now()),
      'astro:build:done': () => recorder.mark('build done', performance.now()),
    },
  };
}
