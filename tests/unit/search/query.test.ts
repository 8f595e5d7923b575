import { describe, expect, it } from 'vitest';
import {
  closestWord,
  correctedQuery,
  dialogStatus,
  foundAsTyped,
  highlightPattern,
  indexForm,
  matchedWords,
  pageQueryString,
  pageSearchOptions,
  pageStatus,
  plural,
  queryWords,
  splitMarked,
  trimWord,
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

  it('highlights whole words and never the punctuation around them', () => {
    expect(marked(['fast'], 'What makes FastAPI fast? “Fast” servers.')).toEqual(['FastAPI', 'fast', 'Fast']);
    expect(marked(['“pydantic?”'], 'Pydantic, then pydantic.')).toEqual(['Pydantic', 'pydantic']);
    expect(marked(['(depin)'], '(DePIN).')).toEqual(['DePIN']);
  });

  it('trims the punctuation around a word, keeping what belongs to it', () => {
    expect(trimWord('“fast')).toBe('fast');
    expect(trimWord('FastAPI?')).toBe('FastAPI');
    expect(trimWord('30.2%,')).toBe('30.2%');
    expect(trimWord('(DeFi).')).toBe('DeFi');
    expect(trimWord("Pydantic's")).toBe("Pydantic's");
    expect(trimWord('C#')).toBe('C#');
    expect(trimWord('…')).toBe('');
    expect(splitMarked('FastAPI?')).toEqual(['', 'FastAPI', '?']);
    expect(splitMarked('“fast')).toEqual(['“', 'fast', '']);
    expect(splitMarked('(DeFi).')).toEqual(['(', 'DeFi', ').']);
    expect(splitMarked('word')).toEqual(['', 'word', '']);
    expect(splitMarked('—')).toEqual(['—', '', '']);
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

describe('honest search: telling a match from Pagefind’s fallback', () => {
  // A result's content and the locations Pagefind matched, as its data() returns them.
  const content = 'What makes FastAPI fast? “FastAPI” sits on Starlette, as fast as ever. Pydantic’s models';
  const at = (...words: string[]) =>
    words.map((w) => content.split(/\s+/).findIndex((token) => token.includes(w))).filter((i) => i >= 0);

  it('reads words the way Pagefind searches them', () => {
    expect(indexForm('Pydantic’s')).toBe('pydantics');
    expect(indexForm('30.2%')).toBe('302');
    expect(indexForm('DéFi')).toBe('defi');
    expect(indexForm('fast-api')).toBe('fastapi');
    expect(queryWords('  FastAPI, fastapi  “asdfghjk” ')).toEqual([
      { text: 'FastAPI', key: 'fastapi' },
      { text: 'asdfghjk', key: 'asdfghjk' },
    ]);
    expect(queryWords(' ?! ')).toEqual([]);
  });

  it('reads the matched words from the content at their locations', () => {
    expect(matchedWords(content, at('FastAPI', 'fast?'))).toEqual([
      { text: 'FastAPI', key: 'fastapi' },
      { text: 'fast', key: 'fast' },
    ]);
    expect(matchedWords(content, [999])).toEqual([]);
  });

  it('a word is found as typed when a matched word is it or completes it', () => {
    const matched = matchedWords(content, at('FastAPI', 'fast?'));
    expect(foundAsTyped({ text: 'fast', key: 'fast' }, matched)).toBe(true);
    expect(foundAsTyped({ text: 'FastAP', key: 'fastap' }, matched)).toBe(true);
    expect(foundAsTyped({ text: 'fastapu', key: 'fastapu' }, matched)).toBe(false);
    // Pagefind shortened "asdfghjk" until "as" matched.
    expect(foundAsTyped({ text: 'asdfghjk', key: 'asdfghjk' }, matchedWords(content, at('as')))).toBe(false);
  });

  it('suggests the closest matched word within a couple of typos, spelled as the articles spell it', () => {
    const matched = matchedWords(content, [...at('FastAPI'), ...at('FastAPI”'), ...at('fast?')]);
    expect(closestWord({ text: 'fastapu', key: 'fastapu' }, matched)).toBe('FastAPI');
    expect(closestWord({ text: 'asdfghjk', key: 'asdfghjk' }, matchedWords(content, at('as')))).toBeUndefined();
    // Short words allow one typo, very short ones none.
    const fast = [{ text: 'fast', key: 'fast' }];
    expect(closestWord({ text: 'fash', key: 'fash' }, fast)).toBe('fast');
    expect(closestWord({ text: 'fxsh', key: 'fxsh' }, fast)).toBeUndefined();
    expect(closestWord({ text: 'ab', key: 'ab' }, [{ text: 'as', key: 'as' }])).toBeUndefined();
  });

  it('corrects a query: mistyped words replaced, hopeless ones left out', () => {
    const words = queryWords('FastAPI fastapu asdfghjk');
    const matched = matchedWords(content, [...at('FastAPI'), ...at('as')]);
    expect(correctedQuery(words, new Set(['fastapu', 'asdfghjk']), matched)).toEqual({
      missing: ['fastapu', 'asdfghjk'],
      shown: ['FastAPI'],
    });
    expect(correctedQuery(queryWords('fastapu async'), new Set(['fastapu']), matched)).toEqual({
      missing: ['fastapu'],
      shown: ['FastAPI', 'async'],
    });
    expect(correctedQuery(queryWords('asdfghjk'), new Set(['asdfghjk']), matchedWords(content, at('as')))).toEqual({
      missing: ['asdfghjk'],
      shown: [],
    });
  });

  it('says so in the status lines', () => {
    const typo = { missing: ['fastapu'], shown: ['FastAPI'] };
    const junk = { missing: ['asdfghjk'], shown: [] };
    expect(dialogStatus(3, 'fastapu', typo)).toBe('No exact matches for “fastapu”. Showing 3 results for “FastAPI”.');
    expect(dialogStatus(0, 'asdfghjk', junk)).toBe(
      'No exact matches for “asdfghjk”. Check the spelling or try other words.',
    );
    expect(pageStatus(1, 'fastapu', ['Research', undefined], typo)).toBe(
      'No exact matches for “fastapu”. Showing 1 result for “FastAPI” in Research.',
    );
    expect(pageStatus(0, 'fastapu zork', [undefined], { missing: ['fastapu', 'zork'], shown: ['FastAPI'] })).toBe(
      'No exact matches for “fastapu” or “zork”. Check the spelling or try other words.',
    );
    // Every word found: the plain count, as before.
    expect(dialogStatus(3, 'FastAPI', { missing: [], shown: ['FastAPI'] })).toBe('3 results for “FastAPI”');
    expect(pageStatus(2, 'pydantic', [], { missing: [], shown: ['pydantic'] })).toBe('2 results for “pydantic”');
  });
});
