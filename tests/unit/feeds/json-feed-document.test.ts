import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { jsonFeedDocument, jsonFeedObject } from '../../../src/lib/feeds/json-feed-document';
import { rssDocument } from '../../../src/lib/feeds/rss-document';
import type { FeedChannel, FeedItem } from '../../../src/lib/feeds/feed-item';
import { jsonFeedErrors } from '../../support/json-feed-schema';

const item: FeedItem = {
  title: 'Hello',
  link: 'https://x.org/posts/hello/',
  guid: 'https://x.org/posts/first-name/',
  pubDate: new Date(Date.UTC(2024, 2, 12)),
  description: 'Hi.',
  contentHtml: '<p>Hi.</p>',
  categories: ['Research', 'api'],
  creator: 'Ada',
  creatorUrl: 'https://x.org/authors/ada/',
  image: 'https://x.org/og/hello.png',
};
const channel: FeedChannel = {
  title: 'Site',
  description: 'About',
  link: 'https://x.org/',
  selfUrl: 'https://x.org/feed.json',
  language: 'en',
  lastBuildDate: new Date(Date.UTC(2024, 2, 12)),
  items: [item],
};

describe('jsonFeedDocument', () => {
  it('writes JSON Feed 1.1 with every item field, valid by the schema', () => {
    const feed = JSON.parse(jsonFeedDocument(channel)) as unknown;
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Site',
      home_page_url: 'https://x.org/',
      feed_url: 'https://x.org/feed.json',
      description: 'About',
      language: 'en',
      items: [
        {
          id: 'https://x.org/posts/first-name/',
          url: 'https://x.org/posts/hello/',
          title: 'Hello',
          content_html: '<p>Hi.</p>',
          summary: 'Hi.',
          image: 'https://x.org/og/hello.png',
          date_published: '2024-03-12T00:00:00.000Z',
          date_modified: '2024-03-12T00:00:00.000Z',
          authors: [{ name: 'Ada', url: 'https://x.org/authors/ada/' }],
          tags: ['Research', 'api'],
          language: 'en',
        },
      ],
    });
  });

  it('date_modified is the revision date when there is one; no image means no image field', () => {
    const revised = { ...item, updatedDate: new Date(Date.UTC(2024, 5, 1)), image: undefined };
    const [read] = jsonFeedObject({ ...channel, items: [revised] }).items;
    expect(read?.date_modified).toBe('2024-06-01T00:00:00.000Z');
    expect(read && 'image' in read).toBe(false);
  });

  it('carries hostile text exactly and stays valid', () => {
    const hostile = '"}]} </script> \u2028\u2029 \\ \u0000 ]]> <![CDATA[ 0xCAFE';
    const text = jsonFeedDocument({
      ...channel,
      title: hostile,
      items: [{ ...item, title: hostile, description: hostile, contentHtml: hostile, categories: [hostile, '007'] }],
    });
    const feed = JSON.parse(text) as {
      title: string;
      items: { title: string; content_html: string; tags: string[] }[];
    };
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect([feed.title, feed.items[0]!.title, feed.items[0]!.content_html]).toEqual([hostile, hostile, hostile]);
    expect(feed.items[0]!.tags).toEqual([hostile, '007']);
  });

  it('refuses an invalid date instead of writing null', () => {
    expect(() => jsonFeedDocument({ ...channel, items: [{ ...item, pubDate: new Date(Number.NaN) }] })).toThrow(
      'https://x.org/posts/hello/ date_published is not a valid date',
    );
  });
});

describe('WebSub hub, optional', () => {
  const reader = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (n) => n === 'atom:link',
  });
  const rssLinks = (c: FeedChannel) =>
    (
      reader.parse(rssDocument({ ...c, selfUrl: 'https://x.org/rss.xml' })) as {
        rss: { channel: { 'atom:link': Record<string, string>[] } };
      }
    ).rss.channel['atom:link'];

  it('with a hub: RSS has atom:link rel="hub" and JSON Feed has hubs', () => {
    const hubbed = { ...channel, hubUrl: 'https://hub.example/' };
    expect(rssLinks(hubbed)).toEqual([
      { '@href': 'https://x.org/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' },
      { '@href': 'https://hub.example/', '@rel': 'hub' },
    ]);
    const feed = jsonFeedObject(hubbed);
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
    expect(jsonFeedErrors(feed)).toEqual([]);
  });

  it('without one: neither format mentions a hub', () => {
    expect(rssLinks(channel)).toEqual([
      { '@href': 'https://x.org/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' },
    ]);
    expect('hubs' in jsonFeedObject(channel)).toBe(false);
  });
});
