// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { SITE, absoluteUrl } from './src/site.config.ts';
import { env } from './src/env.ts';
import { astroRedirects } from './src/lib/routes/redirects.ts';
import redirectsCheck from './src/integrations/redirects-check.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import buildTimeline from './src/integrations/build-timeline.ts';
import { astroCsp, sitePolicy } from './src/lib/security/csp.ts';
import linkCheck from './src/integrations/link-check.ts';
import socialCardFiles from './src/integrations/social-card-files.ts';
import { buildNow } from './src/lib/posts/publishing.ts';
import { lastmodByPath, withLastmod } from './src/lib/seo/sitemap-lastmod.ts';
import { publishedSyncedPosts } from './src/lib/seo/synced-posts.ts';

/** Sitemap <lastmod> by path, from the posts content sync stored; worked out once, when the sitemap is written. */
let sitemapLastmods;
const lastmods = () => (sitemapLastmods ??= lastmodByPath(publishedSyncedPosts(buildNow(env.SOURCE_DATE_EPOCH)), SITE));
import newsletterNotice from './src/integrations/newsletter-notice.ts';
import { headingAnchorPlugins } from './src/lib/content/heading-anchors-plugin.ts';
import { scrollableCodeBlocks } from './src/lib/markdown/code-blocks.ts';
import { OFFLINE_PAGE } from './src/lib/offline/names.ts';

const policy = sitePolicy({ newsletterEndpoint: SITE.newsletter.endpoint, embedHosts: SITE.content.embedHosts });

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // Renamed posts: old URLs get redirect pages; the map is src/content/redirects.json (see src/lib/content/redirects.ts).
  redirects: astroRedirects(),
  // Separate caches let tests build several content folders side by side.
  cacheDir: env.ASTRO_CACHE_DIR,
  // Pages rendered at once (Astro's default is 1): while one page's file is written, the next renders.
  // One thread either way; docs/benchmarks.md (`build.concurrency`) has the paired builds behind 4.
  build: {
    format: 'directory',
    concurrency: env.ASTRO_BUILD_CONCURRENCY,
    // Stylesheets stay files on our origin, so one CSP (style-src 'self') fits every page.
    inlineStylesheets: 'never',
  },
  // Astro writes the CSP <meta> of every page with the hashes of what it emits; _headers carries the same policy.
  security: { csp: astroCsp(policy) },
  // Two posts resolving to one URL is an authoring error, never a silent overwrite.
  prerenderConflictBehavior: 'error',
  // Incremental builds: a page whose getStaticPaths() cacheKey and code are unchanged since the last build in
  // cacheDir is copied from <cacheDir>/dist/ instead of rendered (src/collections/page-cache-keys.ts, README).
  experimental: { incrementalBuild: true },
  markdown: {
    // Prism emits classes, not inline styles, so the strict CSP holds for code. Shiki and Expressive Code
    // write a style attribute on every token, which the CSP blocks (measured: README, "Code blocks").
    syntaxHighlight: 'prism',
    // Astro's own engine (Sätteri) with two hast steps, on .md, plain .mdx and MDX alike: a link beside every
    // section heading (src/lib/content/heading-anchors-plugin.ts), then scrolling code blocks join the tab order.
    processor: satteri({ hastPlugins: [...headingAnchorPlugins, scrollableCodeBlocks] }),
  },
  vite: {
    server: {
      // Build outputs (benchmarks write thousands of pages) are not sources; watching them stalls `astro dev`.
      watch: { ignored: ['**/dist/**', '**/bench/tmp/**', '**/test-results/**'] },
    },
    build: {
      // One stylesheet for every page (41 KB, 7.6 KB gzipped) instead of a chunk per component group: an article
      // needed 6 files (8.7 KB gzipped), and each page type a different set, so a reader's second page often
      // fetched more. Astro also hashes every stylesheet element of a page for its CSP on every page it renders
      // (bench/notes.md, "One stylesheet"). Same pixels on every page type (screenshots, light and dark, 390/1280 px).
      cssCodeSplit: false,
      // Astro inlines small processed scripts; files on our origin keep one CSP valid for every page.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every MDX module carries Astro's "use astro:head-inject" directive; rolldown warns once per post
        // with a code frame (10 log lines each, 100,000 at 10k posts). The directive is Astro's own and harmless.
        checks: { moduleLevelDirective: false },
      },
    },
  },
  integrations: [
    // `npm run bench` only: when each stage of the build began and what each route's pages took. First, so its
    // astro:build:done comes before every other integration's.
    ...(env.BUILD_TIMELINE_FILE ? [buildTimeline(env.BUILD_TIMELINE_FILE)] : []),
    mdx(),
    redirectsCheck(),
    // The drawn social cards, copied from the card cache into the build (src/lib/social/card-files.ts).
    socialCardFiles(),
    // Broken internal links and #fragments in article bodies fail the build, at the source line.
    linkCheck(),
    sitemap({
      // One sitemap file holds at most 50,000 URLs; split well before that (SITE.sitemapEntryLimit).
      entryLimit: SITE.sitemapEntryLimit,
      // Embed pages (/embed/<survey>/) are the figure alone for other sites to frame, not pages to find.
      filter: (page) => !/\/404\/?$/.test(page) && !page.endsWith(`/${OFFLINE_PAGE}`) && !/\/embed\//.test(page),
      serialize: (item) => withLastmod(item, lastmods(), absoluteUrl('')),
    }),
    // Search index over the built articles (dist/pagefind), and the last one served in dev.
    pagefind(),
    // astro dev only: says why articles offer feeds when no newsletter endpoint is set.
    newsletterNotice({ endpoint: SITE.newsletter.endpoint }),
    // Last: its build:done lists dist/'s top-level entries for _headers, the sitemap files included.
    securityHeaders({ base: SITE.base, policy }),
  ],
});
