/**
 * The vote chart as SVG text, drawn at build time from a SurveyView.
 *
 * - renderChartSvg(): the inline figure. Horizontal bars in rank order, the
 *   axis starts at zero, a % label at the end of each bar, <title>/<desc> for
 *   assistive technology. Colours come from CSS classes (styled with the
 *   --chart-* custom properties in VoteChart.astro), so it follows the theme
 *   and forced-colours mode; fill attributes hold the light colours as a
 *   fallback for places without the site's CSS.
 * - renderChartCardSvg(): the 1200×630 social / feed card. Fixed light
 *   colours and an explicit font family, because sharp/librsvg sees no CSS.
 *
 * Both are element trees written by fast-xml-builder's XMLBuilder (the RSS
 * writer), which escapes every text and attribute value. XML, not an HTML
 * serializer: librsvg reads the card as XML, where a raw "]]>" in text is
 * fatal, and an HTML serializer leaves ">" unescaped. Output is a pure
 * function of its input: same data, same bytes.
 */
import XMLBuilder from 'fast-xml-builder';
import { formatShare, surveyCredit, type SurveyView, CARD_HEIGHT, CARD_WIDTH } from './survey';
import { axisMax, axisPercent, axisTicks, INLINE_LAYOUT, inlineChartHeight } from './inline-layout';

// The layout is shared with the island, which must not pull in fast-xml-builder.
export { axisMax, axisPercent, axisTicks, INLINE_LAYOUT, inlineChartHeight } from './inline-layout';

/** Light-theme values of the chart tokens in src/styles/global.css (a unit test keeps them equal). */
export const LIGHT_COLOURS = {
  bg: '#fbfbf9',
  bar: '#1f6fd1',
  barMuted: '#6b7785',
  text: '#1a1e23',
  textMuted: '#545e69',
  grid: '#d5dbe1',
} as const;

/** Dark-theme values of the same tokens, for the card's dark variant on the home page (same unit test). */
export const DARK_COLOURS: ChartColours = {
  bg: '#0f1318',
  bar: '#5fa2f5',
  barMuted: '#8c97a3',
  text: '#e7e9ec',
  textMuted: '#a3adb8',
  grid: '#3a4450',
};

export type ChartColours = { readonly [K in keyof typeof LIGHT_COLOURS]: string };

/** Font the PNG card is drawn with; src/lib/chart/chart-png.ts ships and pins it. */
export const CARD_FONT_FAMILY = 'DejaVu Sans';

/** An element in XMLBuilder's ordered form (document order matters: later shapes paint on top). */
type SvgNode = Record<string, SvgNode[] | Record<string, string | number>> | { '#text': string };

function tag(name: string, attributes: Record<string, string | number>, content: string | SvgNode[] = []): SvgNode {
  return { [name]: typeof content === 'string' ? [{ '#text': content }] : content, ':@': attributes };
}

const xml = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  suppressEmptyNode: true,
});
const serialize = (svg: SvgNode): string => xml.build([svg]);

/** Numbers in the markup: at most one decimal, no trailing ".0", so output is stable and short. */
const n = (value: number): string => String(Math.round(value * 10) / 10);

export interface InlineChartOptions {
  /** Prefix for element ids; must be unique on the page. */
  idPrefix?: string;
  /** Id of the element that describes the chart on the page (the figure's summary); the SVG's own <desc> otherwise. */
  describedBy?: string;
}

function describe(view: SurveyView): string {
  const rows = view.rows
    .map((r) =>
      r.rank === null ? `${r.name}: ${formatShare(r.tenths)}` : `${r.rank}. ${r.name}: ${formatShare(r.tenths)}`,
    )
    .join('; ');
  return `${view.summary} Shares of votes: ${rows}. Source: ${view.source.name}, ${view.year}.`;
}

/**
 * The inline, theme-following chart. Names sit above their bars so the text
 * stays legible when the figure shrinks to a phone's width.
 */
