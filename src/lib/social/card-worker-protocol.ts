/** What the build thread and the card worker (card-worker.ts) send each other. */
import type { CardSpec } from './card-layout';

export interface CardJob {
  key: string;
  spec: CardSpec;
}

export interface CardWorkerData {
  jobs: CardJob[];
  logoSvg: string;
  cacheDir: string;
  concurrency: number;
}

/** One per job, in the order the cards finish. */
export interface CardWorkerReport {
  key: string;
  /** false when drawing failed; the route then draws the card itself and reports the error. */
  drawn: boolean;
}
