/**
 * How the vote chart sounds (issue 15, part 8): one tone per narrative in rank
 * order, its pitch rising with its share. Pitch is heard on a logarithmic
 * scale, so the share is mapped to semitones, not hertz: 0% is A3 (220 Hz),
 * the chart's axis maximum is two octaves up at A5 (880 Hz), and equal steps
 * in share are equal musical steps. Pure numbers; the Web Audio code is in
 * src/components/chart/vote-chart-sonify.ts.
 */
export const LOWEST_HZ = 220;
export const OCTAVES = 2;
/** Each tone and the silence after it, in seconds: slow enough for the name to be read out between tones. */
export const TONE_SECONDS = 0.45;
export const STEP_SECONDS = 1.6;

/** Frequency for a share (percent) on an axis running from 0 to `axisMax` percent. */
export function pitchForShare(share: number, axisMax: number): number {
  const fraction = Math.min(1, Math.max(0, axisMax > 0 ? share / axisMax : 0));
  return LOWEST_HZ * 2 ** (OCTAVES * fraction);
}

export interface Note {
  /** Seconds after the start. */
  at: number;
  hz: number;
  /** What the live region says as the tone sounds. */
  announce: string;
}

/** The ranking as a score: rows in the order given (rank order), one note each. */
export function scoreForRanking(rows: readonly { value: number; announce: string }[], axisMax: number): Note[] {
  return rows.map((row, i) => ({
    at: i * STEP_SECONDS,
    hz: pitchForShare(row.value, axisMax),
    announce: row.announce,
  }));
}
