import { describe, expect, it } from 'vitest';
import { computeReadingTime, readableText, WORDS_PER_MINUTE } from '../../src/lib/reading-time';

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
  it('ignores MDX imports, JSX comments and component tags but keeps their text', () => {
    const body = `import X from './x.astro';\n{/* hidden note with many words */}\n<Callout type="note">\nvisible text\n</Callout>`;
    const text = readableText(body);
    expect(text).not.toMatch(/import|hidden|Callout/);
    expect(text).toContain('visible text');
    expect(computeReadingTime(body).words).toBe(2);
  });
  it('counts extra text such as FAQ answers', () => {
    expect(computeReadingTime(words(150), words(100)).words).toBe(250);
    expect(computeReadingTime(words(150), words(100)).minutes).toBe(2);
  });
});
