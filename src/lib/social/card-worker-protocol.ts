/** What the build and the card process (card-worker.ts) send each other. */
import type { CardSpec } from './card-layout';

export interface CardJob {
  key: string;
  spec: CardSpec;
}

export interface CardWorkerData {
  logoSvg: string;
  cacheDir: string;
  concurrency: number;
}

/** To the card process: its settings first, then cards to draw, then the end of them (it exits once the last is drawn). */
export type CardWorkerMessage = { start: CardWorkerData } | { jobs: CardJob[] } | { done: true };

/** One per job, in the order the cards finish. */
export interface CardWorkerReport {
  key: string;
  /** false when drawing failed; the route then draws the card itself and reports the error. */
  drawn: boolean;
}
