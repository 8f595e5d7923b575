/**
 * Lighthouse (mobile preset) over the built site, served with its real
 * _headers, in Debian's Chromium. Prints the four category scores per page
 * and writes the full JSON reports. Run `npm run build` first.
 *
 *   npm run audit            # home, an article, the chart article, search
 *   npm run audit -- posts/  # any pages, relative to the base
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { freePort } from './lib/free-port.ts';
import { SITE } from '../src/site.config.ts';

const outDir = 'test-results/lighthouse';
const pages =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['', 'posts/fast-reliable-apis-with-fastapi/', 'posts/top-crypto-narratives-2024/', 'search/?q=depin'];

mkdirSync(outDir, { recursive: true });
const site = await startStaticServer('dist', { base: SITE.base, compress: true });
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
const summary: Record<string, Record<string, number>> = {};
try {
  for (const path of pages) {
    const url = site.url + path;
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const scores = Object.fromEntries(
      Object.entries(result.lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
    );
    summary[path || '/'] = scores;
    const name = (path || 'home').replace(/[^a-z0-9]+/gi, '_');
    writeFileSync(`${outDir}/${name}.json`, result.report as string);
    const failing = Object.values(result.lhr.audits)
      .filter(
        (a) =>
          a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
      )
      .map((a) => a.id);
    console.log(
      `${(path || '/').padEnd(42)} perf ${scores.performance}  a11y ${scores.accessibility}  best ${scores['best-practices']}  seo ${scores.seo}${failing.length ? `  (below 1: ${failing.slice(0, 6).join(', ')})` : ''}`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}
writeFileSync(`${outDir}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`Reports: ${outDir}/`);
