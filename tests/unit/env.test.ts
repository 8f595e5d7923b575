import { describe, expect, it } from 'vitest';
import { countFromEnv } from '../../src/site.config';

describe('countFromEnv', () => {
  it('reads a whole number, and falls back when the variable is unset or blank', () => {
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: '50' })).toBe(50);
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: ' 7 ' })).toBe(7);
    expect(countFromEnv('FEED_SIZE', 20, {})).toBe(20);
    expect(countFromEnv('FEED_SIZE', 20, { FEED_SIZE: '' })).toBe(20);
  });

  it.each(['abc', '0', '-3', '2.5', '1e400', '10 posts'])('stops on %j, naming the variable and the value', (raw) => {
    expect(() => countFromEnv('SITEMAP_ENTRY_LIMIT', 45_000, { SITEMAP_ENTRY_LIMIT: raw })).toThrowError(
      `SITEMAP_ENTRY_LIMIT must be a whole number of at least 1, got "${raw}"`,
    );
  });
});
