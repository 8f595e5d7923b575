// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // Separate caches let tests build several content folders side by side.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // Two posts resolving to one URL is an authoring error, never a silent overwrite.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Prism emits classes, not inline styles, so the strict CSP needs no style hashes for code.
    syntaxHighlight: 'prism',
  },
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !/\/404\/?$/.test(page),
    }),
  ],
});
