/**
 * The social card (Open Graph / Twitter, 1200×630) as data: what it says and
 * where each piece goes. Pure, so the layout and the cache key are unit-tested
 * without drawing; src/lib/social/card-png.ts turns a CardSpec into a PNG.
 *
 *   ┌──────────────────────────────────────────────┐  accent bar
 *   │ [logo] Site name                              │
 *   │ EYEBROW (category, "Author", "Tag" …)         │
 *   │ Title, wrapped, shrunk to fit its box, and    │
 *   │ clamped before that                           │
 *   │ ───────────────────────────────────────────── │
 *   │ By Author · 12 March 2024       example.com   │
 *   └──────────────────────────────────────────────┘
 */
import { createHash } from 'node:crypto';
import { clampGraphemes, drawableText, type GlyphCoverage } from './card-text';

export const SOCIAL_CARD_WIDTH = 1200;
export const SOCIAL_CARD_HEIGHT = 630;

/**
 * Bump when drawing code changes in a way the spec below does not capture
 * (everything the spec holds, boxes and colours included, is hashed already).
 */
export const CARD_TEMPLATE_VERSION = 3;

export interface CardColours {
  bg: string;
  text: string;
  textMuted: string;
  accent: string;
  rule: string;
}

/** Light-theme tokens of src/styles/global.css (a unit test keeps them equal): cards are light, like the chart card. */
export const CARD_COLOURS: CardColours = {
  bg: '#fbfbf9',
  text: '#1a1e23',
  textMuted: '#545e69',
  accent: '#0a58b0',
  rule: '#d5dbe1',
};

/** What a page wants on its card, as authored (untrusted). */
export interface CardContent {
  /** Small label above the title: the category of a post, "Author", "Tag" … ; '' for none. */
  eyebrow: string;
  title: string;
  /** Smaller text under the title (a category's or author's description); '' for none. */
  subtitle: string;
  /** Footer line on the left: "By Jane Doe · 12 March 2024", a description … */
  byline: string;
}

/** One piece of text in a box; the renderer shrinks it (never below minSize) until it fits. */
export interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Pixel size tried first, and the floor autofit may not go below. */
  size: number;
  minSize: number;
  weight: 'normal' | 'bold';
  colour: string;
  /** Whether the text may wrap onto more lines within the box. */
  wrap: boolean;
  /** Which edge of the box a single line keeps to. */
  align: 'start' | 'end';
  /**
   * Set: the text starts this many pixels below the previous text as drawn, and its box shrinks by as
   * much (y and height give the region it may use), so a one-line title leaves no gap above it.
   */
  gapBelowPrevious?: number;
  /** Set on texts every card of a site repeats (its name, its host): drawn once into the shared background. */
  shared?: boolean;
  /** Set on texts many cards repeat (a category's eyebrow): drawn once per process and reused. */
  repeated?: boolean;
}

export interface CardSpec {
  width: number;
  height: number;
  colours: CardColours;
  accentBarHeight: number;
  rule: { x: number; y: number; width: number; height: number };
  logo: { x: number; y: number; size: number };
  texts: TextBox[];
}

/** Grapheme allowances: enough for every real title, few enough that the floor size always fits. */
export const CARD_TEXT_LIMITS = { title: 150, subtitle: 160, eyebrow: 48, byline: 60, siteName: 48, host: 40 } as const;

const PAD = 80;

/**
 * Lays out a card. Texts are cleaned for the font (see drawableText) and
 * clamped; a title the font cannot draw at all gives way to `fallbackTitle`
 * (the site's tagline), so no card is blank.
 */