export function renderChartSvg(view: SurveyView, options: InlineChartOptions = {}): string {
  const L = INLINE_LAYOUT;
  const id = options.idPrefix ?? `vc-${view.id}`;
  const rows = view.rows;
  const height = inlineChartHeight(rows.length);
  const max = axisMax(rows);
  const pct = (share: number) => `${n(axisPercent(share, max))}%`;
  const plotBottom = L.top + rows.length * L.rowHeight;
  const barTop = (i: number) => L.top + i * L.rowHeight + L.barOffset;

  // Grid lines run only beside the bars, never through the names above them.
  const segment = (x: string | number, i: number, attributes: Record<string, string | number> = {}) =>
    tag('line', {
      x1: x,
      x2: x,
      y1: n(barTop(i) - L.gridOverhang),
      y2: n(barTop(i) + L.barHeight + L.gridOverhang),
      ...attributes,
    });
  const inner = axisTicks(max).filter((t) => t > 0 && t < max);
  const grid = rows.flatMap((_, i) => inner.map((t) => segment(pct(t), i)));
  const ticks = axisTicks(max).map((t) => {
    const anchor = t === 0 ? 'start' : t === max ? 'end' : 'middle';
    return tag('text', { x: pct(t), y: plotBottom + L.tickBaseline, 'text-anchor': anchor }, `${t}%`);
  });
  const bars = rows.map((row, i) => {
    const y = L.top + i * L.rowHeight;
    const name = row.rank === null ? row.name : `${row.rank}. ${row.name}`;
    const barClass = row.remainder ? 'vc-bar vc-bar--muted' : 'vc-bar';
    const fill = row.remainder ? LIGHT_COLOURS.barMuted : LIGHT_COLOURS.bar;
    const end = pct(row.tenths / 10);
    return tag('g', {}, [
      tag('text', { class: 'vc-text vc-name', x: 0, y: y + L.nameBaseline, fill: LIGHT_COLOURS.text }, name),
      tag('rect', { class: barClass, x: 0, y: barTop(i), width: end, height: L.barHeight, rx: 2, fill }),
      tag(
        'text',
        {
          class: 'vc-text vc-value',
          x: end,
          dx: L.valueGap,
          y: barTop(i) + L.valueBaseline,
          'font-size': L.valueSize,
          'font-weight': 700,
          fill: LIGHT_COLOURS.text,
        },
        formatShare(row.tenths),
      ),
    ]);
  });
  const svg = tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'vc-svg',
      width: '100%',
      height,
      role: 'img',
      'aria-labelledby': `${id}-title`,
      'aria-describedby': options.describedBy ?? `${id}-desc`,
      'font-family': 'system-ui, sans-serif',
    },
    [
      tag('title', { id: `${id}-title` }, view.question),
      tag('desc', { id: `${id}-desc` }, describe(view)),
      tag('g', { class: 'vc-grid', stroke: LIGHT_COLOURS.grid, 'stroke-width': 1 }, grid),
      tag(
        'g',
        { class: 'vc-muted', fill: LIGHT_COLOURS.textMuted, 'font-size': L.tickSize, 'aria-hidden': 'true' },
        ticks,
      ),
      tag('g', { class: 'vc-rows', 'aria-hidden': 'true', 'font-size': L.nameSize }, bars),
      // The zero line: every bar starts on it.
      tag(
        'g',
        { class: 'vc-axis', stroke: LIGHT_COLOURS.text, 'stroke-width': L.axisWidth },
        rows.map((_, i) => segment(L.axisX, i)),
      ),
    ],
  );
  return serialize(svg);
}

export interface CardOptions {
  /** Publication name printed in the footer. */
  siteName: string;
  /** LIGHT_COLOURS (the default: social networks and feed readers) or DARK_COLOURS (the home page in dark mode). */
  colours?: ChartColours;
}

