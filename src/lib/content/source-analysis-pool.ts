/**
 * The posts loader's parse and HTML policy on worker threads. Content sync runs
 * on Astro's thread; with the parse and the policy elsewhere, that thread only
 * validates, renders and stores, and the core the social cards would otherwise
 * take works on the next posts (docs/benchmarks.md).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HtmlPolicyOptions } from '../security/html-policy';
import type { LocatedProblem } from './frontmatter';
import type { AnalyseOptions, AnalysedPost, PostFormat } from './post-source';

export interface SourceAnalysisJob {
  posts: { file: string; format: PostFormat }[];
  analyse: AnalyseOptions;
  htmlPolicy: HtmlPolicyOptions | undefined;
}

export interface SourceAnalysis {
  file: string;
  /** The source as the thread read it: the digest and the render use these very bytes. */
  source: string;
  post: AnalysedPost;
  policyProblems: LocatedProblem[];
}

const WORKER_FILE = new URL('./source-analysis-worker.ts', import.meta.url);

/** Below this many posts a thread costs more to start (~0.2 s with its parsers) than it saves. */
export const POSTS_PER_THREAD = 200;

/**
 * Starts analysing `posts` on threads (all cores but the caller's, at least one) and returns each
 * post's analysis as a promise, by file. A thread that fails rejects the promises it had not fulfilled.
 */
export function analyseSourcesInParallel(
  posts: readonly { file: string; format: PostFormat }[],
  analyse: AnalyseOptions,
  htmlPolicy: HtmlPolicyOptions | undefined,
  threads = Math.max(1, availableParallelism() - 1),
): Map<string, Promise<SourceAnalysis>> {
  const pending = new Map<string, { resolve: (a: SourceAnalysis) => void; reject: (e: unknown) => void }>();
  const results = new Map<string, Promise<SourceAnalysis>>();
  for (const { file } of posts)
    results.set(
      file,
      new Promise((resolve, reject) => {
        pending.set(file, { resolve, reject });
      }),
    );
  const lanes = Math.max(1, Math.min(threads, Math.ceil(posts.length / POSTS_PER_THREAD)));
  // Contiguous runs, so each thread works in the order the loader consumes.
  const size = Math.ceil(posts.length / lanes);
  for (let lane = 0; lane < lanes; lane++) {
    const share = posts.slice(lane * size, (lane + 1) * size);
    const job: SourceAnalysisJob = { posts: share, analyse, htmlPolicy };
    const worker = new Worker(WORKER_FILE, { workerData: job });
    worker.on('message', (analysis: SourceAnalysis) => {
      pending.get(analysis.file)?.resolve(analysis);
      pending.delete(analysis.file);
    });
    const failAll = (error: unknown) => {
      for (const { file } of share) {
        pending.get(file)?.reject(error);
        pending.delete(file);
      }
    };
    worker.once('error', failAll);
    worker.once('exit', (code) =>
      failAll(new Error(`a source-analysis thread stopped (exit code ${code}) before it reported every post`)),
    );
  }
  // Unhandled if the loader stops early (a build error elsewhere): the loader reports its own failure.
  for (const promise of results.values()) promise.catch(() => {});
  return results;
}
