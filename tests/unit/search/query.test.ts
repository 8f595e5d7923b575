import { describe, expect, it } from 'vitest';
import {
  dialogStatus,
  highlightPattern,
  pageQueryString,
  pageSearchOptions,
  pageStatus,
  plural,
} from '../../../src/lib/search/query';

const marked = (terms: string[], text: string) => text.match(highlightPattern(terms)!) ?? [];

describe('search query logic (src/lib/search/query.ts)', () => {
  it('highlights word starts only, longest term first, case-insensitively', () => {
    expect(marked(['ai'], 'AI and AI-driven tools maintain')).toEqual(['AI', 'AI']);
    expect(marked(['pydantic'], "Pydantic's models")).toEqual(['Pydantic']);
    expect(marked(['fast', 'fastapi'], 'FastAPI is fast')).toEqual(['FastAPI', 'fast']);
    expect(marked(['30.2%'], 'DePIN at 30.2% and 3022')).toEqual(['30.2%']);
    expect(marked(['défi'], 'la DéFi')).toEqual(['DéFi']);
    expect(highlightPattern(['', '  '])).toBeUndefined();
  });

  it('says how many results, singular or plural', () => {
    expect(plural(1, 'result', 'results')).toBe('1 result');
    expect(plural(0, 'result', 'results')).toBe('0 results');
    expect(dialogStatus(0, 'zzz')).toBe('No results for “zzz”');
    expect(dialogStatus(3, 'DePIN')).toBe('3 results for “DePIN”');
  });

  it('keeps /search/ state in the URL, leaving empty fields out', () => {
    expect(pageQueryString({ q: ' fast api ', category: 'research', author: '', sort: 'newest' })).toBe(
      'q=fast+api&category=research&sort=newest',
    );
    expect(pageQueryString({ q: '', category: '', author: '', sort: '' })).toBe('');
  });

  it('filters by display names and sorts by date', () => {
    expect(pageSearchOptions({ category: 'Research', author: undefined }, '')).toEqual({
      filters: { category: 'Research' },
    });
    expect(pageSearchOptions({ author: 'Token Metrics Team' }, 'newest')).toEqual({
      filters: { author: 'Token Metrics Team' },
      sort: { date: 'desc' },
    });
    expect(pageSearchOptions({}, 'oldest')).toEqual({ filters: {}, sort: { date: 'asc' } });
  });

  it('describes the page results with the term and filters', () => {
    expect(pageStatus(2, 'pydantic', [undefined, undefined])).toBe('2 results for “pydantic”');
    expect(pageStatus(1, '', ['Research', undefined])).toBe('1 article in Research');
    expect(pageStatus(0, 'zzz', ['Research', 'Token Metrics Team'])).toBe(
      'No results for “zzz” in Research, Token Metrics Team. Try fewer words or another filter.',
    );
  });
});
