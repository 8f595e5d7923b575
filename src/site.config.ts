/**
 * Site identity and knobs. Everything that names the publication, says where it
 * lives, or tunes its outputs is read from here and nowhere else.
 *
 * SITE and BASE come from the environment so that one build can target a custom
 * domain, a GitHub Pages project site (`/<repo>/`) or a preview host. FEED_SIZE,
 * SITEMAP_ENTRY_LIMIT and NEWSLETTER_ENDPOINT override the defaults; src/env.ts
 * reads and checks every environment variable.
 */

import { env } from './env';
import { offlineSettings } from './lib/offline/names';

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** A count the site states as fact (JSON-LD, the About block), checked when the config loads. */
export function wholeCount(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new SiteConfigError(`src/site.config.ts: ${field} must be a whole number of at least 1, got ${value}`);
  return value;
}

/** Named once: schema.org's numberOfEmployees and the About block's first fact both read it. */
const EMPLOYEES = wholeCount('SITE.publisher.employees', 30);

export const SITE = {
  name: 'Token Metrics Research',
  shortName: 'TM Research',
  tagline: 'Independent crypto research, ratings and engineering notes.',
  /** Absolute origin the site is published at; feeds, canonicals and the sitemap use it. */
  url: env.SITE,
  /** Path prefix, always with leading and trailing slash. */
  base: env.BASE,
  lang: 'en',
  locale: 'en_US',
  defaultAuthor: 'token-metrics-team',
  /** Posts on the home page besides the featured one. */
  homeLatestCount: 6,
  /**
   * Posts per page of every paginated listing (all posts, category, tag, author).
   * 24 fills every row of the card grid at one to four columns (10 left a lone
   * card under three), and needs fewer listing pages: at 1,000 posts, 677 of
   * the build's 1,682 pages were listings (docs/benchmarks.md).
   */
  pageSize: 24,
  /** Related posts under an article (src/lib/posts/related.ts). */
  relatedPostsCount: 3,
  /** Items in each RSS feed; feeds carry full content, so they stay bounded. */
  feedSize: env.FEED_SIZE,
  /**
   * URLs per sitemap file. The protocol allows 50,000; past this many,
   * @astrojs/sitemap writes sitemap-1.xml and on, listed in sitemap-index.xml.
   */
  sitemapEntryLimit: env.SITEMAP_ENTRY_LIMIT,
  /**
   * WebSub (https://www.w3.org/TR/websub/): with a hub set, every feed names it
   * (RSS atom:link rel="hub", JSON Feed hubs) and the deploy workflow tells it the
   * feeds changed (scripts/websub-ping.ts). Empty: feeds are polled as usual.
   */
  websubHub: env.WEBSUB_HUB,
  newsletter: {
    /**
     * Form action for sign-ups. The form POSTs here without JavaScript and via
     * fetch with it. Leave empty and articles offer the RSS feeds instead (and
     * `astro dev` says why: src/integrations/newsletter-notice.ts).
     */
    endpoint: env.NEWSLETTER_ENDPOINT,
    /** Defaults; a category's own copy (src/content/categories/*.json, `newsletter`) replaces them. */
    heading: 'New research by email',
    pitch: 'Each new article from Token Metrics Research, sent to your inbox when it is published.',
    fineprint: ['No credit card', '1-click unsubscribe'],
  },
  publisher: {
    name: 'Token Metrics',
    summary:
      'Token Metrics is a crypto research and ratings platform. Analysts and machine-learning models turn thousands of market and on-chain data points into plain scores, trend calls and editor-picked shortlists.',
    employees: EMPLOYEES,
    facts: [
      {
        figure: `${EMPLOYEES} ${EMPLOYEES === 1 ? 'employee' : 'employees'}`,
        detail: 'analysts, data scientists and crypto engineers',
      },
      { figure: 'Daily briefings', detail: 'short market notes and top picks every trading day' },
      { figure: 'Independent ratings', detail: 'sponsorship never buys a rating; research stays separate' },
    ],
  },
  /**
   * The service worker that keeps the site readable and searchable offline
   * (SERVICE_WORKER=off turns it off: the next build ships a worker that
   * unregisters itself and deletes its caches). Every article and the whole
   * search index are precached while they fit in OFFLINE_BUDGET_KB (5 MB by
   * default); past it, readers keep the articles they opened.
   */
  offline: offlineSettings(env),
  social: {
    twitter: '@tokenmetricsinc',
  },
  /**
   * Browser chrome and installed-app colours per theme: theme-color <meta> tags (BaseHead) and the web
   * app manifest. Equal to --bg in src/styles/global.css (a unit test keeps them so).
   */
  themeColours: {
    light: { theme: '#fbfbf9', background: '#fbfbf9' },
    dark: { theme: '#0f1318', background: '#0f1318' },
  },
  /** Brand colour behind the app icon (the mark's own blue), for icons that must fill their square. */
  iconBackground: '#0a58b0',
  content: {
    /**
     * An .mdx post whose MDX parse equals its Markdown parse renders through Markdown, and so
     * does one whose only MDX is block components (src/lib/content/posts-loader.ts,
     * component-slots.ts). PLAIN_MDX_AS_MARKDOWN=0 compiles every .mdx
     * as MDX, for benchmarks and for the test that the two paths agree.
     */
    plainMdxAsMarkdown: env.PLAIN_MDX_AS_MARKDOWN,
    /** Hosts a post may embed in an <iframe> (https only); every other iframe fails the build. */
    embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] as readonly string[],
  },
} as const;

export type SiteConfig = typeof SITE;

/** Absolute URL for a site path, honouring the base path. */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path), `${SITE.url}/`).toString();
}

/** Site-relative href with the base path, e.g. withBase('posts/') -> '/blog/posts/'. */
export function withBase(path: string): string {
  if (/^[a-z]+:/i.test(path)) return path;
  return SITE.base + path.replace(/^\/+/, '');
}
