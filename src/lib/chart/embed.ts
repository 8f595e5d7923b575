/**
 * The embed snippet a reader pastes into their own page, and how tall its
 * <iframe> is, so the figure fits without an inner scrollbar.
 */
import { toHtml } from 'hast-util-to-html';
import { inlineChartHeight } from './inline-layout';

/**
 * Everything on the embed page around the chart, in CSS px at a 390 px wide
 * frame (the tallest case, where lines wrap): caption, controls, summary, the
 * folded table's toggle, the source, licence, site and download lines.
 * Measured in tests/browser/chart-embed.test.ts.
 */
export const EMBED_CHROME_HEIGHT = 560;

export function embedFrameHeight(rowCount: number): number {
  return Math.ceil((inlineChartHeight(rowCount) + EMBED_CHROME_HEIGHT) / 10) * 10;
}

/** The <iframe> snippet, written by a real serializer so a title with quotes or "<" stays one attribute. */
export function embedSnippet({ src, title, rowCount }: { src: string; title: string; rowCount: number }): string {
  return toHtml({
    type: 'element',
    tagName: 'iframe',
    properties: { src, title, width: '100%', height: embedFrameHeight(rowCount), style: 'border:0', loading: 'lazy' },
    children: [],
  });
}
