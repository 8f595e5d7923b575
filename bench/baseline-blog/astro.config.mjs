// @ts-check
// Astro's official blog template, cut to what it builds: one glob collection, a post list, a post layout,
// RSS and a sitemap, with the integrations at this project's versions (resolved from the parent
// node_modules). `npm run bench -- --compare-baseline` builds it beside our site on the same posts.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  site: 'https://baseline.example',
  // The bench cleans it before each run, so every build is cold; unset, Astro's default under this folder.
  cacheDir: process.env.BASELINE_CACHE_DIR,
  integrations: [mdx(), sitemap()],
  // `npm run bench -- --incremental --baseline`: the template with Astro's incremental builds switched on,
  // the smallest site that shows what the flag itself costs and saves (docs/benchmarks.md).
  experimental: { incrementalBuild: process.env.BASELINE_INCREMENTAL === '1' },
});
