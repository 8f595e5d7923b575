import type { BlogPosting, FAQPage, Organization, WithContext, WebSite } from 'schema-dts';
import { SITE, absoluteUrl } from '../../site.config';

export type JsonLd = WithContext<BlogPosting> | WithContext<FAQPage> | WithContext<Organization> | WithContext<WebSite>;

/**
 * Characters that must not appear raw in a <script> body: `<` and `>` (no
 * "</script>" can end the element, no "<!--" can open a comment), `&`, and
 * U+2028/2029 (line terminators to older JavaScript parsers). Outside strings
 * JSON has none of them, and inside a string `\uXXXX` is the same character to
 * JSON.parse, so the escaped text is the same data.
 */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON for a <script type="application/ld+json"> body. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(
    SCRIPT_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function organizationLd(): WithContext<Organization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: SITE.publisher.name,
    url: absoluteUrl(''),
    description: SITE.publisher.summary,
    numberOfEmployees: { '@type': 'QuantitativeValue', value: SITE.publisher.employees },
  };
}

export interface ArticleLdInput {
  url: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  authorName: string;
  authorUrl: string;
  category: string;
  tags: string[];
  image?: string | undefined;
  wordCount: number;
}

export function blogPostingLd(input: ArticleLdInput): WithContext<BlogPosting> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.title,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    datePublished: input.pubDate.toISOString(),
    dateModified: (input.updatedDate ?? input.pubDate).toISOString(),
    author: { '@type': 'Organization', name: input.authorName, url: input.authorUrl },
    publisher: { '@type': 'Organization', name: SITE.publisher.name, url: absoluteUrl('') },
    articleSection: input.category,
    keywords: input.tags.join(', '),
    wordCount: input.wordCount,
    ...(input.image ? { image: input.image } : {}),
  };
}

export function faqPageLd(url: string, faq: { question: string; answer: string }[]): WithContext<FAQPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url,
    mainEntity: faq.map(({ question, answer }) => ({
      '@type': 'Question',
      name: question,
      acceptedAnswer: { '@type': 'Answer', text: answer },
    })),
  };
}
