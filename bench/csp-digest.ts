/**
 * npx tsx bench/csp-digest.ts [--pages 12743] [--hashes 6]
 *
 * What Astro's CSP costs a static build per page, apart from Astro: for every page it renders, Astro
 * hashes each head script and style again with the Web Crypto API (`generateCspDigest` in
 * astro/dist/core/encryption.js, awaited one after another in `createResult`), though they are the same
 * on every page of a route. This times that many `crypto.subtle.digest` calls, awaited in turn as Astro
 * does, against Node's synchronous `createHash` on the same strings (bench/notes.md, "Where Astro's
 * route phase goes"). Defaults: the pages of a 10,000-post build, and the ~6 digests a page cost before the
 * site's CSS became one stylesheet (78,247 calls counted in that build; 2 a page since, bench/notes.md,
 * "One stylesheet for every page").
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '12743' }, hashes: { type: 'string', default: '6' } },
});
const pages = Number(values.pages);
const hashes = Number(values.hashes);
// Head elements of a few hundred bytes, and one empty (a linked stylesheet's element has no children).
const inputs = Array.from({ length: hashes }, (_, i) => 'x'.repeat(200 * i));
const encoder = new TextEncoder();

let started = performance.now();
for (let page = 0; page < pages; page++)
  for (const input of inputs) await crypto.subtle.digest('SHA-256', encoder.encode(input));
const webCrypto = performance.now() - started;

started = performance.now();
for (let page = 0; page < pages; page++)
  for (const input of inputs) createHash('sha256').update(input).digest('base64');
const nodeHash = performance.now() - started;

const calls = pages * hashes;
const each = (ms: number) => `${((ms * 1000) / calls).toFixed(1)} µs each`;
console.log(`${calls.toLocaleString('en')} digests (${pages.toLocaleString('en')} pages × ${hashes})`);
console.log(`crypto.subtle.digest, awaited in turn: ${(webCrypto / 1000).toFixed(2)} s, ${each(webCrypto)}`);
console.log(`createHash:                            ${(nodeHash / 1000).toFixed(2)} s, ${each(nodeHash)}`);
