/**
 * The worker thread that draws a build's social cards into the cache folder
 * (drawCardsOffThread in social-card.ts starts it). Each card's JavaScript
 * (sharp's calls and callbacks, blending its texts, copying its canvas) then
 * runs beside Astro's page rendering instead of between its pages.
 *
 * scripts/build.mjs bundles this file for Node (SOCIAL_CARD_WORKER names the
 * bundle), since the build's own code is bundled by Vite where a worker cannot
 * reach it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedPng } from './card-cache';
import { renderCardPng } from './card-png';
import type { CardJob, CardWorkerData, CardWorkerReport } from './card-worker-protocol';

const { jobs, logoSvg, cacheDir, concurrency } = workerData as CardWorkerData;

async function drawCard(job: CardJob): Promise<CardWorkerReport> {
  try {
    await cachedPng(cacheDir, job.key, () => renderCardPng(job.spec, logoSvg));
    return { key: job.key, drawn: true };
  } catch {
    // The route draws the card again on the build's thread, where the error fails the build at its page.
    return { key: job.key, drawn: false };
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: Math.max(1, concurrency) }, async () => {
    while (next < jobs.length) parentPort!.postMessage(await drawCard(jobs[next++]!));
  }),
);
