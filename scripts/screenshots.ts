/**
 * Screenshots of the built site in headless Chromium: light and dark, 390 and
 * 1280 px wide, for people to look at. Usage: npm run screenshots -- [paths...]
 */
import { mkdirSync } from 'node:fs';
import { startStaticServer } from './lib/static-server.ts';
import { launchChromium } from './lib/chromium.ts';
import { SITE } from '../src/site.config.ts';

const outDir = 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });
const args = process.argv.slice(2);
const noJs = args.includes('--no-js');
const fullPage = args.includes('--full');
const scrollTo = Number(args.find((a) => a.startsWith('--scroll='))?.slice(9) ?? 0);
// Paths are relative to the site's base; a leading slash (as in /search/) would make a protocol-relative URL.
const pages = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/^\/+/, ''));
const targets =
  pages.length > 0
    ? pages
    : [
        '',
        'posts/top-crypto-narratives-2024/',
        'posts/fast-reliable-apis-with-fastapi/',
        'posts/',
        'search/',
        '404.html',
      ];
const server = await startStaticServer('dist', { base: SITE.base });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
        javaScriptEnabled: !noJs,
      });
      const page = await context.newPage();
      for (const target of targets) {
        await page.goto(server.url + target, { waitUntil: 'networkidle' });
        const name = `${(target || 'home').replace(/[^a-z0-9]+/gi, '_')}-${scheme}-${width}${noJs ? '-nojs' : ''}.png`;
        if (scrollTo) await page.evaluate((y) => window.scrollTo(0, y), scrollTo);
        await page.waitForTimeout(scrollTo ? 800 : 0);
        await page.screenshot({ path: `${outDir}/${name}`, fullPage });
        console.log(`${outDir}/${name}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
