/**
 * XML 1.0 cannot carry every string: C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF are not characters of
 * the language, not even as `&#1;`. One of them anywhere makes a feed
 * unreadable to every reader, so the feed layer finds them itself instead of
 * trusting that content checks ran first.
 */
import type { ContentProblem } from '../content/content-error';

/** Anything outside the Char production of XML 1.0 (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export interface NonXmlChar {
  char: string;
  /** UTF-16 offset of the character in the string. */
  index: number;
  /** The character as a person would look it up: "U+0001". */
  codePoint: string;
}

export function firstNonXmlChar(text: string): NonXmlChar | undefined {
  const match = NOT_XML_CHAR.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  return { char: match[0], index: match.index, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The reason given to an author, e.g. "contains U+0001, which XML (and so the RSS feed) cannot carry; remove it". */
export function nonXmlCharReason({ codePoint }: NonXmlChar): string {
  return `contains ${codePoint}, which XML (and so the RSS feed) cannot carry; remove it`;
}

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
