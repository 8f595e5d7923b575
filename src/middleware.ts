/**
 * Dev only: while a post fails its checks, the posts loader stores a problem
 * entry in its place (src/lib/content/problem-entries.ts), and every page
 * answers with Astro's error overlay naming the file, the line or field and the
 * reason, until the file is fixed. Production builds stop at the loader instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { getCollection } from 'astro:content';
import { assertNoStoredProblems } from './lib/content/problem-entries';

export const onRequest = defineMiddleware(async (_context, next) => {
  if (import.meta.env.DEV) {
    assertNoStoredProblems(await getCollection('posts'));
  }
  return next();
});
