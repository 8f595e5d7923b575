import { describe, expect, it } from 'vitest';
import { countFromEnv, readEnv, sourceDateFromEnv } from '../../src/env';

describe('countFromEnv', () => {
  it('reads a whole number, and falls back when the variable is unset or blank', () => {
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: '50' })).toBe(50);
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: ' 7 ' })).toBe(7);
    expect(countFromEnv('FEED_SIZE', 20, {})).toBe(20);
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: '' })).toBe(20);
  });

  it.each(['abc', '0', '-3', '2.5', '1e400', '10 posts'])('stops on %j, naming the variable and the value', (raw) => {
    expect(() => countFromEnv('SITEMAP_ENTRY_LIMIT', 45_000, { SITEMAP_ENTRY_LIMIT: raw })).toThrow(
      `SITEMAP_ENTRY_LIMIT must be a whole number of at least 1, got "${raw}"`,
    );
  });
});

describe('readEnv', () => {
  it('gives the defaults for an empty environment', () => {
    expect(readEnv({})).toEqual({
      SITE: 'https://research.example.com',
      BASE: '/',
      FEED_SIZE: 20,
      SITEMAP_ENTRY_LIMIT: 45_000,
      NEWSLETTER_ENDPOINT: '',
      WEBSUB_HUB: '',
      PLAIN_MDX_AS_MARKDOWN: true,
      SERVICE_WORKER: true,
      OFFLINE_BUDGET_KB: 5120,
      SEARCH_SHARD_MAX_ARTICLES: 5000,
      CONTENT_DIR: undefined,
      ASTRO_CACHE_DIR: './node_modules/.astro',
      ASTRO_BUILD_CONCURRENCY: 4,
      SOURCE_DATE_EPOCH: undefined,
      DEBUG: false,
      CHROMIUM_PATH: '/usr/bin/chromium',
      CI: false,
      SOCIAL_CARD_WORKER: undefined,
      BUILD_TIMELINE_FILE: undefined,
    });
  });

  it.each([
    {
      name: 'SOCIAL_CARD_WORKER',
      good: '/repo/node_modules/.cache/site/card-worker.mjs',
      bad: ['card-worker.mjs', '/repo/card-worker.ts', './node_modules/.cache/site/card-worker.mjs'],
      kind: 'an .mjs file',
    },
    {
      name: 'BUILD_TIMELINE_FILE',
      good: '/tmp/bench/timeline-1000.json',
      bad: ['timeline.json', '/tmp/timeline.txt', './bench/tmp/timeline.json'],
      kind: 'a .json file',
    },
  ] as const)('takes $name only as the absolute path of $kind', ({ name, good, bad, kind }) => {
    expect(readEnv({ [name]: good })[name]).toBe(good);
    for (const raw of bad)
      expect(() => readEnv({ [name]: raw })).toThrow(`${name} must be the absolute path of ${kind}, got "${raw}"`);
  });

  it('normalises the site URL and the base path', () => {
    expect(readEnv({ SITE: 'https://example.github.io/', BASE: 'blog' })).toMatchObject({
      SITE: 'https://example.github.io',
      BASE: '/blog/',
    });
    expect(readEnv({ BASE: '//docs/research//' }).BASE).toBe('/docs/research/');
    expect(readEnv({ PLAIN_MDX_AS_MARKDOWN: '0', NEWSLETTER_ENDPOINT: '/api/newsletter' })).toMatchObject({
      PLAIN_MDX_AS_MARKDOWN: false,
      NEWSLETTER_ENDPOINT: '/api/newsletter',
    });
  });

  it('names every bad variable in one error', () => {
    const bad = {
      SITE: 'research.example.com',
      BASE: 'https://x.test/blog/',
      FEED_SIZE: 'ten',
      NEWSLETTER_ENDPOINT: 'mailto:a@b.c',
      PLAIN_MDX_AS_MARKDOWN: 'false',
      ASTRO_BUILD_CONCURRENCY: '0',
      SOURCE_DATE_EPOCH: 'yesterday',
    };
    let message = '';
    try {
      readEnv(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of Object.keys(bad)) expect(message).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('takes a WebSub hub only as an https URL', () => {
    expect(readEnv({ WEBSUB_HUB: ' https://pubsubhubbub.appspot.com ' }).WEBSUB_HUB).toBe(
      'https://pubsubhubbub.appspot.com/',
    );
    for (const raw of ['http://hub.example/', 'hub.example', 'https://user:pw@hub.example/', 'ftp://hub.example/'])
      expect(() => readEnv({ WEBSUB_HUB: raw })).toThrow(
        `WEBSUB_HUB must be an https URL such as https://pubsubhubbub.appspot.com/, got "${raw}"`,
      );
  });
});

describe('sourceDateFromEnv (the build clock: publishing rule and footer year)', () => {
  it('reads whole seconds since 1970, and is unset when the variable is unset or blank', () => {
    expect(sourceDateFromEnv({ SOURCE_DATE_EPOCH: '1768435200' })?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(sourceDateFromEnv({ SOURCE_DATE_EPOCH: ' 0 ' })?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(sourceDateFromEnv({})).toBeUndefined();
    expect(sourceDateFromEnv({ SOURCE_DATE_EPOCH: '' })).toBeUndefined();
  });

  it.each(['yesterday', '1e9', '0x10', '-5', '1.5', '1,700,000,000', '253402300800', '99999999999999999999'])(
    'stops on %j, naming the variable and the value',
    (raw) => {
      const read = () => sourceDateFromEnv({ SOURCE_DATE_EPOCH: raw });
      expect(read).toThrow(/^SOURCE_DATE_EPOCH must be whole seconds since 1970/);
      expect(read).toThrow(`got "${raw}"`);
    },
  );
});
