import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, MAIN_BUILD } from '../support/build-site';
import { listFiles } from '../support/dist';

const digest = (dist: string) =>
  Object.fromEntries(
    listFiles(dist).map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

describe('reproducible builds', () => {
  it('a second clean build of the same commit, through `npm run build`, is byte-identical, search index included', async () => {
    // Both run scripts/build.mjs (astro build, then Pagefind once Astro has exited).
    const first = inject('mainDistDir');
    const second = await buildSite(`${MAIN_BUILD}-again`, {});
    expect(second.ok, second.output).toBe(true);
    const a = digest(first);
    const b = digest(second.distDir);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
  });
});
