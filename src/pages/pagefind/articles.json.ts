/**
 * For the build's index step, not for readers: the published articles, newest first,
 * as the site lists them. scripts/build.mjs splits them into the search index's shards
 * (src/lib/search/shards.ts), then replaces this folder with the index itself.
 */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../../collections/posts';
import type { ArticleList } from '../../lib/search/shards';

export const GET: APIRoute = async () => {
  const { posts } = await getSiteContent();
  const list: ArticleList = { ids: posts.map((post) => post.id) };
  return new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } });
};
