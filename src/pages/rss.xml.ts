import { SITE } from '../site.config';
import { paths } from '../lib/routes/paths';
import { feedResponse } from '../feed';
import { getSiteContent } from '../collections/posts';

export async function GET(): Promise<Response> {
  const { posts } = await getSiteContent();
  return feedResponse({ title: SITE.name, description: SITE.tagline, selfPath: paths.feed(), posts });
}
