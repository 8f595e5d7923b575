import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rssDocument, type RssChannel, type RssItem } from '../../../src/lib/feeds/rss-document';

const item: RssItem = {
  title: 'Hello',
  link: 'https://x.org/posts/hello/',
  guid: 'https://x.org/posts/hello/',
  pubDate: new Date(Date.UTC(2024, 2, 12)),
  description: 'Hi.',
  contentHtml: '<p>Hi.</p>',
  categories: ['Research', 'api'],
  creator: 'Ada',
};
const channel: RssChannel = {
  title: 'Site',
  description: 'About',
  link: 'https://x.org/',
  selfUrl: 'https://x.org/rss.xml',
  language: 'en',
  lastBuildDate: new Date(Date.UTC(2024, 2, 12)),
  items: [item],
};
// Values read back as the strings they are: no number or boolean coercion, no trimming.
const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'item' || name === 'category',
});

describe('rssDocument', () => {
  it('writes RSS 2.0 with the namespaces, atom:link rel=self and a permalink guid', () => {
    expect(rssDocument(channel)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        '<channel><title>Site</title><description>About</description><link>https://x.org/</link><language>en</language>' +
        '<lastBuildDate>Tue, 12 Mar 2024 00:00:00 GMT</lastBuildDate><atom:link href="https://x.org/rss.xml" rel="self" type="application/rss+xml"/>' +
        '<item><title>Hello</title><link>https://x.org/posts/hello/</link><guid isPermaLink="true">https://x.org/posts/hello/</guid>' +
        '<description>Hi.</description><pubDate>Tue, 12 Mar 2024 00:00:00 GMT</pubDate><content:encoded>&lt;p&gt;Hi.&lt;/p&gt;</content:encoded>' +
        '<dc:creator>Ada</dc:creator><category>Research</category><category>api</category></item></channel></rss>',
    );
  });

  it('a renamed post keeps its first permalink as guid while link is the current URL', () => {
    const doc = reader.parse(
      rssDocument({ ...channel, items: [{ ...item, guid: 'https://x.org/posts/first-name/' }] }),
    );
    expect(doc.rss.channel.item[0].link).toBe('https://x.org/posts/hello/');
    expect(doc.rss.channel.item[0].guid).toEqual({
      '#text': 'https://x.org/posts/first-name/',
      '@isPermaLink': 'true',
    });
  });

  it('escapes every string for its place, so hostile text stays well-formed and reads back exactly', () => {
    const hostile = ']]> </content:encoded><script>alert(1)</script> <![CDATA[ &amp; & "q" \'s\'';
    const selfUrl = 'https://x.org/rss.xml?a="1"&b=<2>';
    const xml = rssDocument({
      ...channel,
      title: hostile,
      description: hostile,
      selfUrl,
      items: [
        {
          ...item,
          title: hostile,
          description: hostile,
          contentHtml: `<p>${hostile}</p>`,
          categories: [hostile],
          creator: hostile,
          guid: selfUrl,
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script');
    expect(xml).toContain(
      '<atom:link href="https://x.org/rss.xml?a=&quot;1&quot;&amp;b=&lt;2&gt;" rel="self" type="application/rss+xml"/>',
    );
    const read = reader.parse(xml).rss.channel;
    expect(read.title).toBe(hostile);
    expect(read['atom:link']['@href']).toBe(selfUrl);
    const [readItem] = read.item;
    expect([readItem.title, readItem.description, readItem['dc:creator'], readItem.category[0]]).toEqual([
      hostile,
      hostile,
      hostile,
      hostile,
    ]);
    expect(readItem['content:encoded']).toBe(`<p>${hostile}</p>`);
    expect(readItem.guid['#text']).toBe(selfUrl);
  });

  it('writes names and tags that look like numbers or booleans as they are', () => {
    const xml = rssDocument({
      ...channel,
      items: [{ ...item, creator: '0xCAFE', categories: ['007', '1e3', 'true', ' padded '] }],
    });
    expect(xml).toContain(
      '<dc:creator>0xCAFE</dc:creator><category>007</category><category>1e3</category><category>true</category><category> padded </category>',
    );
  });

  it('refuses a character XML cannot carry, naming the feed and the value', () => {
    expect(() => rssDocument({ ...channel, items: [{ ...item, title: 'a\u0001b' }] })).toThrow(
      new Error(
        'https://x.org/rss.xml: channel.item[0].title contains U+0001, a control character that XML feeds cannot carry; delete it',
      ),
    );
    expect(() => rssDocument({ ...channel, description: 'lone \uD800 surrogate' })).toThrow(
      new Error(
        'https://x.org/rss.xml: channel.description contains U+D800, an unpaired surrogate that XML feeds cannot carry; delete it',
      ),
    );
    expect(() => rssDocument({ ...channel, items: [{ ...item, contentHtml: '<p>\uFFFF</p>' }] })).toThrow(
      new Error(
        'https://x.org/rss.xml: channel.item[0].content:encoded contains U+FFFF, a non-character that XML feeds cannot carry; delete it',
      ),
    );
  });

  it('refuses an invalid date instead of writing "Invalid Date"', () => {
    expect(() => rssDocument({ ...channel, items: [{ ...item, pubDate: new Date(Number.NaN) }] })).toThrow(
      new Error('https://x.org/posts/hello/ pubDate is not a valid date'),
    );
  });
});
