import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { XMLValidator } from 'fast-xml-parser';
import {
  axisMax,
  CARD_FONT_FAMILY,
  INLINE_LAYOUT,
  LIGHT_COLOURS,
  DARK_COLOURS,
  renderChartCardSvg,
  renderChartSvg,
} from '../../../src/lib/chart/chart-svg';
import { ChartFontError, pinChartFont, renderChartPng } from '../../../src/lib/chart/chart-png';
import { CARD_THUMBNAIL_WIDTHS, deriveSurvey } from '../../../src/lib/chart/survey';
import { realSurvey, realView, SURVEY_ID } from './survey-fixtures';
import { LAZY_BUDGETS } from '../../budgets';

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe('inline chart SVG', () => {
  const view = realView();
  const svg = renderChartSvg(view);

  it('is an image with a title and, as its description, the generated summary and every share', () => {
    const root = attrs(svg.match(/<svg[^>]*>/)![0]);
    expect(root.role).toBe('img');
    expect(root['aria-labelledby']).toBe(`vc-${SURVEY_ID}-title`);
    expect(root['aria-describedby']).toBe(`vc-${SURVEY_ID}-desc`);
    expect(svg).toContain(`<title id="vc-${SURVEY_ID}-title">Which crypto narrative will lead in 2024?</title>`);
    expect(svg).toContain(`<desc id="vc-${SURVEY_ID}-desc">${view.summary} Shares of votes: 1. DePIN: 30.2%;`);
    expect(svg).toMatch(
      /<desc [^>]*>DePIN leads with 30\.2% of votes, 11\.4 percentage points ahead of AI.*Not listed: 3\.8%/,
    );
    // On the page the figure's visible summary describes it.
    const onPage = attrs(renderChartSvg(view, { describedBy: 'summary-id' }).match(/<svg[^>]*>/)![0]);
    expect(onPage['aria-describedby']).toBe('summary-id');
  });

  it('draws one bar per row, in rank order, with lengths proportional to the shares from zero', () => {
    const bars = [...svg.matchAll(/<rect [^>]*>/g)].map((m) => attrs(m[0]));
    expect(bars).toHaveLength(view.rows.length);
    const max = axisMax(view.rows);
    // Widths are percentages of the figure's width: the bars use the whole column at any size.
    bars.forEach((bar, i) => {
      expect(Number(bar.x)).toBe(0); // every bar starts at zero
      expect(bar.width).toMatch(/^[\d.]+%$/);
      // Rounded to a tenth of a percent (0.7 px in a 672 px column).
      expect(Math.abs(Number.parseFloat(bar.width) - (view.rows[i]!.share / max) * 100)).toBeLessThanOrEqual(0.0501);
      expect(Number(bar.y)).toBe(INLINE_LAYOUT.top + i * INLINE_LAYOUT.rowHeight + INLINE_LAYOUT.barOffset);
    });
    const widths = bars.map((b) => Number.parseFloat(b.width));
    expect(widths[0]! / widths[1]!).toBeCloseTo(30.2 / 18.8, 2);
    // No viewBox: the type is drawn at its own size, as the canvas draws it.
    const root = attrs(svg.match(/<svg[^>]*>/)![0]);
    expect(root.viewBox).toBeUndefined();
    expect(root.width).toBe('100%');
    expect(bars.at(-1)!.class).toBe('vc-bar vc-bar--muted');
    expect(axisMax(view.rows)).toBe(40);
  });

  it('labels each bar with its share and the axis from 0%', () => {
    for (const row of view.rows) expect(svg).toContain(`>${(row.tenths / 10).toFixed(1)}%</text>`);
    expect(svg).toContain('>0%</text>');
    expect(svg).toContain('>40%</text>');
    expect(svg).toContain('>1. DePIN</text>');
    expect(svg).toContain('>Not listed</text>');
  });

  it('escapes every piece of text', () => {
    const data = realSurvey();
    data.entries[0]!.name = '<script>alert("x")</script> & co';
    data.question = 'Which "narrative" <b>wins</b>?';
    const evil = renderChartSvg(deriveSurvey(SURVEY_ID, data));
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('<b>');
    expect(evil).toContain('1. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(evil).toContain('Which &quot;narrative&quot; &lt;b&gt;wins&lt;/b&gt;?');
    const card = renderChartCardSvg(deriveSurvey(SURVEY_ID, data), { siteName: 'A & B <C>' });
    expect(card).not.toMatch(/<(script|b|C)>/);
    expect(card).toContain('A &amp; B &lt;C&gt;');
  });

  it('keeps the card well-formed XML for librsvg, whatever the text (a raw "]]>" is fatal there)', async () => {
    const data = realSurvey();
    data.entries[0]!.name = 'a ]]> b <c> & \'d\' "e"';
    const view = deriveSurvey(SURVEY_ID, data);
    expect(XMLValidator.validate(renderChartCardSvg(view, { siteName: ']]>' }))).toBe(true);
    expect(XMLValidator.validate(renderChartSvg(view))).toBe(true);
    const png = await renderChartPng(view, { siteName: ']]>' });
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('is stable: the same data gives the same bytes', () => {
    expect(renderChartSvg(realView())).toBe(svg);
    expect(renderChartCardSvg(realView(), { siteName: 'S' })).toBe(renderChartCardSvg(realView(), { siteName: 'S' }));
    expect(svg).not.toMatch(/\d\.\d{2,}/); // no long float tails
  });

  it('styles colours through theme classes, with light fallbacks, and no inline style (CSP)', () => {
    expect(svg).toContain('class="vc-bar"');
    expect(svg).toContain('class="vc-grid"');
    expect(svg).toContain('class="vc-text vc-name"');
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain('<style');
  });

  it('fits the inline SVG gzip budget (4,000 B)', () => {
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(LAZY_BUDGETS.inlineChartSvg);
  });
});

// ------------------------------------------------------------------ contrast

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const v = hex.replace('#', '');
  const full = v.length === 3 ? [...v].map((c) => c + c).join('') : v;
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const css = readFileSync(resolve(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');
function token(name: string): { light: string; dark: string } {
  const m = css.match(new RegExp(`${name}:\\s*([^;]+);`));
  if (!m) throw new Error(`token ${name} not found in global.css`);
  const value = m[1]!.trim();
  const alias = value.match(/^var\((--[\w-]+)\)$/);
  if (alias) return token(alias[1]!);
  const pair = value.match(/^light-dark\((#[0-9a-f]{3,6}),\s*(#[0-9a-f]{3,6})\)$/i);
  if (!pair) throw new Error(`token ${name} is not light-dark(#hex, #hex): ${value}`);
  return { light: pair[1]!.toLowerCase(), dark: pair[2]!.toLowerCase() };
}

describe('chart colours (from src/styles/global.css)', () => {
  const bg = token('--bg');
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: bars ≥ 3:1 and text ≥ 4.5:1 against the page background`, () => {
      expect(contrast(token('--chart-bar')[scheme], bg[scheme])).toBeGreaterThanOrEqual(3);
      expect(contrast(token('--chart-bar-muted')[scheme], bg[scheme])).toBeGreaterThanOrEqual(3);
      expect(contrast(token('--chart-text')[scheme], bg[scheme])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(token('--text-muted')[scheme], bg[scheme])).toBeGreaterThanOrEqual(4.5);
      // The canvas tooltip inverts text and background.
      expect(contrast(bg[scheme], token('--chart-text')[scheme])).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the PNG card uses the light tokens exactly', () => {
    expect(LIGHT_COLOURS).toEqual({
      bg: token('--bg').light,
      bar: token('--chart-bar').light,
      barMuted: token('--chart-bar-muted').light,
      text: token('--chart-text').light,
      textMuted: token('--text-muted').light,
      grid: token('--chart-grid').light,
    });
  });

  it('the dark variant of the card (home page) uses the dark tokens exactly', () => {
    expect(DARK_COLOURS).toEqual({
      bg: token('--bg').dark,
      bar: token('--chart-bar').dark,
      barMuted: token('--chart-bar-muted').dark,
      text: token('--chart-text').dark,
      textMuted: token('--text-muted').dark,
      grid: token('--chart-grid').dark,
    });
  });
});

describe('focus ring colour (from src/styles/global.css)', () => {
  // Every background a focus ring sits on: the page (and the dialog), cards and result rows,
  // hovered and code surfaces, and the borders it runs beside (the chart's button group).
  const backgrounds = ['--bg', '--surface', '--surface-strong', '--border'];
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: ≥ 3:1 against every background it sits on, and not the error colour`, () => {
      const focus = token('--focus')[scheme];
      for (const name of backgrounds) expect(contrast(focus, token(name)[scheme]), name).toBeGreaterThanOrEqual(3);
      expect(focus).not.toBe(token('--danger')[scheme]);
    });
  }
});

// ------------------------------------------------------------------ card + PNG

describe('chart card (PNG)', () => {
  it('is 1200×630 with an explicit pinned font family', () => {
    const card = renderChartCardSvg(realView(), { siteName: 'Token Metrics Research' });
    const root = attrs(card.match(/<svg[^>]*>/)![0]);
    expect([root.width, root.height]).toEqual(['1200', '630']);
    expect(root['font-family']).toBe(`${CARD_FONT_FAMILY}, sans-serif`);
    expect(card).toContain('Not listed');
  });

  it('renders a 1200×630 PNG with sharp in the shipped font', async () => {
    const png = await renderChartPng(realView(), { siteName: 'Token Metrics Research' });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(process.env.FONTCONFIG_FILE).toMatch(/fonts\.conf$/);
    expect(readFileSync(process.env.FONTCONFIG_FILE!, 'utf8')).toContain('<dir>');
  });

  it('renders thumbnails at their own size, each smaller than the full card', async () => {
    const full = await renderChartPng(realView(), { siteName: 'Token Metrics Research' });
    for (const width of CARD_THUMBNAIL_WIDTHS) {
      const png = await renderChartPng(realView(), { siteName: 'Token Metrics Research', width });
      expect(await sharp(png).metadata()).toMatchObject({
        format: 'png',
        width,
        height: Math.round((width * 630) / 1200),
      });
      expect(png.length).toBeLessThan(full.length);
    }
  });

  it('fails loudly when the font is missing, never falls back', () => {
    expect(() => pinChartFont('/nonexistent/fonts')).toThrow(ChartFontError);
    expect(() => pinChartFont('/nonexistent/fonts')).toThrow(
      /DejaVuSans\.ttf, DejaVuSans-Bold\.ttf not found in \/nonexistent\/fonts/,
    );
  });
});
