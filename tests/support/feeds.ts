/** Reading a built RSS feed and its JSON Feed twin as one shape, so tests can ask that they carry the same items. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

// Every value read back as the string it is (no number coercion, no trimming).
const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'item' || name === 'category' || name === 'atom:link',
});

export interface RssChannelRead {
  'atom:link': Record<string, string>[];
  item?: Record<string, unknown>[];
}

export interface JsonFeedRead {
  feed_url: string;
  hubs?: { type: string; url: string }[];
  items: Record<string, unknown>[];
}

/** What both formats say about an item. */
export interface CommonItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: number;
  tags: string[];
  author: string;
}

export const readRss = (dist: string, path: string) =>
  (reader.parse(readFileSync(join(dist, path), 'utf8')) as { rss: { channel: RssChannelRead } }).rss.channel;

export const readJsonFeed = (dist: string, path: string) =>
  JSON.parse(readFileSync(join(dist, path), 'utf8')) as JsonFeedRead;

export function rssItems(channel: RssChannelRead): CommonItem[] {
  return (channel.item ?? []).map((item) => ({
    id: (item.guid as { '#text': string })['#text'],
    url: item.link as string,
    title: item.title as string,
    summary: item.description as string,
    html: item['content:encoded'] as string,
    published: Date.parse(item.pubDate as string),
    tags: item.category as string[],
    author: item['dc:creator'] as string,
  }));
}

export function jsonItems(feed: JsonFeedRead): CommonItem[] {
  return feed.items.map((item) => ({
    id: item.id as string,
    url: item.url as string,
    title: item.title as string,
    summary: item.summary as string,
    html: item.content_html as string,
    published: Date.parse(item.date_published as string),
    tags: item.tags as string[],
    author: (item.authors as { name: string }[])[0]!.name,
  }));
}

/** The JSON Feed beside an RSS feed: rss.xml → feed.json in the same folder. */
export const jsonTwin = (rssPath: string) => rssPath.replace(/rss\.xml$/, 'feed.json');