/** Crude width estimate for DejaVu Sans, used only to shorten overlong text on the card. */
function fitText(text: string, size: number, maxWidth: number): string {
  const perChar = size * 0.6;
  const maxChars = Math.floor(maxWidth / perChar);
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** 1200×630 card for og:image, twitter:image and RSS: fixed colours (light unless asked), explicit font. */
export function renderChartCardSvg(view: SurveyView, options: CardOptions): string {
  const W = CARD_WIDTH;
  const H = CARD_HEIGHT;
  const C = options.colours ?? LIGHT_COLOURS;
  const pad = 56;
  const rows = view.rows;
  const max = axisMax(rows);
  const labelWidth = 330;
  const plotLeft = pad + labelWidth;
  const plotRight = W - pad - 110;
  const plotTop = 178;
  const footerTop = H - 56;
  const plotBottom = footerTop - 44;
  const rowHeight = (plotBottom - plotTop) / Math.max(rows.length, 1);
  const barHeight = Math.min(30, rowHeight * 0.66);
  const x = (share: number) => plotLeft + (share / max) * (plotRight - plotLeft);
  const font = `${CARD_FONT_FAMILY}, sans-serif`;

  const credit = surveyCredit(view);
  const children: SvgNode[] = [
    tag('title', {}, view.question),
    tag('desc', {}, describe(view)),
    // Dublin Core in RDF, as the SVG specification's own <metadata> example does, so the
    // downloaded file names its survey, source and licence to tools that read metadata.
    tag('metadata', {}, [
      tag(
        'rdf:RDF',
        { 'xmlns:rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
        [
          tag('rdf:Description', { 'rdf:about': '' }, [
            tag('dc:title', {}, credit.name),
            tag('dc:source', {}, credit.source),
            tag('dc:rights', {}, credit.licence),
            tag('dc:publisher', {}, options.siteName),
          ]),
        ],
      ),
    ]),
    tag('rect', { width: W, height: H, fill: C.bg }),
    tag('rect', { width: W, height: 10, fill: C.bar }),
    tag(
      'text',
      { x: pad, y: 82, 'font-size': 40, 'font-weight': 700, fill: C.text },
      fitText(view.question, 40, W - 2 * pad),
    ),
    tag('text', { x: pad, y: 132, 'font-size': 30, fill: C.text }, fitText(view.takeaway, 30, W - 2 * pad)),
  ];
  for (const t of axisTicks(max)) {
    children.push(
      tag('line', {
        x1: n(x(t)),
        x2: n(x(t)),
        y1: plotTop,
        y2: n(plotBottom),
        stroke: t === 0 ? C.text : C.grid,
        'stroke-width': t === 0 ? 2 : 1,
      }),
      tag(
        'text',
        { x: n(x(t)), y: n(plotBottom + 30), 'font-size': 20, 'text-anchor': 'middle', fill: C.textMuted },
        `${t}%`,
      ),
    );
  }
  rows.forEach((row, i) => {
    const cy = plotTop + rowHeight * (i + 0.5);
    const name = row.rank === null ? row.name : `${row.rank}. ${row.name}`;
    const w = Math.max(row.tenths > 0 ? 2 : 0, x(row.tenths / 10) - plotLeft);
    children.push(
      tag(
        'text',
        { x: plotLeft - 16, y: n(cy + 8), 'font-size': 24, 'text-anchor': 'end', fill: C.text },
        fitText(name, 24, labelWidth - 16),
      ),
      tag('rect', {
        x: plotLeft,
        y: n(cy - barHeight / 2),
        width: n(w),
        height: n(barHeight),
        rx: 3,
        fill: row.remainder ? C.barMuted : C.bar,
      }),
      tag(
        'text',
        { x: n(plotLeft + w + 10), y: n(cy + 8), 'font-size': 24, 'font-weight': 700, fill: C.text },
        formatShare(row.tenths),
      ),
    );
  });
  children.push(
    // The credit is drawn, not only stored: a PNG passed on alone still names its source and licence.
    tag(
      'text',
      { x: pad, y: H - 42, 'font-size': 18, fill: C.textMuted },
      fitText(`Source: ${view.source.name}, ${view.year}`, 18, W - 2 * pad - 300),
    ),
    tag(
      'text',
      { x: pad, y: H - 16, 'font-size': 18, fill: C.textMuted },
      fitText(`Licence: ${view.licence.name}`, 18, W - 2 * pad - 300),
    ),
    tag(
      'text',
      { x: W - pad, y: H - 16, 'font-size': 20, 'font-weight': 700, 'text-anchor': 'end', fill: C.text },
      options.siteName,
    ),
  );
  return serialize(
    tag(
      'svg',
      { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': font },
      children,
    ),
  );
}
