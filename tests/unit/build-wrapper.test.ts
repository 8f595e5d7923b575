import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { diagnoseExit, guidance, outDirFromArgs, preflightWarning, runNode, suggestedHeapMb, MEMORY_MODEL_MB } from '../../scripts/build.mjs';

/** A stand-in for `astro build`, written to a temporary file. */
function script(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'build-wrapper-')), 'stand-in.mjs');
  writeFileSync(file, source);
  return file;
}

describe('npm run build wrapper (scripts/build.mjs)', () => {
  it('indexes the folder astro build wrote: dist, or the --outDir given', () => {
    expect(outDirFromArgs([])).toBe(resolve('dist'));
    expect(outDirFromArgs(['--outDir', 'out/site'])).toBe(resolve('out/site'));
    expect(outDirFromArgs(['--verbose', '--outDir=/tmp/x'])).toBe('/tmp/x');
  });

  it('recognises a V8 heap exhaustion', () => {
    const stderr = '<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n';
    expect(diagnoseExit({ code: null, signal: 'SIGABRT', stderr })).toBe('heap');
    expect(diagnoseExit({ code: 134, signal: null, stderr })).toBe('heap');
  });

  it('reads a silent SIGKILL as the OS out-of-memory killer', () => {
    expect(diagnoseExit({ code: null, signal: 'SIGKILL', stderr: '' })).toBe('killed');
    expect(diagnoseExit({ code: 137, signal: null, stderr: '' })).toBe('killed');
  });

  it('leaves ordinary build errors alone', () => {
    expect(diagnoseExit({ code: 1, signal: null, stderr: '[InvalidContentEntryDataError] posts → x' })).toBeUndefined();
  });

  it('says what to raise, with a heap size that grows with the posts', () => {
    expect(suggestedHeapMb(10_000)).toBeGreaterThan(suggestedHeapMb(1000));
    expect(suggestedHeapMb(10_000) % 512).toBe(0);
    const text = guidance('heap', { posts: 10_000, heapLimitMb: 512, machineMb: 24_000 });
    expect(text).toContain(`NODE_OPTIONS=--max-old-space-size=${suggestedHeapMb(10_000)}`);
    expect(text).toContain(`${MEMORY_MODEL_MB.per1000Posts} MB per 1,000 posts`);
    expect(guidance('killed', { posts: 10_000, heapLimitMb: 4096, machineMb: 2048 })).toMatch(/memory limit/);
  });

  it('warns before building when the measured need exceeds the memory the machine allows', () => {
    const need = MEMORY_MODEL_MB.base + 10 * MEMORY_MODEL_MB.per1000Posts;
    const text = preflightWarning({ posts: 10_000, machineMb: 3072 });
    expect(text).toContain(`10,000 posts need about ${need.toLocaleString('en')} MB`);
    expect(text).toContain('allows 3,072 MB');
    expect(text).toContain(`at least ${Math.ceil((need * 1.2) / 1024)} GB`);
    expect(preflightWarning({ posts: 10_000, machineMb: 24_000 })).toBeUndefined();
    expect(preflightWarning({ posts: 100, machineMb: 3072 })).toBeUndefined();
  });

  it('settles with the exit code and the tail of stderr', async () => {
    const result = await runNode([script("process.stderr.write('[InvalidContentEntryDataError] posts/x.mdx: title'); process.exit(3);")]);
    expect(result).toEqual({ code: 3, signal: null, stderr: '[InvalidContentEntryDataError] posts/x.mdx: title' });
  });

  it('settles as soon as the build exits, although the esbuild service Astro starts holds its stderr', async () => {
    // Astro's import.meta.env plugin calls esbuild's transform(), which starts esbuild's service with
    // Astro's stderr; the service exits once its stdin, a pipe from Astro, closes.
    const esbuild = createRequire(resolve('node_modules/astro/package.json')).resolve('esbuild');
    const started = Date.now();
    const result = await runNode([
      script(`import { createRequire } from 'node:module';
const { transform } = createRequire(import.meta.url)(${JSON.stringify(esbuild)});
await transform('let x: number = 1', { loader: 'ts' });
process.stderr.write('built');
process.exit(0);`),
    ]);
    expect(result).toEqual({ code: 0, signal: null, stderr: 'built' });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
