/**
 * RSS feeds: the latest SITE.feedSize posts in full. Each post's HTML is
 * rendered once through Astro's Container API (with the MDX renderer) and
 * shared between the main feed and its category feed.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { XMLBuilder } from 'fast-xml-parser';
import { SITE, absoluteUrl } from '../site.config';
import { paths } from './urls';
import { toFeedHtml } from './feeds/feed-html';
import { feedMdxComponents } from '../components/mdx';
import FeedExtras from '../components/FeedExtras.astro';
import { authorOf, categoryOf, getSiteContent, type Post } from './content';
import { latestDate } from './posts';
import { keepRenamedGuids } from '../redirects';

let containerPromise: Promise<AstroContainer> | undefined;
const htmlCache = new Map<string, Promise<string>>();
const xml = new XMLBuilder({ processEntities: true });

function container(): Promise<AstroContainer> {
  return (containerPromise ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers })));
}

async function renderPostHtml(post: Post): Promise<string> {
  const c = await container();
  const { Content } = await render(post);
  const body = await c.renderToString(Content, { props: { components: feedMdxComponents } });
  const [lead, tail] = await Promise.all([
    c.renderToString(FeedExtras, { props: { post, part: 'lead' } }),
    c.renderToString(FeedExtras, { props: { post, part: 'tail' } }),
  ]);
  return toFeedHtml(lead + body + tail, absoluteUrl(paths.post(post.id)));
}

function postHtml(post: Post): Promise<string> {
  let cached = htmlCache.get(post.id);
  if (!cached) {
    cached = renderPostHtml(post);
    htmlCache.set(post.id, cached);
  }
  return cached;
}

export interface FeedOptions {
  title: string;
  description: string;
  /** Site-relative path of the feed itself, for atom:link rel="self". */
  selfPath: string;
  posts: Post[];
}

export async function feedResponse({ title, description, selfPath, posts }: FeedOptions): Promise<Response> {
  const content = await getSiteContent();
  const latest = posts.slice(0, SITE.feedSize);
  const items: RSSFeedItem[] = await Promise.all(
    latest.map(async (post) => ({
      title: post.data.title,
      link: absoluteUrl(paths.post(post.id)),
      pubDate: post.data.pubDate,
      description: post.data.description,
      content: await postHtml(post),
      categories: [categoryOf(content, post).data.name, ...post.data.tags],
      customData: xml.build({ 'dc:creator': authorOf(content, post).data.name }),
    })),
  );
  const lastBuildDate = latestDate(latest) ?? new Date(0);
  const selfUrl = absoluteUrl(selfPath);
  const response = await rss({
    title,
    description,
    site: absoluteUrl(''),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      xml.build({ language: SITE.lang }),
      xml.build({ lastBuildDate: lastBuildDate.toUTCString() }),
      `<atom:link href="${selfUrl}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  });
  // A renamed post keeps the guid of its first URL (src/redirects.ts), so readers never see it twice.
  return new Response(keepRenamedGuids(await response.text(), absoluteUrl), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
