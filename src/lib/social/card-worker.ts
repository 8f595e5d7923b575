/**
 * The child process that draws a build's social cards into the cache folder
 * (drawInCardProcess in social-card.ts starts it at the lowest scheduling
 * priority). The cards' JavaScript and libvips' threads then run on the
 * cores Astro leaves idle, instead of between its pages or beside its main
 * thread at the same priority.
 *
 * scripts/build.mjs bundles this file for Node (SOCIAL_CARD_WORKER names the
 * bundle), since the build's own code is bundled by Vite where a process
 * cannot be started from.
 */
import { cachedPng } from './card-cache';
import { renderCardPng } from './card-png';
import type { CardJob, CardWorkerData, CardWorkerMessage, CardWorkerReport } from './card-worker-protocol';

// Jobs arrive while content sync runs (early-social-cards.ts), so a lane waits for more until told there are none.
const queue: CardJob[] = [];
let finished = false;
let lanes: Promise<void> | undefined;
const waiting: (() => void)[] = [];

async function drawCard(job: CardJob, { cacheDir, logoSvg }: CardWorkerData): Promise<CardWorkerReport> {
  try {
    await cachedPng(cacheDir, job.key, () => renderCardPng(job.spec, logoSvg));
    return { key: job.key, drawn: true };
  } catch {
    // The build draws the card again in its own process (socialCardFile), where the error fails it.
    return { key: job.key, drawn: false };
  }
}

async function nextJob(): Promise<CardJob | undefined> {
  while (queue.length === 0 && !finished) await new Promise<void>((wake) => waiting.push(wake));
  return queue.shift();
}

async function drawAll(data: CardWorkerData): Promise<void> {
  await Promise.all(
    Array.from({ length: Math.max(1, data.concurrency) }, async () => {
      for (let job = await nextJob(); job; job = await nextJob()) process.send!(await drawCard(job, data));
    }),
  );
  process.disconnect();
}

process.on('message', (message: CardWorkerMessage) => {
  if ('start' in message) lanes ??= drawAll(message.start);
  else if ('jobs' in message) queue.push(...message.jobs);
  else finished = true;
  for (const wake of waiting.splice(0)) wake();
});
// The build stopped (or failed): nobody is waiting for the rest.
process.once('disconnect', () => process.exit(0));
