/**
 * One thread of the posts loader's source analysis (source-analysis-pool.ts):
 * parses each post it is given and runs the HTML policy over it, reporting
 * each post as it finishes so the loader's thread can store it meanwhile.
 * Node loads this file itself, with its type stripping, hence the `.ts` in the imports.
 */
import { readFileSync } from 'node:fs';
import { setImmediate as turnEventLoop } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlPolicyViolations } from '../security/html-policy.ts';
import { analysePost } from './post-source.ts';
import type { SourceAnalysisJob, SourceAnalysis } from './source-analysis-pool.ts';

/** satteri frees a parsed tree's native memory only when the event loop turns (page-scan-worker.ts). */
const POSTS_BETWEEN_YIELDS = 16;

const { posts, analyse, htmlPolicy } = workerData as SourceAnalysisJob;
for (const [at, { file, format }] of posts.entries()) {
  const source = readFileSync(file, 'utf8');
  const post = analysePost(source, format, analyse);
  // A source that did not parse has one problem already, its syntax error; there is no tree to check further.
  const policyProblems = post.parsed && htmlPolicy ? htmlPolicyViolations(source, format, htmlPolicy) : [];
  parentPort!.postMessage({ file, source, post, policyProblems } satisfies SourceAnalysis);
  if (at % POSTS_BETWEEN_YIELDS === POSTS_BETWEEN_YIELDS - 1) await turnEventLoop();
}
