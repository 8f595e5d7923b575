import { describe, expect, it } from 'vitest';
import { feedUrls, publishRequest } from '../../../src/lib/feeds/websub';

describe('the WebSub publish ping', () => {
  it('finds every feed of a built site, and nothing else', () => {
    expect(
      feedUrls(
        [
          'index.html',
          'rss.xml',
          'feed.json',
          'categories/research/rss.xml',
          'categories/research/feed.json',
          'data/x.json',
          'sitemap-0.xml',
        ],
        'https://x.github.io/blog/',
      ),
    ).toEqual([
      'https://x.github.io/blog/categories/research/feed.json',
      'https://x.github.io/blog/categories/research/rss.xml',
      'https://x.github.io/blog/feed.json',
      'https://x.github.io/blog/rss.xml',
    ]);
  });

  it('POSTs hub.mode=publish with one hub.url per feed, form-encoded', () => {
    const request = publishRequest('https://hub.example/publish?k=1', [
      'https://x.org/rss.xml',
      'https://x.org/feed.json?a=1&b=2',
    ]);
    expect(request).toEqual({
      url: 'https://hub.example/publish?k=1',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'hub.mode=publish&hub.url=https%3A%2F%2Fx.org%2Frss.xml&hub.url=https%3A%2F%2Fx.org%2Ffeed.json%3Fa%3D1%26b%3D2',
    });
    expect(new URLSearchParams(request.body).getAll('hub.url')).toEqual([
      'https://x.org/rss.xml',
      'https://x.org/feed.json?a=1&b=2',
    ]);
  });

  it('refuses an empty list or a URL that is not http(s)', () => {
    expect(() => publishRequest('https://hub.example/', [])).toThrow('no feed URLs to publish');
    expect(() => publishRequest('https://hub.example/', ['javascript:alert(1)'])).toThrow(
      '"javascript:alert(1)" is not an http(s) feed URL',
    );
  });
});
