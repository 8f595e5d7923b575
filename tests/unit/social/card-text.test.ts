import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { clampGraphemes, drawableText, pangoSpan } from '../../../src/lib/social/card-text';

/** A font that covers Basic Latin, Latin-1, Arabic, Hebrew, the em dash and 🌕, but not 🚀 or CJK. */
const covers = (cp: number) =>
  cp < 0x250 || (cp >= 0x590 && cp <= 0x6ff) || cp === 0x2014 || cp === 0x2026 || cp === 0x1f315;

describe('drawableText', () => {
  it('drops graphemes the font lacks, keeps what it has, and collapses the space left behind', () => {
    expect(drawableText('Emoji 🚀🌕 and right-to-left: مرحبا — שלום', covers)).toBe(
      'Emoji 🌕 and right-to-left: مرحبا — שלום',
    );
    expect(drawableText('A 🚀 B', covers)).toBe('A B');
  });

  it('treats an emoji sequence as one grapheme: kept or dropped whole, never half', () => {
    // 🌕 + VS16 is drawable (the selector has no glyph of its own); a family ZWJ sequence is not.
    expect(drawableText('x 🌕\uFE0F y', covers)).toBe('x 🌕\uFE0F y');
    expect(drawableText('x 👨‍👩‍👧 y', covers)).toBe('x y');
  });

  it('turns newlines, tabs and other control characters into single spaces and trims', () => {
    expect(drawableText('  one\n\ttwo\u0007three  ', covers)).toBe('one two three');
  });

  it('reads ASCII text as the grapheme walk does: CR LF, tabs, NUL and DEL become one space; a missing glyph is dropped', () => {
    // ASCII alone takes a shorter path; wrapped in é, the same characters take the grapheme walk.
    const ascii = 'one\r\n\ttwo\u0000three\u007f\u007ffour #5';
    expect(drawableText(ascii, covers)).toBe('one two three four #5');
    expect(drawableText(`é${ascii}é`, covers)).toBe(`é${drawableText(ascii, covers)}é`);
    const noHash = (cp: number) => cp !== 0x23 && covers(cp);
    expect(drawableText('#1 # pick', noHash)).toBe('1 pick');
    expect(drawableText('é#1 # pické', noHash)).toBe('é1 pické');
  });

  it('returns an empty string for text the font cannot draw at all', () => {
    expect(drawableText('漢字だけ', covers)).toBe('');
  });
});

describe('clampGraphemes', () => {
  it('leaves text within the limit alone', () => {
    expect(clampGraphemes('Short title', 20)).toBe('Short title');
  });

  it('cuts at a word boundary near the limit and adds an ellipsis', () => {
    const clamped = clampGraphemes('A deliberately long headline that keeps going and going', 30);
    expect(clamped).toBe('A deliberately long headline…');
    expect([...new Intl.Segmenter().segment(clamped)].length).toBeLessThanOrEqual(30);
  });

  it('never splits a grapheme: emoji and combining sequences survive whole', () => {
    const flags = '🇫🇷🇩🇪🇮🇹🇪🇸🇬🇧';
    expect(clampGraphemes(flags, 3)).toBe('🇫🇷🇩🇪…');
    const combining = 'e\u0301'.repeat(10);
    expect(clampGraphemes(combining, 4)).toBe('e\u0301'.repeat(3) + '…');
  });
});

describe('pangoSpan', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });

  it('escapes markup in the text, so a hostile title is drawn as the characters it is', () => {
    const title = '</script><script>alert(1)</script> & &amp; "quoted" <!-- comment';
    const span = pangoSpan(title, { colour: '#1a1e23', weight: 'bold' });
    expect(span).not.toContain('<script>');
    const parsed = parser.parse(span) as { span: { '#text': string; foreground: string; weight: string } };
    expect(parsed.span['#text']).toBe(title);
    expect(parsed.span.foreground).toBe('#1a1e23');
    expect(parsed.span.weight).toBe('bold');
  });
});
