#!/usr/bin/env node
/**
 * `npm run build`: runs `astro build` with the same arguments and output, and
 * turns an out-of-memory death into a message that says what to raise.
 *
 *   npm run build -- --outDir dist-x        (arguments are forwarded as they are)
 *
 * A V8 heap exhaustion ("JavaScript heap out of memory", exit 134 / SIGABRT)
 * means the heap limit is too low: raise NODE_OPTIONS=--max-old-space-size.
 * A SIGKILL with no message is usually the kernel's OOM killer: the machine
 * or container has too little memory for the heap that was allowed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Peak memory of the whole build (Node, then the Pagefind indexer), measured by
 * `npm run bench` (docs/benchmarks.md): about BASE + N/1000 × PER_1000 MB for N
 * posts (0.8 GB at 100, 1.1 GB at 1,000 and 4.5–4.6 GB at 10,000 MDX posts on Node 24).
 * Past a few thousand posts the indexer is the peak (4.5 GB at 10,000; Astro 2.7 GB).
 */
export const MEMORY_MODEL_MB = { base: 750, per1000Posts: 390 };

/** Memory (MB) the model says a build of this many posts needs. */
export function measuredNeedMb(posts, model = MEMORY_MODEL_MB) {
  return model.base + (posts / 1000) * model.per1000Posts;
}

/** Suggested --max-old-space-size (MB) for a post count: the measured need plus 20 %, in 512 MB steps. */
export function suggestedHeapMb(posts, model = MEMORY_MODEL_MB) {
  const need = measuredNeedMb(posts, model);
  return Math.ceil((need * 1.2) / 512) * 512;
}

const OOM_PATTERNS = [/JavaScript heap out of memory/, /Reached heap limit/, /FATAL ERROR: .*Allocation failed/, /ERR_WORKER_OUT_OF_MEMORY/, /RangeError: Array buffer allocation failed/];

/** 'heap' for a V8 heap exhaustion, 'killed' for a SIGKILL (likely the OS OOM killer), else undefined. */
export function diagnoseExit({ code, signal, stderr }) {
  if (OOM_PATTERNS.some((re) => re.test(stderr))) return 'heap';
  if (signal === 'SIGKILL' || code === 137) return 'killed';
  return undefined;
}

function countPosts() {
  const dir = process.env.CONTENT_DIR ? join(process.env.CONTENT_DIR, 'posts') : join(ROOT, 'src/content/posts');
  let count = 0;
  const visit = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(join(d, e.name));
      else if (/\.mdx?$/.test(e.name)) count++;
    }
  };
  visit(resolve(ROOT, dir));
  return count;
}

/** The memory this process may use: the cgroup (container) limit if there is one (v1 or v2), else physical RAM. */
function availableMb() {
  const limit = process.constrainedMemory();
  return (limit > 0 ? Math.min(limit, totalmem()) : totalmem()) / 1024 ** 2;
}

export function guidance(kind, { posts, heapLimitMb, machineMb }) {
  const suggested = suggestedHeapMb(posts);
  const lines = [
    '',
    '✖ The build ran out of memory.',
    kind === 'heap'
      ? `  Node's JavaScript heap hit its limit (--max-old-space-size ≈ ${heapLimitMb} MB) while building ${posts.toLocaleString('en')} posts.`
      : `  The process was killed (SIGKILL), most likely by the operating system's out-of-memory killer, while building ${posts.toLocaleString('en')} posts.`,
    `  Measured need: about ${MEMORY_MODEL_MB.per1000Posts} MB per 1,000 posts on top of ${MEMORY_MODEL_MB.base} MB for the whole build (see docs/benchmarks.md).`,
  ];
  if (kind === 'heap') {
    lines.push(`  Raise the heap limit, e.g.:`, `    NODE_OPTIONS=--max-old-space-size=${suggested} npm run build`);
    if (suggested > machineMb * 0.9) lines.push(`  This machine has ${Math.round(machineMb)} MB; use a runner with at least ${Math.ceil((suggested * 1.2) / 1024)} GB of memory.`);
  } else {
    lines.push(
      `  This machine/container allows ${Math.round(machineMb)} MB. Raise the container's or runner's memory limit to at least ${Math.ceil((suggested * 1.2) / 1024)} GB,`,
      `  or cap Node's heap below it so the failure is reported cleanly: NODE_OPTIONS=--max-old-space-size=${Math.max(512, Math.floor((machineMb * 0.75) / 256) * 256)}`,
    );
  }
  return lines.join('\n');
}

