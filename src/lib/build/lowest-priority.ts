/**
 * A Node child process's first import (`node --import`): the lowest
 * scheduling priority for its main thread, and so for every thread it starts
 * (libuv's pool, native libraries' workers), which inherit it on Linux;
 * `os.setPriority()` changes one thread only. Such a child then works on the
 * cores Astro leaves idle instead of slowing its main thread, which decides
 * the build's wall time (docs/benchmarks.md).
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it through retired-output.ts with Node's type stripping.
 */
export const LOWEST_PRIORITY_PRELOAD =
  'data:text/javascript,import{setPriority,constants}from"node:os";setPriority(constants.priority.PRIORITY_LOW)';
