/**
 * Screenshots of the built site in headless Chromium: light and dark, 390 and
 * 1280 px wide, for people to look at. Usage:
 *   npm run screenshots -- [paths...] [--full] [--no-js] [--scroll=N] [--widths=360,640] [--out=DIR]
 * With no paths, one page of every type is shot.
 */
import { mkdirSync } from 'node:fs';
import { startStaticServer } from './lib/static-server.ts';
import { launchChromium } from './lib/chromium.ts';
import { SITE } from '../src/site.config.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outDir = option('out') ?? 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });
const widths = (option('widths') ?? '390,1280').split(',').map(Number);
const noJs = args.includes('--no-js');
const fullPage = args.includes('--full');
const scrollTo = Number(option('scroll') ?? 0);
// Paths are relative to the site's base; a leading slash (as in /search/) would make a protocol-relative URL.
const pages = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/^\/+/, ''));
const targets =
  pages.length > 0
    ? pages
    : [
        '',
        'posts/top-crypto-narratives-2024/',
        'posts/fast-reliable-apis-with-fastapi/',
        'embed/moon-awards-2024-narratives/',
        'posts/',
        'tags/',
        'tags/fastapi/',
        'categories/research/',
        'authors/token-metrics-team/',
        'search/',
        'subscribe/',
        'offline/',
        '404.html',
      ];
const server = await startStaticServer('dist', { base: SITE.base });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
        javaScriptEnabled: !noJs,
      });
      const page = await context.newPage();
      for (const target of targets) {
        await page.goto(server.url + target, { waitUntil: 'networkidle' });
        const name = `${(target || 'home').replace(/[^a-z0-9]+/gi, '_')}-${scheme}-${width}${noJs ? '-nojs' : ''}.png`;
        // A full-page shot does not scroll, so walk the page first: islands that mount near the viewport (the chart) do.
        if (fullPage && !noJs) {
          await page.evaluate(async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
              window.scrollTo(0, y);
              await new Promise((resolve) => setTimeout(resolve, 60));
            }
            window.scrollTo(0, 0);
          });
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(600);
        }
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
