/**
 * The publish ping a WebSub hub receives after a deploy. WebSub (W3C, 2018)
 * leaves publishing to each hub; the form every public hub accepts
 * (pubsubhubbub.appspot.com, Superfeedr, WebSubHub) is a form-encoded POST of
 * hub.mode=publish with one hub.url per changed feed. The hub then fetches
 * each feed and pushes it to its subscribers.
 */

/** File names the build gives its feeds (src/pages/rss.xml.ts, src/pages/feed.json.ts and the category ones). */
const FEED_FILE = /(?:^|\/)(?:rss\.xml|feed\.json)$/;

/** Absolute feed URLs for a built site's files (paths relative to dist/, "/" separated), sorted. */
export function feedUrls(distFiles: readonly string[], siteRoot: string): string[] {
  return distFiles
    .filter((file) => FEED_FILE.test(file))
    .map((file) => new URL(file, siteRoot).href)
    .sort();
}

export interface HubRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export function publishRequest(hub: string, topics: readonly string[]): HubRequest {
  if (topics.length === 0) throw new Error('no feed URLs to publish');
  for (const topic of topics)
    if (!/^https?:$/.test(URL.parse(topic)?.protocol ?? '')) throw new Error(`"${topic}" is not an http(s) feed URL`);
  const form = new URLSearchParams([['hub.mode', 'publish'], ...topics.map((topic) => ['hub.url', topic])]);
  return {
    url: hub,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  };
}
