import serialize from 'serialize-javascript';
import type { BlogPosting, FAQPage, Organization, WithContext, WebSite } from 'schema-dts';
import { SITE, absoluteUrl } from '../../site.config';

export type JsonLd = WithContext<BlogPosting> | WithContext<FAQPage> | WithContext<Organization> | WithContext<WebSite>;

/**
 * JSON for a <script type="application/ld+json"> body. serialize-javascript
 * escapes <, >, / and U+2028/2029, so no "</script>" or "<!--" in content can
 * end the element or open a comment.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return serialize(data, { isJSON: true });
}

export function organizationLd(): WithContext<Organization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: SITE.publisher.name,
    url: absoluteUrl(''),
    description: SITE.publisher.summary,
    numberOfEmployees: { '@type': 'QuantitativeValue', value: 30 },
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
