/**
 * Memory-allocator settings for the build's two native workhorses, passed to
 * their processes through the environment (scripts/build.mjs). Neither
 * changes what is built; both were measured on this project's posts
 * (bench/notes.md, "The allocators").
 *
 * - Rolldown (Vite's bundler, inside `astro build`) allocates with mimalloc
 *   3, which asks the kernel for transparent huge pages on its 1 GiB arena.
 *   Every first touch of a 2 MB huge page is zeroed in full, and Rolldown's
 *   threads touch many of them sparsely: at 1,000 posts that zeroing was
 *   ~10 % of the build's CPU. Without it the bundle step took 1.6–1.8 s
 *   instead of 2.9–3.4 s and Astro's process peaked ~0.2 GB lower.
 * - Pagefind's indexer allocates with jemalloc, which keeps freed pages for
 *   10 s by default and spreads threads over 8 arenas. Two arenas and a 1 s
 *   decay took its peak at 10,000 articles from 5.1–5.2 GB to 4.35 GB, at
 *   the same speed.
 *
 * A variable the caller already set wins, so either can be tuned or undone
 * from the shell. Imported by scripts/build.mjs under plain Node.
 */

/** mimalloc's option (read as MIMALLOC_<name>): 0 = never ask for transparent huge pages. */
export const BUNDLER_ALLOCATOR_ENV = { MIMALLOC_ALLOW_THP: '0' } as const;

/** jemalloc's options as the pagefind binary reads them (tikv-jemallocator's prefixed variable). */
export const INDEXER_ALLOCATOR_ENV = {
  _RJEM_MALLOC_CONF: 'narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0',
} as const;

/** `base` with `settings` added where `base` does not already set them. */
export function withAllocatorSettings(
  base: NodeJS.ProcessEnv,
  settings: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...base };
  for (const [name, value] of Object.entries(settings)) merged[name] ??= value;
  return merged;
}
