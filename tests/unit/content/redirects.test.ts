import { describe, expect, it } from 'vitest';
import { redirectShapeProblems } from '../../../src/lib/content/redirects';

describe('redirects map', () => {
  it('accepts old-id → new-id pairs and rejects bad shapes, self-redirects and chains', () => {
    expect(redirectShapeProblems({ 'old-a': 'new-a', 'old-b': 'new-a' })).toEqual([]);
    expect(redirectShapeProblems([])).toEqual([expect.stringContaining('JSON object')]);
    expect(redirectShapeProblems({ '/posts/x/': 'y' })[0]).toMatch(/old post id/);
    expect(redirectShapeProblems({ x: 3 })[0]).toMatch(/target must be a post id/);
    expect(redirectShapeProblems({ x: 'x' })).toEqual(['"x" redirects to itself']);
    expect(redirectShapeProblems({ a: 'b', b: 'c' })).toEqual([expect.stringContaining('chain')]);
  });
});
