import { describe, expect, it } from 'vitest';
import { countWords, readingTimeFromWords, WORDS_PER_MINUTE } from '../../../src/lib/posts/reading-time';

const computeReadingTime = (text: string, ...extra: string[]) => readingTimeFromWords(countWords(text), ...extra);

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('rounds up whole minutes at the configured pace', () => {
    expect(computeReadingTime(words(WORDS_PER_MINUTE)).minutes).toBe(1);
    expect(computeReadingTime(words(WORDS_PER_MINUTE + 1)).minutes).toBe(2);
    expect(computeReadingTime(words(WORDS_PER_MINUTE * 11)).minutes).toBe(11);
  });
  it('never says zero minutes', () => {
    expect(computeReadingTime('').minutes).toBe(1);
  });
  it('counts extra text such as FAQ answers', () => {
    expect(computeReadingTime(words(150), words(100)).words).toBe(250);
    expect(computeReadingTime(words(150), words(100)).minutes).toBe(2);
  });
});

describe('countWords', () => {
  it('counts exactly as the reading-time package does', async () => {
    const { default: readingTime } = await import('reading-time');
    const samples = [
      '',
      '   \n\t ',
      'one',
      '  leading and trailing  ',
      'Markdown **bold**, [a link](https://example.org/x) and `code()`; 3.5% - done.',
      '日本語のテキスト、句読点。そして English words 混在。',
      '한국어 문장입니다. Mixed 中文，标点！ end',
      'emoji 🚀 rocket ——  dashes… and\r\nwindows lines',
      'ひらがな、「かぎ」。 ok',
    ];
    // Plus a long, varied body like a real post.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      'crypto',
      'market,',
      '(test)',
      '—',
      '**x**',
      '市場',
      '。',
      ' ',
      '\n',
      '\t',
      '42%',
      'a.b',
      'ハ',
      '、',
    ];
    samples.push(Array.from({ length: 5000 }, () => pieces[Math.floor(rnd() * pieces.length)]).join(' '));
    samples.push(Array.from({ length: 5000 }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''));
    for (const text of samples)
      expect(countWords(text), JSON.stringify(text.slice(0, 40))).toBe(readingTime(text).words);
  });
});
