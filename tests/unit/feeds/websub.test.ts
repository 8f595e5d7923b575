import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

describe('the deploy workflow', () => {
  interface Job {
    needs?: string[];
    if?: string;
    outputs?: Record<string, string>;
    steps: { id?: string; if?: string; run?: string; env?: Record<string, string> }[];
  }
  const { jobs } = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as { jobs: Record<string, Job> };

  it('pings the hub only after a successful deploy, and only when a hub is set', () => {
    const websub = jobs.websub!;
    expect(websub.needs).toEqual(['build', 'deploy']);
    expect(websub.if).toBe("vars.WEBSUB_HUB != ''");
    const ping = websub.steps.find((step) => step.run?.includes('scripts/websub-ping.ts'))!;
    expect(ping.env).toEqual({ FEEDS: '${{ needs.build.outputs.feeds }}', WEBSUB_HUB: '${{ vars.WEBSUB_HUB }}' });
  });

  it('builds with the hub and lists the feeds it wrote', () => {
    const build = jobs.build!;
    expect(build.steps.find((step) => step.run === 'npm run build')?.env?.WEBSUB_HUB).toBe('${{ vars.WEBSUB_HUB }}');
    const list = build.steps.find((step) => step.id === 'feeds')!;
    expect(list.run).toContain('scripts/websub-ping.ts --list dist');
    expect(build.outputs?.feeds).toBe('${{ steps.feeds.outputs.urls }}');
  });
});
