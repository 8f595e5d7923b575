import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getManifest } from 'workbox-build';
import { globBytes, outDirFromArgs } from '../../scripts/build.mjs';
import { ARTICLE_GLOBS, INDEX_GLOBS, SHELL_GLOBS, SHELL_IGNORES } from '../../src/lib/offline/precache-plan.ts';

describe('npm run build (scripts/build.mjs)', () => {
  it('indexes the folder astro build wrote: dist, or the --outDir given', () => {
    expect(outDirFromArgs([])).toBe(resolve('dist'));
    expect(outDirFromArgs(['--outDir', 'out/site'])).toBe(resolve('out/site'));
    expect(outDirFromArgs(['--verbose', '--outDir=/tmp/x'])).toBe('/tmp/x');
  });

  it('sizes the precache globs as workbox-build does, ignored files and directories left out', async () => {
    const site = mkdtempSync(join(tmpdir(), 'glob-bytes-'));
    try {
      const files: Record<string, number> = {
        '_astro/app.Ab12.js': 120,
        '_astro/site.Cd34.css': 45,
        '_astro/VoteChart.Ef56.js': 900,
        '_astro/vote-chart.Gh78.css': 300,
        '_astro/image.Ij90.webp': 5000,
        'index.html': 70,
        'search/index.html': 33,
        'posts/a/index.html': 210,
        'posts/b/index.html': 190,
        'posts/2/index.html': 15,
        'pagefind/pagefind.js': 64,
        'pagefind/index/en_1.pf_index': 400,
        'pagefind/fragment/en_2.pf_fragment': 80,
      };
      for (const [file, size] of Object.entries(files)) {
        mkdirSync(join(site, file, '..'), { recursive: true });
        writeFileSync(join(site, file), 'x'.repeat(size));
      }
      mkdirSync(join(site, 'pagefind/filter'), { recursive: true });
      for (const globs of [
        SHELL_GLOBS,
        INDEX_GLOBS,
        ARTICLE_GLOBS,
        [...SHELL_GLOBS, ...INDEX_GLOBS, ...ARTICLE_GLOBS],
      ]) {
        const { size } = await getManifest({ globDirectory: site, globPatterns: globs, globIgnores: SHELL_IGNORES });
        expect(size).toBeGreaterThan(0);
        expect(globBytes(site, globs, SHELL_IGNORES)).toBe(size);
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
