/**
 * Characters that XML 1.0 forbids anywhere in a document: C0 controls other
 * than tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates that are not
 * part of a pair. One of them in a title or a body makes every feed that
 * carries the post unreadable, so the content loader refuses them.
 */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are what the check looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface InvalidCharacter {
  /** UTF-16 offset in the text. */
  index: number;
  /** The UTF-16 code unit, e.g. 0x08. */
  code: number;
}

export function xmlInvalidCharacters(text: string): InvalidCharacter[] {
  return [...text.matchAll(XML_INVALID)].map((match) => ({ index: match.index, code: match[0].charCodeAt(0) }));
}

/** The reason shown to authors, e.g. `contains U+0008, a control character that XML feeds cannot carry; delete it`. */
export function invalidCharacterReason({ code }: InvalidCharacter): string {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind =
    code >= 0xd800 && code <= 0xdfff
      ? 'an unpaired surrogate'
      : code >= 0xfffe
        ? 'a non-character'
        : 'a control character';
  return `contains ${name}, ${kind} that XML feeds cannot carry; delete it`;
}
