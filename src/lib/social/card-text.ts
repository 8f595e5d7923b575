/**
 * Author text made safe to draw on a social card. Titles, names and category
 * labels are untrusted: any length, any script, emoji, control characters.
 * What leaves here is whitespace-normalised, limited in length at a grapheme
 * (never inside an emoji or a combining sequence), free of characters the
 * pinned font cannot draw, and wrapped as Pango markup whose text is escaped
 * by an XML serializer (libvips reads the `text` input as Pango markup, so a
 * raw "<" or "&" in a title would be markup, or an error).
 */
import XMLBuilder from 'fast-xml-builder';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const ASCII = /^\p{ASCII}*$/u;

/** Whether the card's font has a glyph for a code point (src/lib/social/card-png.ts asks the TTF). */
export type GlyphCoverage = (codePoint: number) => boolean;

/**
 * Code points that shape a grapheme without a glyph of their own: joiners,
 * variation selectors, emoji modifiers and tag characters. A grapheme is
 * drawable when every other code point in it is covered.
 */
function isShaping(codePoint: number): boolean {
  return (
    codePoint === 0x200c ||
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

/**
 * Collapses every run of whitespace or control characters (newlines, tabs,
 * bidi controls stay: they are Cf, not Cc) to one space and drops graphemes
 * the font cannot draw, so a card shows no empty "tofu" boxes. Text that the
 * font cannot draw at all comes back empty; callers decide what to show then.
 */
export function drawableText(text: string, covers: GlyphCoverage): string {
  const kept: string[] = [];
  if (ASCII.test(text)) {
    // One grapheme per character (CR LF aside, whitespace either way) and nothing for NFC to change:
    // the same result as the loop below without segmenting, which was most of a card's layout time.
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code <= 0x20 || code === 0x7f) kept.push(' ');
      else if (covers(code)) kept.push(text[at]!);
    }
  } else {
    for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
      if (/^[\s\p{Cc}]+$/u.test(segment)) {
        kept.push(' ');
        continue;
      }
      const points = [...segment].map((c) => c.codePointAt(0)!).filter((cp) => !isShaping(cp));
      if (points.length > 0 && points.every(covers)) kept.push(segment);
    }
  }
  return kept.join('').replace(/ {2,}/g, ' ').trim();
}

/**
 * At most `max` graphemes. A cut text ends at the last word boundary within
 * the final fifth of the allowance (so it ends on a whole word when one is
 * near) and gets an ellipsis.
 */
export function clampGraphemes(text: string, max: number): string {
  // A grapheme is at least one UTF-16 unit, and in ASCII exactly one.
  if (text.length <= max) return text;
  const parts = ASCII.test(text) ? [...text] : [...graphemes.segment(text)].map((s) => s.segment);
  if (parts.length <= max) return text;
  let cut = parts.slice(0, Math.max(1, max - 1)).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > cut.length * 0.8) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s\p{P}]+$/u, '')}…`;
}

const markup = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });

export interface SpanStyle {
  /** #rrggbb */
  colour: string;
  weight?: 'normal' | 'bold';
  /** Letter spacing in 1/1024 pt, Pango's unit; small caps-like labels use a little. */
  letterSpacing?: number;
}

/** One Pango <span> holding `text` as escaped character data. */
export function pangoSpan(text: string, style: SpanStyle): string {
  const attributes: Record<string, string> = { foreground: style.colour, weight: style.weight ?? 'normal' };
  if (style.letterSpacing) attributes.letter_spacing = String(style.letterSpacing);
  return markup.build([{ span: [{ '#text': text }], ':@': attributes }]);
}
