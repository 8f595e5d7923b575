import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARD_COLOURS,
  CARD_TEXT_LIMITS,
  SOCIAL_CARD_HEIGHT,
  SOCIAL_CARD_WIDTH,
  cardCacheKey,
  layoutCard,
  type CardSpec,
} from '../../../src/lib/social/card-layout';
import { cardAlt, postCard, categoryCard, homeCard } from '../../../src/lib/social/cards';
import { SITE } from '../../../src/site.config';

const site = { name: 'Token Metrics Research', host: 'research.example.com', fallbackTitle: 'The site tagline' };
const latinOnly = (cp: number) => cp < 0x250 || cp === 0x2026 || cp === 0xb7;
const post = postCard({
  title: 'Fast, Reliable APIs',
  deck: '',
  category: 'Research',
  author: 'Jane Doe',
  date: 'March 12, 2024',
});
const graphemeCount = (text: string) => [...new Intl.Segmenter().segment(text)].length;

describe('layoutCard', () => {
  it('puts every box inside the card with its margins, stacked without overlap', () => {
    for (const content of [
      post,
      categoryCard({ name: 'Research', description: 'Guides.' }),
      homeCard({ tagline: 't', publisher: 'p' }),
    ]) {
      const spec = layoutCard(content, site, CARD_COLOURS, latinOnly);
      expect([spec.width, spec.height]).toEqual([SOCIAL_CARD_WIDTH, SOCIAL_CARD_HEIGHT]);
      for (const box of spec.texts) {
        expect(box.x).toBeGreaterThanOrEqual(80);
        expect(box.x + box.width).toBeLessThanOrEqual(SOCIAL_CARD_WIDTH - 80);
        expect(box.y + box.height).toBeLessThanOrEqual(SOCIAL_CARD_HEIGHT - 40);
        expect(box.minSize).toBeLessThanOrEqual(box.size);
      }
      const body = spec.texts.filter((b) => b.y < spec.rule.y);
      for (const box of body) expect(box.y + box.height).toBeLessThanOrEqual(spec.rule.y);
      const footer = spec.texts.filter((b) => b.y > spec.rule.y);
      for (const box of footer) expect(box.y).toBeGreaterThanOrEqual(spec.rule.y + spec.rule.height);
    }
  });

  it('says what the page says: site name, upper-cased category, title, byline, host', () => {
    const texts = layoutCard(post, site, CARD_COLOURS, latinOnly).texts.map((b) => b.text);
    expect(texts).toEqual([
      'Token Metrics Research',
      'RESEARCH',
      'Fast, Reliable APIs',
      'By Jane Doe · March 12, 2024',
      'research.example.com',
    ]);
  });

  it('moves the title up when there is no eyebrow', () => {
    const withEyebrow = layoutCard(post, site, CARD_COLOURS, latinOnly).texts.find((b) => b.size === 66)!;
    const without = layoutCard({ ...post, eyebrow: '' }, site, CARD_COLOURS, latinOnly).texts.find(
      (b) => b.size === 66,
    )!;
    expect(without.y).toBeLessThan(withEyebrow.y);
    expect(without.height).toBeGreaterThan(withEyebrow.height);
  });

  it('clamps every text to its grapheme limit', () => {
    const long = 'word '.repeat(200);
    const spec = layoutCard(
      { eyebrow: long, title: long, subtitle: long, byline: long },
      { ...site, name: long },
      CARD_COLOURS,
      latinOnly,
    );
    const [name, eyebrow, title, subtitle, byline] = spec.texts.map((b) => graphemeCount(b.text));
    expect(name).toBeLessThanOrEqual(CARD_TEXT_LIMITS.siteName);
    expect(eyebrow).toBeLessThanOrEqual(CARD_TEXT_LIMITS.eyebrow);
    expect(title).toBeLessThanOrEqual(CARD_TEXT_LIMITS.title);
    expect(subtitle).toBeLessThanOrEqual(CARD_TEXT_LIMITS.subtitle);
    expect(byline).toBeLessThanOrEqual(CARD_TEXT_LIMITS.byline);
    expect(spec.texts[2]!.text.endsWith('…')).toBe(true);
  });

  it('draws the fallback title when the font has nothing for the real one, so no card is blank', () => {
    const spec = layoutCard({ ...post, title: '漢字だけのタイトル' }, site, CARD_COLOURS, latinOnly);
    expect(spec.texts.map((b) => b.text)).toContain('The site tagline');
  });

  it('lets a subtitle flow under the title instead of sitting at a fixed height', () => {
    const spec = layoutCard(
      categoryCard({ name: 'Research', description: 'Guides and analysis.' }),
      site,
      CARD_COLOURS,
      latinOnly,
    );
    const subtitle = spec.texts.find((b) => b.text === 'Guides and analysis.')!;
    expect(subtitle.gapBelowPrevious).toBeGreaterThan(0);
    expect(spec.texts[spec.texts.indexOf(subtitle) - 1]!.text).toBe('Research');
  });
});

