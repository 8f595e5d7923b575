/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page
 * whose getStaticPaths() entry returns the same `cacheKey` as last build, and
 * whose code is unchanged (Astro hashes the page's module graph itself), is
 * copied from the cache instead of rendered. So a key must cover every piece
 * of data the page renders — not only its own post but whatever it shows of
 * other posts (related links, listings), the site's categories and authors,
 * and the env knobs that reach the HTML. A key that misses one serves a stale
 * page, silently; one that covers too much only renders more.
 */
import { createHash } from 'node:crypto';

/**
 * One digest of `inputs` as JSON. Maps and Sets have no JSON form (they
 * stringify as `{}`), so a caller passing one would get a key that never
 * changes: refused here rather than found as a stale page.
 */
export function cacheKeyOf(...inputs: readonly unknown[]): string {
  const json = JSON.stringify(inputs, (key, value: unknown) => {
    if (value instanceof Map || value instanceof Set)
      throw new TypeError(`cacheKeyOf: ${key || 'an input'} is a Map or Set, which JSON drops; pass an array`);
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
}
