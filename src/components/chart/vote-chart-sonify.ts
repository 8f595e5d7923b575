/**
 * Plays the ranking with the Web Audio API. Loaded by the island only when the
 * reader presses Play (a dynamic import), and the AudioContext is created in
 * that press, so nothing sounds or loads before it.
 */
import { scoreForRanking, TONE_SECONDS } from '../../lib/chart/sonify';

export interface Performance {
  stop(): void;
}

export function playRanking(
  rows: readonly { value: number; announce: string }[],
  axisMax: number,
  { announce, onEnd }: { announce: (text: string) => void; onEnd: () => void },
): Performance {
  const audio = new AudioContext();
  const start = audio.currentTime + 0.05;
  const score = scoreForRanking(rows, axisMax);
  const timers: number[] = [];
  let stopped = false;

  for (const note of score) {
    const oscillator = new OscillatorNode(audio, { type: 'triangle', frequency: note.hz });
    const gain = new GainNode(audio, { gain: 0 });
    const t = start + note.at;
    // A short attack and release: no clicks at the tone's edges.
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.25, t + 0.02);
    gain.gain.setValueAtTime(0.25, t + TONE_SECONDS - 0.08);
    gain.gain.linearRampToValueAtTime(0, t + TONE_SECONDS);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(t);
    oscillator.stop(t + TONE_SECONDS);
    timers.push(window.setTimeout(() => announce(note.announce), note.at * 1000));
  }
  const last = score.at(-1);
  const finish = (): void => {
    if (stopped) return;
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    void audio.close();
    onEnd();
  };
  timers.push(window.setTimeout(finish, ((last?.at ?? 0) + TONE_SECONDS) * 1000 + 100));
  return { stop: finish };
}
