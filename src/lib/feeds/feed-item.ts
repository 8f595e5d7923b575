/**
 * The one model of a feed entry. RSS (rss-document.ts) and JSON Feed
 * (json-feed-document.ts) are two spellings of the same FeedChannel, built
 * once per post in src/feed.ts, so the two formats cannot disagree on which
 * posts they carry, their ids, dates or HTML.
 */

export interface FeedItem {
  title: string;
  /** Absolute URL of the post. */
  link: string;
  /** Absolute permalink readers key the item by; differs from link only for a renamed post (guid.ts). */
  guid: string;
  pubDate: Date;
  /** When the author last revised the post, if they said so. */
  updatedDate?: Date | undefined;
  /** The post's summary: RSS description, JSON Feed summary. */
  description: string;
  /** Full post HTML, already cleaned for feeds (toFeedHtml). */
  contentHtml: string;
  /** The category's name, then the post's tags. */
  categories: readonly string[];
  /** Author's display name (RSS dc:creator; RSS's own <author> must be an e-mail address). */
  creator: string;
  /** Absolute URL of the author's page. */
  creatorUrl?: string | undefined;
  /** Absolute URL of the post's main image (its chart card or hero image). */
  image?: string | undefined;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the site. */
  link: string;
  /** Absolute URL of this feed (RSS atom:link rel="self", JSON Feed feed_url). */
  selfUrl: string;
  language: string;
  /** The newest content date, never the build clock, so a rebuild writes the same bytes. */
  lastBuildDate: Date;
  /** A WebSub hub subscribers may use for push updates; none when the site has not set one. */
  hubUrl?: string | undefined;
  items: readonly FeedItem[];
}

/** The later of an item's publication and revision dates. */
export function lastModified(item: Pick<FeedItem, 'pubDate' | 'updatedDate'>): Date {
  return item.updatedDate && item.updatedDate > item.pubDate ? item.updatedDate : item.pubDate;
}

/** Throws, naming the item and the field, on a date that would print as "Invalid Date". */
export function checkedDate(date: Date, where: string): Date {
  if (Number.isNaN(date.getTime())) throw new Error(`${where} is not a valid date`);
  return date;
}
