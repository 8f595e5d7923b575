import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { outDirFromArgs } from '../../scripts/build.mjs';

describe('npm run build (scripts/build.mjs)', () => {
  it('indexes the folder astro build wrote: dist, or the --outDir given', () => {
    expect(outDirFromArgs([])).toBe(resolve('dist'));
    expect(outDirFromArgs(['--outDir', 'out/site'])).toBe(resolve('out/site'));
    expect(outDirFromArgs(['--verbose', '--outDir=/tmp/x'])).toBe('/tmp/x');
  });
});
