/**
 * XML 1.0 cannot carry every string: C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF are not characters of
 * the language, not even as `&#1;`. One of them anywhere makes a feed
 * unreadable to every reader, so the feed layer finds them itself instead of
 * trusting that content checks ran first.
 */
import type { ContentProblem } from '../content/content-error';
import { invalidCharacterReason, xmlInvalidCharacters } from '../content/xml-characters';

export interface NonXmlChar {
  char: string;
  /** UTF-16 offset of the character in the string. */
  index: number;
  code: number;
}

export function firstNonXmlChar(text: string): NonXmlChar | undefined {
  const [first] = xmlInvalidCharacters(text);
  return first && { ...first, char: text[first.index]! };
}

/** The reason given to an author, the same as the content loader's. */
export const nonXmlCharReason = invalidCharacterReason;

/**
 * Where an author wrote a character XML cannot carry in `value`: the first of
 * `files` whose text holds it, with its line, or the first file when none does
 * (the character came in as an escape such as JSON's "\u0001"). Undefined when
 * `value` is fine. `read` is only called once a bad character was found.
 */
export function nonXmlCharProblem(
  value: string,
  files: readonly string[],
  read: (file: string) => string | undefined,
  field?: string,
): ContentProblem | undefined {
  const bad = firstNonXmlChar(value);
  if (!bad) return undefined;
  const reason = nonXmlCharReason(bad);
  for (const file of files) {
    const text = read(file) ?? '';
    const index = text.indexOf(bad.char);
    if (index >= 0) return { file, field, line: text.slice(0, index).split('\n').length, reason };
  }
  // Glob-loaded entries always have a file; the fallback keeps the message readable.
  return { file: files[0] ?? 'src/content', field, reason };
}
