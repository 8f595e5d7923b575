/**
 * Dev only: a content error recorded by globWithDevErrors() (src/lib/content-errors.ts)
 * fails every page with Astro's error overlay, naming the file and the fields,
 * until the file is fixed. Production builds pass straight through.
 */
import { defineMiddleware } from 'astro:middleware';
import { contentErrorForOverlay, pendingContentErrors } from './lib/content-errors';

export const onRequest = defineMiddleware((_context, next) => {
  if (import.meta.env.DEV) {
    const errors = pendingContentErrors();
    if (errors.length > 0) throw contentErrorForOverlay(errors);
  }
  return next();
});
