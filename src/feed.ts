/**
 * Feeds: the latest SITE.feedSize posts in full, as RSS 2.0 and JSON Feed 1.1.
 * Each post's HTML is rendered once through Astro's Container API (with the
 * MDX renderer), cleaned for feed readers (src/lib/feeds/feed-html.ts) and
 * shared between the main feed and its category feed. Both formats are
 * written from one FeedChannel (src/lib/feeds/feed-item.ts) built here, by
 * src/lib/feeds/rss-document.ts and src/lib/feeds/json-feed-document.ts.
 */
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { SITE, absoluteUrl } from './site.config';
import { paths } from './lib/routes/paths';
import { toFeedHtml } from './lib/feeds/feed-html';
import { firstPublishedIds } from './lib/feeds/guid';
import { rssDocument } from './lib/feeds/rss-document';
import { jsonFeedDocument, JSON_FEED_TYPE } from './lib/feeds/json-feed-document';
import type { FeedChannel, FeedItem } from './lib/feeds/feed-item';
import { nonXmlCharProblem } from './lib/feeds/xml-text';
import { ContentError } from './lib/content/content-error';
import { feedMdxComponents } from './components/mdx';
import FeedExtras from './components/FeedExtras.astro';
import PostHtml from './components/mdx/PostHtml.astro';
import { authorOf, categoryOf, getSiteContent, type Category, type Post } from './collections/posts';
import { renderPostBody } from './collections/post-body';
import { latestDate } from './lib/posts/listing';
import { titleWithDeck } from './lib/posts/format';
import { loadPostRedirects } from './lib/content/redirects';
import { chartImageForPost } from './collections/surveys';

let containerPromise: Promise<AstroContainer> | undefined;
const htmlCache = new Map<string, Promise<string>>();

function container(): Promise<AstroContainer> {
  return (containerPromise ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  ));
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `value`, after stopping the build if it holds a character XML cannot carry, naming the file (of `files`) and line it came from. */
function xmlText(value: string, files: readonly (string | undefined)[], field?: string): string {
  const problem = nonXmlCharProblem(
    value,
    files.filter((file): file is string => Boolean(file)),
    readSource,
    field,
  );
  if (problem) throw new ContentError([problem]);
  return value;
}

async function renderPostHtml(post: Post): Promise<string> {
  const c = await container();
  const postBody = await renderPostBody(post);
  const body =
    postBody.kind === 'component'
      ? await c.renderToString(postBody.Content, { props: { components: feedMdxComponents } })
      : postBody.components.length === 0
        ? postBody.html
        : await c.renderToString(PostHtml, {
            props: { html: postBody.html, placed: postBody.components, components: feedMdxComponents },
          });
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

/** The post's main image, absolute: a survey's chart card (as its page's og:image), else its hero image. */
async function postImage(post: Post): Promise<string | undefined> {
  const chart = await chartImageForPost(post.id);
  if (chart) return absoluteUrl(chart.pngPath);
  // Astro's image src already carries the base path.
  return post.data.heroImage && new URL(post.data.heroImage.src.src, `${SITE.url}/`).toString();
}

export interface FeedOptions {
  title: string;
  description: string;
  /** Site-relative path of the feed itself, for atom:link rel="self" or feed_url. */
  selfPath: string;
  posts: Post[];
  /** The entry file the title and description come from (a category's), for error messages. */
  sources?: readonly string[];
}

async function feedChannel({ title, description, selfPath, posts, sources = [] }: FeedOptions): Promise<FeedChannel> {
  const content = await getSiteContent();
  const latest = posts.slice(0, SITE.feedSize);
  const firstIds = firstPublishedIds(loadPostRedirects());
  const items: FeedItem[] = await Promise.all(
    latest.map(async (post) => {
      const category = categoryOf(content, post);
      const author = authorOf(content, post);
      const postFile = [post.filePath];
      const categoryFile = [category.filePath];
      // FeedExtras puts these into the item's HTML; checked one by one so an error names the field.
      post.data.faq.forEach(({ question, answer }, index) => {
        xmlText(question, postFile, `faq.${index}.question`);
        xmlText(answer, postFile, `faq.${index}.answer`);
      });
      if (post.data.heroImage) xmlText(post.data.heroImage.alt, postFile, 'heroImage.alt');
      xmlText(category.data.disclaimer, categoryFile, 'disclaimer');
      return {
        // Feed readers list items by title alone, so the deck goes there to tell similar titles apart.
        title: titleWithDeck(
          xmlText(post.data.title, postFile, 'title'),
          post.data.deck && xmlText(post.data.deck, postFile, 'deck'),
        ),
        link: absoluteUrl(paths.post(post.id)),
        guid: absoluteUrl(paths.post(firstIds.get(post.id) ?? post.id)),
        pubDate: post.data.pubDate,
        updatedDate: post.data.updatedDate,
        description: xmlText(post.data.description, postFile, 'description'),
        // What is left to come from is the body (and what its components render).
        contentHtml: xmlText(await postHtml(post), postFile),
        categories: [
          xmlText(category.data.name, categoryFile, 'name'),
          ...post.data.tags.map((tag, index) => xmlText(tag, postFile, `tags.${index}`)),
        ],
        creator: xmlText(author.data.name, [author.filePath], 'name'),
        creatorUrl: absoluteUrl(paths.author(author.id)),
        image: await postImage(post),
      };
    }),
  );
  // Without a source file (the site's own name), rssDocument's own check still stops the build.
  const channelText = (value: string, field: string) => (sources.length ? xmlText(value, sources, field) : value);
  return {
    title: channelText(title, 'name'),
    description: channelText(description, 'description'),
    link: absoluteUrl(''),
    selfUrl: absoluteUrl(selfPath),
    language: SITE.lang,
    lastBuildDate: latestDate(latest) ?? new Date(0),
    hubUrl: SITE.websubHub || undefined,
    items,
  };
}

export type FeedFormat = 'rss' | 'json';

const WRITERS: Record<FeedFormat, { document: (channel: FeedChannel) => string; type: string }> = {
  rss: { document: rssDocument, type: 'application/rss+xml' },
  json: { document: jsonFeedDocument, type: JSON_FEED_TYPE },
};

async function feedResponse(format: FeedFormat, options: FeedOptions): Promise<Response> {
  const { document, type } = WRITERS[format];
  return new Response(document(await feedChannel(options)), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The site's feed of every post, in either format. */
export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  const { posts } = await getSiteContent();
  const selfPath = format === 'rss' ? paths.feed() : paths.jsonFeed();
  return feedResponse(format, { title: SITE.name, description: SITE.tagline, selfPath, posts });
}

/** One feed per category, whether or not it has posts yet, so a subscription made today keeps working. */
export async function categoryFeedPaths() {
  const { categories } = await getSiteContent();
  return [...categories.values()].map((category) => ({ params: { category: category.id }, props: { category } }));
}

export async function categoryFeedResponse(format: FeedFormat, category: Category): Promise<Response> {
  const { byCategory } = await getSiteContent();
  return feedResponse(format, {
    title: `${SITE.name}: ${category.data.name}`,
    description: category.data.description,
    selfPath: format === 'rss' ? paths.categoryFeed(category.id) : paths.categoryJsonFeed(category.id),
    posts: byCategory.get(category.id) ?? [],
    sources: category.filePath ? [category.filePath] : [],
  });
}
