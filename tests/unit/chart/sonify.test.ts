import { describe, expect, it } from 'vitest';
import { LOWEST_HZ, pitchForShare, scoreForRanking, STEP_SECONDS } from '../../../src/lib/chart/sonify';

describe('sonification mapping', () => {
  it('maps 0% to A3 (220 Hz) and the axis maximum two octaves up to A5 (880 Hz)', () => {
    expect(pitchForShare(0, 40)).toBe(LOWEST_HZ);
    expect(pitchForShare(40, 40)).toBeCloseTo(880, 6);
    expect(pitchForShare(20, 40)).toBeCloseTo(440, 6);
  });

  it('equal steps in share are equal steps in pitch (semitones), and a larger share is never lower', () => {
    const semitones = (hz: number) => 12 * Math.log2(hz / LOWEST_HZ);
    expect(semitones(pitchForShare(10, 40))).toBeCloseTo(6, 6);
    expect(semitones(pitchForShare(30, 40)) - semitones(pitchForShare(20, 40))).toBeCloseTo(6, 6);
    expect(pitchForShare(30.2, 40)).toBeGreaterThan(pitchForShare(18.8, 40));
  });

  it('clamps hostile values to the audible range', () => {
    expect(pitchForShare(-5, 40)).toBe(LOWEST_HZ);
    expect(pitchForShare(500, 40)).toBeCloseTo(880, 6);
    expect(pitchForShare(10, 0)).toBe(LOWEST_HZ);
  });

  it('scores one note per row in the order given, evenly spaced', () => {
    const score = scoreForRanking(
      [
        { value: 30.2, announce: 'DePIN' },
        { value: 18.8, announce: 'AI' },
      ],
      40,
    );
    expect(score.map((n) => [n.at, n.announce])).toEqual([
      [0, 'DePIN'],
      [STEP_SECONDS, 'AI'],
    ]);
    expect(score[0]!.hz).toBeGreaterThan(score[1]!.hz);
  });
});
