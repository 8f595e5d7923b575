/**
 * RSS feeds: the latest SITE.feedSize posts in full. Each post's HTML is
 * rendered once through Astro's Container API (with the MDX renderer),
 * cleaned for feed readers (src/lib/feeds/feed-html.ts) and shared between
 * the main feed and its category feed. The XML itself is written by
 * src/lib/feeds/rss-document.ts.
 */
import { readFileSync } from 'node:fs';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { SITE, absoluteUrl } from './site.config';
import { paths } from './lib/routes/paths';
import { toFeedHtml } from './lib/feeds/feed-html';
import { firstPublishedIds } from './lib/feeds/guid';
import { rssDocument, type RssItem } from './lib/feeds/rss-document';
import { nonXmlCharProblem } from './lib/feeds/xml-text';
import { ContentError } from './lib/content/content-error';
import { feedMdxComponents } from './components/mdx';
import FeedExtras from './components/FeedExtras.astro';
import { authorOf, categoryOf, getSiteContent, type Post } from './collections/posts';
import { latestDate } from './lib/posts/listing';
import { titleWithDeck } from './lib/posts/format';
import { loadPostRedirects } from './lib/content/redirects';

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
  /** The entry file the title and description come from (a category's), for error messages. */
  sources?: readonly string[];
}

export async function feedResponse({
  title,
  description,
  selfPath,
  posts,
  sources = [],
}: FeedOptions): Promise<Response> {
  const content = await getSiteContent();
  const latest = posts.slice(0, SITE.feedSize);
  const firstIds = firstPublishedIds(loadPostRedirects());
  const items: RssItem[] = await Promise.all(
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
        description: xmlText(post.data.description, postFile, 'description'),
        // What is left to come from is the body (and what its components render).
        contentHtml: xmlText(await postHtml(post), postFile),
        categories: [
          xmlText(category.data.name, categoryFile, 'name'),
          ...post.data.tags.map((tag, index) => xmlText(tag, postFile, `tags.${index}`)),
        ],
        creator: xmlText(author.data.name, [author.filePath], 'name'),
      };
    }),
  );
  // Without a source file (the site's own name), rssDocument's own check still stops the build.
  const channelText = (value: string, field: string) => (sources.length ? xmlText(value, sources, field) : value);
  const body = rssDocument({
    title: channelText(title, 'name'),
    description: channelText(description, 'description'),
    link: absoluteUrl(''),
    selfUrl: absoluteUrl(selfPath),
    language: SITE.lang,
    lastBuildDate: latestDate(latest) ?? new Date(0),
    items,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
