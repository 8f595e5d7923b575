/**
 * The doughnut's categorical palette. Chosen by search over Okabe–Ito, Paul
 * Tol's and ColorBrewer's qualitative sets so that every pair of these nine
 * colours (eight categories and the remainder's grey) stays at least
 * MIN_CVD_DELTA_E apart (CIEDE2000) for normal vision and for full protanopia,
 * deuteranopia and tritanopia as culori simulates them
 * (tests/unit/chart/palette.test.ts), and each keeps at least 1.6:1 against
 * both page backgrounds. The leader keeps the site's chart blue.
 */
export const CATEGORY_PALETTE = [
  '#1f6fd1',
  '#aa3377',
  '#999933',
  '#5fa2f5',
  '#117733',
  '#f1b6da',
  '#009e73',
  '#cc6677',
] as const;

/** The derived "Not listed" share: grey, so it never reads as one more narrative. */
export const REMAINDER_COLOUR = '#8c97a3';

/** The smallest CIEDE2000 difference the unit test holds every pair to, in every simulated vision. */
export const MIN_CVD_DELTA_E = 12;

/**
 * One colour per row in rank order. A survey with more entries than the
 * palette repeats it; neighbours still differ, and the legend and table name
 * every slice, so colour never carries identity alone.
 */
export function sliceColours(rows: readonly { remainder: boolean }[]): string[] {
  let rank = 0;
  const colours = rows.map((row) => {
    if (row.remainder) return REMAINDER_COLOUR;
    const colour = CATEGORY_PALETTE[rank % CATEGORY_PALETTE.length]!;
    rank += 1;
    return colour;
  });
  // The ring closes: when the palette's cycle lands the last slice on the first one's colour, take another.
  const last = colours.length - 1;
  if (last > 1 && colours[last] === colours[0]) {
    colours[last] = CATEGORY_PALETTE.find((c) => c !== colours[0] && c !== colours[last - 1])!;
  }
  return colours;
}