describe('cardCacheKey', () => {
  const renderer = { logoSvg: '<svg/>', fontDigest: 'f1', versions: { sharp: '1', vips: '2' } };
  const spec = layoutCard(post, site, CARD_COLOURS, latinOnly);
  const key = (s: CardSpec, r = renderer) => cardCacheKey(s, r);

  it('is a stable sha256 of the same inputs', () => {
    expect(key(spec)).toMatch(/^[0-9a-f]{64}$/);
    expect(key(layoutCard(post, site, CARD_COLOURS, latinOnly))).toBe(key(spec));
  });

  it('changes with the text, the colours, the logo, the font and the renderer', () => {
    const keys = new Set([
      key(spec),
      key(layoutCard({ ...post, title: 'Another title' }, site, CARD_COLOURS, latinOnly)),
      key(layoutCard(post, site, { ...CARD_COLOURS, accent: '#000000' }, latinOnly)),
      key(spec, { ...renderer, logoSvg: '<svg></svg>' }),
      key(spec, { ...renderer, fontDigest: 'f2' }),
      key(spec, { ...renderer, versions: { sharp: '1', vips: '3' } }),
    ]);
    expect(keys.size).toBe(6);
  });
});

describe('card colours and theme colours follow src/styles/global.css', () => {
  const css = readFileSync(resolve(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');
  const token = (name: string) => {
    const pair = css.match(new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i'));
    if (!pair) throw new Error(`${name} is not light-dark(#hex, #hex) in global.css`);
    return { light: pair[1]!.toLowerCase(), dark: pair[2]!.toLowerCase() };
  };

  it('the card is drawn in the light tokens', () => {
    expect(CARD_COLOURS).toEqual({
      bg: token('--bg').light,
      text: token('--text').light,
      textMuted: token('--text-muted').light,
      accent: token('--accent').light,
      rule: token('--border').light,
    });
  });

  it('theme-color and the manifest use --bg of each theme', () => {
    expect(SITE.themeColours.light).toEqual({ theme: token('--bg').light, background: token('--bg').light });
    expect(SITE.themeColours.dark).toEqual({ theme: token('--bg').dark, background: token('--bg').dark });
  });
});

describe('cardAlt', () => {
  it('reads the card in order and skips empty parts', () => {
    expect(cardAlt(post, 'Site')).toBe('Research · Fast, Reliable APIs · By Jane Doe · March 12, 2024 · Site');
    expect(cardAlt(homeCard({ tagline: 'Tagline.', publisher: 'Pub' }), 'Site')).toBe('Tagline. · From Pub · Site');
  });
});

describe('postCard', () => {
  it('prints the deck under the title, so like-titled posts get different cards', () => {
    const facts = { title: 'Same title', category: 'Research', author: 'Jane Doe', date: 'March 12, 2024' };
    const first = postCard({ ...facts, deck: 'Part one' });
    const second = postCard({ ...facts, deck: 'Part two' });
    expect(first.subtitle).toBe('Part one');
    expect(cardAlt(first, 'Site')).not.toBe(cardAlt(second, 'Site'));
  });
});
