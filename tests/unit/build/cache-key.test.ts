import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../../src/lib/build/cache-key';

describe('cacheKeyOf', () => {
  it('is stable for equal inputs and changes with any of them', () => {
    const post = { id: 'a', data: { title: 'One', pubDate: new Date('2024-03-12') } };
    expect(cacheKeyOf('site', post)).toBe(cacheKeyOf('site', structuredClone(post)));
    expect(cacheKeyOf('site', post)).not.toBe(cacheKeyOf('site', { ...post, data: { ...post.data, title: 'Two' } }));
    expect(cacheKeyOf('site', post)).not.toBe(cacheKeyOf('other site', post));
    expect(cacheKeyOf('site', { ...post, data: { ...post.data, pubDate: new Date('2024-03-13') } })).not.toBe(
      cacheKeyOf('site', post),
    );
  });

  it('refuses a Map or Set, whose contents JSON would drop', () => {
    expect(() => cacheKeyOf({ byId: new Map([['a', 1]]) })).toThrow(/byId is a Map or Set/);
    expect(() => cacheKeyOf(new Set(['a']))).toThrow(/Map or Set/);
  });
});
