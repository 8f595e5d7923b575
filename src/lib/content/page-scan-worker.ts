/**
 * One thread of the link check's page scans (page-scan-pool.ts): reads its
 * share of the built pages, hashes each (the scan cache's key) and parses the
 * ones whose bytes no earlier build scanned. Node loads this file itself, with
 * its type stripping, hence the `.ts` in the imports.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isArticleBody, scanPage } from './links.ts';
import { pageScanKey, toStored } from './page-scan-cache.ts';
import type { PageScanJob, PageScanResult } from './page-scan-pool.ts';

const { files, knownKeys } = workerData as PageScanJob;
const known = new Set(knownKeys);
const results = files.map((file): PageScanResult => {
  const html = readFileSync(file, 'utf8');
  const key = pageScanKey(html);
  return known.has(key) ? { file, key } : { file, key, scan: toStored(scanPage(html, isArticleBody)) };
});
parentPort!.postMessage(results);
