import readingTime from 'reading-time';

export const WORDS_PER_MINUTE = 200;

/**
 * Strips what a reader does not read as prose: MDX import/export lines, JSX
 * comments and tags. Fenced code stays in; readers do read it, slowly.
 */
export function readableText(mdxBody: string): string {
  return mdxBody
    .replace(/^\s*(import|export)\s.+$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

export interface ReadingTime {
  minutes: number;
  words: number;
}

/** Reading time of a post body plus any extra text (an FAQ), whole minutes, at least 1. */
export function computeReadingTime(mdxBody: string, ...extra: string[]): ReadingTime {
  const text = [readableText(mdxBody), ...extra].join('\n\n');
  const stats = readingTime(text, { wordsPerMinute: WORDS_PER_MINUTE });
  return { minutes: Math.max(1, Math.ceil(stats.minutes)), words: stats.words };
}
