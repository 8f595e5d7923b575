import { describe, expect, it } from 'vitest';
import { blogPostingLd, faqPageLd, organizationLd, serializeJsonLd } from '../../../src/lib/seo/json-ld';
import { SITE } from '../../../src/site.config';

describe('JSON-LD', () => {
  it('cannot be broken out of by </script> or <!--', () => {
    const hostile = '</script><script>alert(1)</script><!-- & "quotes" \u2028';
    const json = serializeJsonLd(faqPageLd('https://e.com/p/', [{ question: hostile, answer: hostile }]));
    expect(json).not.toMatch(/<\/script|<!--|<script/i);
    expect(JSON.parse(json).mainEntity[0].name).toBe(hostile);
  });
  it('writes <, >, &, U+2028 and U+2029 as \\u escapes, and the text parses back to the same data', () => {
    const tricky = 'a<b>c&d\u2028e\u2029f </SCRIPT> <!-- --> \\u003c literal, "quoted", \ud83d\ude80';
    const data = faqPageLd('https://e.com/p/?a=1&b=<2>', [{ question: tricky, answer: `${tricky}\n${tricky}` }]);
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('a\\u003cb\\u003ec\\u0026d\\u2028e\\u2029f');
    expect(JSON.parse(json)).toEqual(data);
    expect(JSON.parse(serializeJsonLd([data, organizationLd()]))).toEqual([data, organizationLd()]);
  });
  it('describes an article as BlogPosting with ISO dates and the publisher', () => {
    const ld = blogPostingLd({
      url: 'https://e.com/posts/x/',
      title: 'T',
      description: 'D',
      pubDate: new Date('2024-03-12'),
      authorName: 'Team',
      authorUrl: 'https://e.com/authors/team/',
      category: 'Crypto Basics',
      tags: ['a', 'b'],
      wordCount: 2000,
    });
    expect(ld).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'T',
      datePublished: '2024-03-12T00:00:00.000Z',
      dateModified: '2024-03-12T00:00:00.000Z',
      keywords: 'a, b',
    });
    expect(ld).not.toHaveProperty('image');
  });
  it('names the organisation with the headcount from the site config', () => {
    expect(organizationLd()).toMatchObject({
      '@type': 'Organization',
      name: SITE.publisher.name,
      numberOfEmployees: { '@type': 'QuantitativeValue', value: SITE.publisher.employees },
    });
  });
});
