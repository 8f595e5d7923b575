import { describe, expect, it } from 'vitest';
import { buildNow, isVisible, publicationState } from '../../../src/lib/posts/publishing';
import { readEnv } from '../../../src/env';

const now = new Date('2025-06-01T00:00:00Z');
const post = (over: Partial<{ draft: boolean; pubDate: Date }>) => ({
  draft: false,
  pubDate: new Date('2025-01-01'),
  ...over,
});

describe('publishing rule', () => {
  it('publishes past, non-draft posts', () => {
    expect(publicationState(post({}), now)).toBe('published');
    expect(isVisible(post({}), { isDev: false, now })).toBe(true);
  });
  it('hides drafts from production but shows them in dev', () => {
    const draft = post({ draft: true });
    expect(publicationState(draft, now)).toBe('draft');
    expect(isVisible(draft, { isDev: false, now })).toBe(false);
    expect(isVisible(draft, { isDev: true, now })).toBe(true);
  });
  it('holds future posts until their date, to the millisecond', () => {
    const scheduled = post({ pubDate: new Date(now.getTime() + 1) });
    expect(publicationState(scheduled, now)).toBe('scheduled');
    expect(isVisible(scheduled, { isDev: false, now })).toBe(false);
    expect(isVisible(post({ pubDate: now }), { isDev: false, now })).toBe(true);
  });
  it('a draft stays a draft even when its date is in the future', () => {
    expect(publicationState(post({ draft: true, pubDate: new Date('2100-01-01') }), now)).toBe('draft');
  });
  it('reads SOURCE_DATE_EPOCH for the clock and rejects junk', () => {
    expect(buildNow(readEnv({ SOURCE_DATE_EPOCH: '1700000000' }).SOURCE_DATE_EPOCH).toISOString()).toBe(
      '2023-11-14T22:13:20.000Z',
    );
    expect(() => readEnv({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
    const before = Date.now();
    expect(buildNow(readEnv({}).SOURCE_DATE_EPOCH).getTime()).toBeGreaterThanOrEqual(before);
  });
});
