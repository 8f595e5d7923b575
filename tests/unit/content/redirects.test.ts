import { describe, expect, it } from 'vitest';
import { astroRedirects, redirectShapeProblems } from '../../../src/lib/content/redirects';
import { SITE } from '../../../src/site.config';

describe('redirects map', () => {
  it('accepts old-id → new-id pairs and rejects bad shapes, self-redirects and chains', () => {
    expect(redirectShapeProblems({ 'old-a': 'new-a', 'old-b': 'new-a' })).toEqual([]);
    expect(redirectShapeProblems([])).toEqual([expect.stringContaining('JSON object')]);
    expect(redirectShapeProblems({ '/posts/x/': 'y' })[0]).toMatch(/old post id/);
    expect(redirectShapeProblems({ x: 3 })[0]).toMatch(/target must be a post id/);
    expect(redirectShapeProblems({ x: 'x' })).toEqual(['"x" redirects to itself']);
    expect(redirectShapeProblems({ a: 'b', b: 'c' })).toEqual([expect.stringContaining('chain')]);
  });
  it('becomes Astro redirects: base-relative sources, destinations with the base', () => {
    expect(astroRedirects({ old: 'new' })).toEqual({ '/posts/old/': `${SITE.base}posts/new/` });
  });
});
