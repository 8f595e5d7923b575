/**
 * Dev only: while a post fails its checks, the posts loader stores a problem
 * entry in its place (src/lib/content/problem-entries.ts), and every page
 * answers with Astro's error overlay naming the file, the line or field and the
 * reason, until the file is fixed. Production builds stop at the loader instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { getCollection } from 'astro:content';
import { ContentError } from './lib/content/content-error';
import { problemsOf } from './lib/content/problem-entries';

export const onRequest = defineMiddleware(async (_context, next) => {
  if (import.meta.env.DEV) {
    const problems = (await getCollection('posts')).flatMap(problemsOf);
    if (problems.length > 0) throw new ContentError(problems, 'Fix the file and save it: the page recovers without restarting the dev server.');
  }
  return next();
});
