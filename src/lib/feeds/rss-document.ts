/**
 * An RSS 2.0 document, written by fast-xml-builder's XMLBuilder from plain
 * values, so every string is escaped for XML wherever it lands and nothing is
 * spliced into markup.
 *
 * Why not @astrojs/rss: it writes item and channel extras (dc:creator, guid,
 * atom:link) only through `customData`, an XML string it parses back with
 * number and boolean coercion, so an author named "0xCAFE" came out as
 * "51966" and "007" as "7"; and it always writes the item's link as its guid.
 * Here each value goes in as the string it is.
 *
 * content:encoded is escaped text, not CDATA, so "]]>" in a post is just text.
 */
import XMLBuilder from 'fast-xml-builder';
import { firstNonXmlChar, nonXmlCharReason } from './xml-text';
import { checkedDate, type FeedChannel, type FeedItem } from './feed-item';

export type RssItem = FeedItem;
export type RssChannel = FeedChannel;

const NAMESPACES = {
  '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
  '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

const builder = new XMLBuilder({
  ignoreAttributes: false,
  // Its default writes an attribute whose value is "true" bare (isPermaLink), which XML forbids.
  suppressBooleanAttributes: false,
  // <atom:link .../> and any empty element are written self-closed.
  suppressEmptyNode: true,
  processEntities: true,
});

function rfc822(date: Date, where: string): string {
  return checkedDate(date, where).toUTCString();
}

/** Throws, naming the feed and the value's place in it, when a string anywhere in the tree is not XML text. */
function assertXmlText(feed: string, value: unknown, path: string): void {
  if (typeof value === 'string') {
    const bad = firstNonXmlChar(value);
    if (bad) throw new Error(`${feed}: ${path} ${nonXmlCharReason(bad)}`);
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => assertXmlText(feed, entry, `${path}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) assertXmlText(feed, entry, `${path}.${key}`);
  }
}

export function rssDocument(channel: RssChannel): string {
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      ...NAMESPACES,
      channel: {
        title: channel.title,
        description: channel.description,
        link: channel.link,
        language: channel.language,
        lastBuildDate: rfc822(channel.lastBuildDate, `${channel.selfUrl} lastBuildDate`),
        'atom:link': [
          { '@_href': channel.selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
          // WebSub (W3C Recommendation, section 4): the hub subscribers ask for pushed updates.
          ...(channel.hubUrl ? [{ '@_href': channel.hubUrl, '@_rel': 'hub' }] : []),
        ],
        item: channel.items.map((item) => ({
          title: item.title,
          link: item.link,
          guid: { '#text': item.guid, '@_isPermaLink': 'true' },
          description: item.description,
          pubDate: rfc822(item.pubDate, `${item.link} pubDate`),
          'content:encoded': item.contentHtml,
          'dc:creator': item.creator,
          category: [...item.categories],
        })),
      },
    },
  };
  // The last guard: callers check content where they can name its source file.
  assertXmlText(channel.selfUrl, tree.rss.channel, 'channel');
  return builder.build(tree);
}
