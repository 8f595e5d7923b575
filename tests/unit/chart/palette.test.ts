/**
 * The doughnut palette under simulated colour-vision deficiencies (culori's
 * Machado et al. filters at full severity). Threshold: every pair of colours,
 * the remainder's grey included, at least MIN_CVD_DELTA_E (12) apart in
 * CIEDE2000, for normal vision and each deficiency. A ΔE00 around 10 or more
 * reads as clearly different colours side by side.
 */
import { describe, expect, it } from 'vitest';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { CATEGORY_PALETTE, MIN_CVD_DELTA_E, REMAINDER_COLOUR, sliceColours } from '../../../src/lib/chart/palette';

const deltaE = differenceCiede2000();
const visions: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const colours = [...CATEGORY_PALETTE, REMAINDER_COLOUR];

describe('doughnut palette', () => {
  for (const [vision, simulate] of Object.entries(visions)) {
    it(`${vision}: every pair of the ${colours.length} colours is at least ΔE00 ${MIN_CVD_DELTA_E} apart`, () => {
      let closest = { d: Infinity, pair: '' };
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const d = deltaE(simulate(parse(colours[i]!)!), simulate(parse(colours[j]!)!));
          if (d < closest.d) closest = { d, pair: `${colours[i]} / ${colours[j]}` };
        }
      }
      console.info(`${vision}: closest pair ${closest.pair} at ΔE00 ${closest.d.toFixed(1)}`);
      expect(closest.d, closest.pair).toBeGreaterThanOrEqual(MIN_CVD_DELTA_E);
    });
  }

  it('keeps every colour visible on both page backgrounds (≥ 1.6:1; the key and table carry the values)', () => {
    for (const bg of ['#fbfbf9', '#0f1318'])
      for (const c of colours) expect(wcagContrast(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(1.6);
  });

  it('colours rows by rank, the remainder grey, and never gives neighbours in the ring the same colour', () => {
    const rows = (n: number, remainder: boolean) => [
      ...Array.from({ length: n }, () => ({ remainder: false })),
      ...(remainder ? [{ remainder: true }] : []),
    ];
    expect(sliceColours(rows(3, true))).toEqual([...CATEGORY_PALETTE.slice(0, 3), REMAINDER_COLOUR]);
    for (const n of [2, 3, 8, 9, 15, 16, 17]) {
      for (const remainder of [true, false]) {
        const ring = sliceColours(rows(n, remainder));
        ring.forEach((c, i) => expect(c, `${n} rows, slice ${i}`).not.toBe(ring[(i + 1) % ring.length]));
      }
    }
  });
});
