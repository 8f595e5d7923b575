/**
 * JavaScript a page costs before any interaction, measured in Chromium: the
 * inline theme script plus every script file the page fetches while the
 * reader has not scrolled, typed or clicked. Budgets: tests/budgets.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { chromiumAvailable } from '../../scripts/lib/chromium';
import { serveInChromium } from '../support/served-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { gzipSize } from '../support/gzip';
import { PAGE_BUDGETS } from '../budgets';
import { elements } from '../support/dist';

describe.skipIf(!chromiumAvailable)('byte budgets: JavaScript before interaction (gzip)', () => {
  const dist = inject('mainDistDir');
  const site = serveInChromium(() => startStaticServer(dist));

  it.each(Object.entries(PAGE_BUDGETS))('%s', async (type, budget) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(site.server.url + budget.example, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const html = readFileSync(join(dist, budget.example, 'index.html'), 'utf8');
      const inline = elements(html)
        .filter((e) => e.name === 'script' && !e.attributes.src && e.attributes.type !== 'application/ld+json')
        .reduce((sum, e) => sum + gzipSize(e.text), 0);
      const files = scripts.reduce((sum, path) => sum + gzipSize(readFileSync(join(dist, path))), 0);
      console.log(
        `${type}: inline ${inline} B + files ${files} B (${scripts.join(', ') || 'none'}) / ${budget.jsBeforeInteraction}`,
      );
      expect(inline + files).toBeLessThanOrEqual(budget.jsBeforeInteraction);
      expect(
        scripts.some((s) => /chart|pagefind/i.test(s) && !/VoteChart\.astro_astro_type_script/.test(s)),
        'no chart or search engine code before interaction',
      ).toBe(false);
    } finally {
      await page.close();
    }
  });
});
