/**
 * The inline chart's scale and geometry, with no dependencies, so the
 * build-time SVG (chart-svg.ts) and the browser island (vote-chart-island.ts)
 * import the same numbers and draw the same picture.
 */

/** Axis end: the next multiple of 10 above the largest share, with room for its label. */
export function axisMax(rows: readonly { tenths: number }[]): number {
  const top = Math.max(0, ...rows.map((r) => r.tenths)) / 10;
  let max = Math.max(10, Math.ceil(top / 10) * 10);
  if (top / max > 0.82) max += 10;
  return Math.min(max, 100);
}

export function axisTicks(max: number): number[] {
  const step = max > 50 ? 20 : 10;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

/**
 * Geometry of the inline chart in CSS pixels, shared with the island
 * (vote-chart-island.ts) so the canvas draws the same picture in the same box:
 * the SVG has no viewBox, so its type is never scaled, and horizontal
 * positions are percentages of the figure's width, so the bars use the whole
 * column at any width. Each row is a name line with its bar below.
 */
export const INLINE_LAYOUT = {
  rowHeight: 44,
  top: 2,
  axisHeight: 24,
  /** Baseline of a row's name, from the row's top. */
  nameBaseline: 15.5,
  /** Top of a row's bar, from the row's top. */
  barOffset: 20,
  barHeight: 17,
  /** Baseline of the value label, from the bar's top. */
  valueBaseline: 13.5,
  /** Gap between a bar's end and its value label. */
  valueGap: 6,
  /** Grid lines reach this far above and below each bar. */
  gridOverhang: 3,
  /** Baseline of the tick labels, below the last row. */
  tickBaseline: 17,
  /** The zero line's centre and width: it covers the start of every bar. */
  axisX: 1,
  axisWidth: 1.5,
  nameSize: 15,
  valueSize: 14,
  tickSize: 13,
} as const;

export function inlineChartHeight(rowCount: number): number {
  const L = INLINE_LAYOUT;
  return L.top + rowCount * L.rowHeight + L.axisHeight;
}

/** Position along the value axis as a percentage of the figure's width. */
export const axisPercent = (share: number, max: number): number => (share / max) * 100;
