/**
 * The link check's page scans on worker threads. At the end of a build the
 * link check parses every built article, on one thread, while the other cores
 * wait: ~19 s of a cold 10,000-post build (docs/benchmarks.md). Split over
 * the machine's cores it takes a share of that, and the parse runs in fresh
 * heaps, not in Astro's (~1 GB of heap by then).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StoredScan } from './page-scan-cache';

export interface PageScanJob {
  /** Absolute paths of built HTML pages. */
  files: string[];
  /** Scan-cache keys of pages an earlier build scanned: these are hashed, not parsed. */
  knownKeys: readonly string[];
}

export interface PageScanResult {
  file: string;
  key: string;
  /** Absent when the page's key was one of the known keys. */
  scan?: StoredScan;
}

/** Below this many pages a thread of its own costs more to start (~0.1 s) than it saves. */
const PAGES_PER_THREAD = 100;

const WORKER_FILE = new URL('./page-scan-worker.ts', import.meta.url);

function runWorker(job: PageScanJob): Promise<PageScanResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: job });
    let results: PageScanResult[] | undefined;
    worker.once('message', (message: PageScanResult[]) => (results = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (results) resolve(results);
      else reject(new Error(`link check: a page-scan thread stopped (exit code ${code}) before it reported`));
    });
  });
}

/** Each file's scan-cache key, and its scan unless the key is known; in no particular order. */
export async function scanPagesInParallel(
  files: readonly string[],
  knownKeys: readonly string[],
  threads = availableParallelism(),
): Promise<PageScanResult[]> {
  if (files.length === 0) return [];
  const lanes = Math.max(1, Math.min(threads, Math.ceil(files.length / PAGES_PER_THREAD)));
  const shares = Array.from({ length: lanes }, (_, lane) => files.filter((_, at) => at % lanes === lane));
  const reports = await Promise.all(shares.map((share) => runWorker({ files: share, knownKeys })));
  return reports.flat();
}
