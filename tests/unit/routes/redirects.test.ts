import { describe, expect, it } from 'vitest';
import { astroRedirects } from '../../../src/lib/routes/redirects';
import { SITE } from '../../../src/site.config';

describe('redirects map', () => {
  it('becomes Astro redirects: base-relative sources, destinations with the base', () => {
    expect(astroRedirects({ old: 'new' })).toEqual({ '/posts/old/': `${SITE.base}posts/new/` });
  });
});