export function layoutCard(
  content: CardContent,
  site: { name: string; host: string; fallbackTitle: string },
  colours: CardColours,
  covers: GlyphCoverage,
): CardSpec {
  const clean = (text: string, max: number) => clampGraphemes(drawableText(text, covers), max);
  const title = clean(content.title, CARD_TEXT_LIMITS.title) || clean(site.fallbackTitle, CARD_TEXT_LIMITS.title);
  const inner = SOCIAL_CARD_WIDTH - 2 * PAD;
  const logo = { x: PAD, y: 60, size: 56 };
  const ruleY = 500;
  const texts: TextBox[] = [
    {
      text: clean(site.name, CARD_TEXT_LIMITS.siteName),
      shared: true,
      x: logo.x + logo.size + 20,
      y: logo.y + 10,
      width: inner - logo.size - 20,
      height: 40,
      size: 30,
      minSize: 20,
      weight: 'bold',
      colour: colours.text,
      wrap: false,
      align: 'start',
    },
  ];
  const eyebrow = clean(content.eyebrow, CARD_TEXT_LIMITS.eyebrow);
  const titleTop = eyebrow ? 218 : 170;
  if (eyebrow) {
    texts.push({
      text: eyebrow.toLocaleUpperCase('en'),
      repeated: true,
      x: PAD,
      y: 160,
      width: inner,
      height: 38,
      size: 26,
      minSize: 18,
      weight: 'bold',
      colour: colours.accent,
      wrap: false,
      align: 'start',
    });
  }
  const textBottom = ruleY - 28;
  const subtitle = clean(content.subtitle, CARD_TEXT_LIMITS.subtitle);
  texts.push({
    text: title,
    x: PAD,
    y: titleTop,
    width: inner,
    // With a subtitle the title keeps to two lines at full size, leaving the subtitle room for three.
    height: subtitle ? 160 : textBottom - titleTop,
    size: 66,
    minSize: subtitle ? 40 : 34,
    weight: 'bold',
    colour: colours.text,
    wrap: true,
    align: 'start',
  });
  if (subtitle) {
    texts.push({
      text: subtitle,
      x: PAD,
      y: titleTop,
      width: inner,
      height: textBottom - titleTop,
      size: 32,
      minSize: 22,
      weight: 'normal',
      colour: colours.textMuted,
      wrap: true,
      align: 'start',
      gapBelowPrevious: 20,
    });
  }
  const host = clean(site.host, CARD_TEXT_LIMITS.host);
  const hostWidth = 340;
  // The footer line: the byline at the left, the host at the right, in one style.
  const footerText = (text: string, box: Pick<TextBox, 'x' | 'width' | 'align'>, shared: boolean): TextBox => ({
    text,
    ...(shared ? { shared } : {}),
    ...box,
    y: ruleY + 38,
    height: 42,
    size: 28,
    minSize: 18,
    weight: 'normal',
    colour: colours.textMuted,
    wrap: false,
  });
  const byline = clean(content.byline, CARD_TEXT_LIMITS.byline);
  if (byline) texts.push(footerText(byline, { x: PAD, width: inner - hostWidth - 40, align: 'start' }, false));
  if (host) {
    texts.push(footerText(host, { x: SOCIAL_CARD_WIDTH - PAD - hostWidth, width: hostWidth, align: 'end' }, true));
  }
  return {
    width: SOCIAL_CARD_WIDTH,
    height: SOCIAL_CARD_HEIGHT,
    colours,
    accentBarHeight: 12,
    rule: { x: PAD, y: ruleY, width: inner, height: 2 },
    logo,
    texts,
  };
}

/**
 * The cache key of a card: a hash of everything that decides its pixels (the
 * spec with its texts and colours, the logo, the font files, the renderer's
 * versions and the template version). Equal keys mean equal PNG bytes.
 */
export function cardCacheKey(
  spec: CardSpec,
  renderer: { logoSvg: string; fontDigest: string; versions: Record<string, string | undefined> },
): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        template: CARD_TEMPLATE_VERSION,
        spec,
        logo: renderer.logoSvg,
        fonts: renderer.fontDigest,
        versions: renderer.versions,
      }),
    )
    .digest('hex');
}
