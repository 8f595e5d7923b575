import { describe, expect, it } from 'vitest';
import { SITE, SiteConfigError, wholeCount } from '../../src/site.config';

describe('site config: the publisher headcount', () => {
  it('is stated once: the About block says the same number schema.org is given', () => {
    expect(SITE.publisher.facts[0].figure).toBe(`${SITE.publisher.employees} employees`);
  });

  it('takes a whole number of at least 1', () => {
    expect(wholeCount('SITE.publisher.employees', 1)).toBe(1);
    expect(wholeCount('SITE.publisher.employees', 1200)).toBe(1200);
  });

  it('refuses anything else, naming the file and the field', () => {
    for (const value of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => wholeCount('SITE.publisher.employees', value), String(value)).toThrow(
        new SiteConfigError(
          `src/site.config.ts: SITE.publisher.employees must be a whole number of at least 1, got ${value}`,
        ),
      );
  });
});
