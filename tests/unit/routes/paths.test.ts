import { describe, expect, it } from 'vitest';
import { paths, tagSlug } from '../../../src/lib/routes/paths';
import { absoluteUrl, withBase, SITE } from '../../../src/site.config';

describe('urls', () => {
  it('spells every route with a trailing slash and pages from 2 on', () => {
    expect(paths.post('x')).toBe('posts/x/');
    expect(paths.posts(1)).toBe('posts/');
    expect(paths.posts(3)).toBe('posts/3/');
    expect(paths.category('research', 2)).toBe('categories/research/2/');
    expect(paths.tags()).toBe('tags/');
    expect(paths.tag('Machine Learning')).toBe('tags/machine-learning/');
    expect(paths.categoryFeed('research')).toBe('categories/research/rss.xml');
  });
  it('slugs tags like headings, with symbols spelled out (src/lib/content/tags.ts)', () => {
    expect(tagSlug('GameFi & DeFi')).toBe('gamefi-and-defi');
    expect(paths.tag('C#')).toBe('tags/c-sharp/');
  });
  it('prefixes the base path and builds absolute URLs from the site origin', () => {
    expect(withBase('posts/')).toBe(`${SITE.base}posts/`);
    expect(withBase('https://x.org/')).toBe('https://x.org/');
    expect(absoluteUrl('rss.xml')).toBe(`${SITE.url}${SITE.base}rss.xml`);
  });
});