/**
 * Said before the build starts when the measured model says this many posts need
 * more memory than the machine or container allows: better a warning in the
 * first line of the log than a kill twenty minutes in. The model is a measured
 * average, so this warns rather than refusing to build.
 */
export function preflightWarning({ posts, machineMb }) {
  const needMb = measuredNeedMb(posts);
  if (needMb <= machineMb * 0.9) return undefined;
  return [
    `⚠ ${posts.toLocaleString('en')} posts need about ${Math.round(needMb).toLocaleString('en')} MB to build (measured: ${MEMORY_MODEL_MB.base} MB plus ${MEMORY_MODEL_MB.per1000Posts} MB per 1,000 posts),`,
    `  but this machine/container allows ${Math.round(machineMb).toLocaleString('en')} MB. The build, or the search indexer after it, is likely to be killed.`,
    `  Raise the runner's or container's memory limit to at least ${Math.ceil((needMb * 1.2) / 1024)} GB.`,
  ].join('\n');
}

/** The output folder `astro build` writes with these arguments (this project's config keeps Astro's default, dist). */
export function outDirFromArgs(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--outDir') return resolve(ROOT, args[i + 1] ?? 'dist');
    if (args[i].startsWith('--outDir=')) return resolve(ROOT, args[i].slice('--outDir='.length));
  }
  return resolve(ROOT, 'dist');
}

/**
 * The search index is written here, after `astro build` has exited, rather than
 * inside it: Astro's memory (about 2.7 GB at 10,000 posts) is then gone before the
 * indexer (about 4.5 GB) starts, so peak memory is the larger of the two, not
 * their sum. `astro build` run directly still indexes in its own build:done hook.
 */
async function writeSearchIndex(outDir) {
  const { buildSearchIndex, indexedMessage } = await import('../src/integrations/search-index.ts');
  try {
    console.log(`[site-pagefind] ${indexedMessage(await buildSearchIndex(outDir))}`);
  } catch (error) {
    process.stderr.write(`✖ Pagefind: ${error.message}\nThe site was built but has no search index; nothing should be deployed from this build.\n`);
    process.exit(1);
  }
}

/**
 * Runs `node <args>`, passing its output through, and settles once it has exited
 * and its stderr has closed, with its exit code, signal and the tail of its stderr
 * (for diagnosis).
 *
 * Astro's esbuild service inherits Astro's stderr, but it exits as soon as its stdin,
 * a pipe from Astro, reaches end of file, so 'close' follows 'exit' within milliseconds
 * (tests/unit/build-wrapper.test.ts runs that case).
 */
export function runNode(args, { env = process.env } = {}) {
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'pipe'], env });
  const forward = (sig) => child.kill(sig);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, forward);
  let tail = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-16_384);
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const sig of ['SIGINT', 'SIGTERM']) process.off(sig, forward);
      resolvePromise({ code, signal, stderr: tail });
    });
  });
}

async function main() {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const args = process.argv.slice(2);
  // Counted once: the warning uses it now, the out-of-memory guidance if the build dies.
  const posts = countPosts();
  const machineMb = availableMb();
  const warning = preflightWarning({ posts, machineMb });
  if (warning) process.stderr.write(`${warning}\n`);
  const { code, signal, stderr } = await runNode([astro, 'build', ...args], { env: { ...process.env, SEARCH_INDEX_AFTER_BUILD: '1' } });
  const kind = code === 0 ? undefined : diagnoseExit({ code, signal, stderr });
  if (kind) {
    // The child ran with the same NODE_OPTIONS, so its limit is ours.
    const flag = /--max-old-space-size=(\d+)/.exec(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
    const heapLimitMb = flag ? Number(flag[1]) : Math.round(getHeapStatistics().heap_size_limit / 1024 ** 2);
    process.stderr.write(`${guidance(kind, { posts, heapLimitMb, machineMb })}\n`);
    process.exit(code && code !== 0 ? code : 1);
  }
  if (signal) process.kill(process.pid, signal);
  if (code !== 0) process.exit(code ?? 1);
  await writeSearchIndex(outDirFromArgs(args));
  process.exit(0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
