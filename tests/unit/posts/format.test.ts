import { describe, expect, it } from 'vitest';
import { titleWithDeck } from '../../../src/lib/posts/format';

describe('titleWithDeck', () => {
  it('joins a title and its deck with a dash, and leaves a title without one alone', () => {
    expect(titleWithDeck('Building APIs', 'Async patterns')).toBe('Building APIs — Async patterns');
    expect(titleWithDeck('Building APIs', undefined)).toBe('Building APIs');
    expect(titleWithDeck('Building APIs', '')).toBe('Building APIs');
  });
});
