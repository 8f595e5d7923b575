/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) from the
 * same FeedChannel the RSS feed is written from. JSON.stringify escapes every
 * string for JSON, so author text cannot end a string or the document.
 *
 * Field by field: id is the RSS guid (the permalink the post was first
 * published under), url its link, summary the description, tags the RSS
 * categories (category name first). date_modified is always written: the
 * revision date when the author gave one, otherwise the publication date, so
 * readers that sort or refresh by it never see an item without one.
 */
import { checkedDate, lastModified, type FeedChannel, type FeedItem } from './feed-item';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
/** The media type JSON Feed 1.1 registers for itself (autodiscovery links, Content-Type). */
export const JSON_FEED_TYPE = 'application/feed+json';

/** RFC 3339 in UTC, as the spec asks for dates. */
function rfc3339(date: Date, where: string): string {
  return checkedDate(date, where).toISOString();
}

function jsonItem(item: FeedItem, language: string) {
  return {
    id: item.guid,
    url: item.link,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.description,
    ...(item.image ? { image: item.image } : {}),
    date_published: rfc3339(item.pubDate, `${item.link} date_published`),
    date_modified: rfc3339(lastModified(item), `${item.link} date_modified`),
    authors: [{ name: item.creator, ...(item.creatorUrl ? { url: item.creatorUrl } : {}) }],
    tags: [...item.categories],
    language,
  };
}

export function jsonFeedObject(channel: FeedChannel) {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    ...(channel.hubUrl ? { hubs: [{ type: 'WebSub', url: channel.hubUrl }] } : {}),
    items: channel.items.map((item) => jsonItem(item, channel.language)),
  };
}

export function jsonFeedDocument(channel: FeedChannel): string {
  return JSON.stringify(jsonFeedObject(channel));
}
