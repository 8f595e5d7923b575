/**
 * One thread of the link check's page scans (page-scan-pool.ts): reads its
 * share of the built pages, hashes each (the scan cache's key) and parses the
 * ones whose bytes no earlier build scanned. Node loads this file itself, with
 * its type stripping, hence the `.ts` in the imports.
 */
import { readFileSync } from 'node:fs';
import { setImmediate as turnEventLoop } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { isArticleBody, scanPage } from './links.ts';
import { pageScanKey, toStored } from './page-scan-cache.ts';
import type { PageScanJob, PageScanResult } from './page-scan-pool.ts';

/**
 * satteri frees a parsed page's native memory in N-API finalizers, and Node
 * runs those only when its event loop turns. A loop that never yields keeps
 * every page it parsed (~85 KB each) until it ends: ~850 MB for 10,000
 * articles, the build's peak. Yielding this often keeps the thread flat.
 */
const PAGES_BETWEEN_YIELDS = 16;

const { files, knownKeys } = workerData as PageScanJob;
const known = new Set(knownKeys);
const results: PageScanResult[] = [];
for (const [at, file] of files.entries()) {
  const html = readFileSync(file, 'utf8');
  const key = pageScanKey(html);
  results.push(known.has(key) ? { file, key } : { file, key, scan: toStored(scanPage(html, isArticleBody)) });
  if (at % PAGES_BETWEEN_YIELDS === PAGES_BETWEEN_YIELDS - 1) await turnEventLoop();
}
parentPort!.postMessage(results);
