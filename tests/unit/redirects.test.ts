import { describe, expect, it } from 'vitest';
import { astroRedirects, redirectShapeProblems } from '../../src/redirects';
import { contentErrorForOverlay, parseLoaderLog, plainMessage } from '../../src/lib/content-errors';
import { SITE } from '../../src/site.config';

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

describe('dev content errors', () => {
  it('reads the glob loader log lines', () => {
    expect(parseLoaderLog('error', 'Failed to reload bad.mdx: **posts → bad** data does not match collection schema.\n\n  **title**: Required')).toEqual({
      entry: 'bad.mdx',
      message: 'posts → bad data does not match collection schema.\n\n  title: Required',
    });
    expect(parseLoaderLog('info', 'Reloaded data from \u001b[32mbad.mdx\u001b[39m')).toEqual({ entry: 'bad.mdx' });
    expect(parseLoaderLog('error', 'something else')).toBeUndefined();
    expect(plainMessage('**a** \u001b[1mb\u001b[22m')).toBe('a b');
  });
  it('builds an overlay error naming the file and the message', () => {
    const error = contentErrorForOverlay([{ file: '/site/src/content/posts/bad.mdx', message: 'title: Required' }], '/site') as Error & { loc: { file: string } };
    expect(error.message).toBe('Invalid content: src/content/posts/bad.mdx: title: Required');
    expect(error.loc.file).toBe('/site/src/content/posts/bad.mdx');
  });
});
