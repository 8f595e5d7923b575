/**
 * Lighthouse (mobile preset) over the built site, served with its real
 * _headers, in Debian's Chromium. Prints the four category scores per page
 * and writes the full JSON reports. Run `npm run build` first.
 *
 *   npm run audit            # home, an article, the chart article, search
 *   npm run audit -- posts/  # any pages, relative to the base
 *   npm run audit -- --runs=5 --cpu-slowdown=2
 *
 * --runs: audits each page N times and prints the median of each score with
 * its range, as Lighthouse's variability guide recommends (one run's
 * performance score swings with the machine's load).
 * --cpu-slowdown: Lighthouse's CPU multiplier (default 4, meant for a
 * high-end desktop). Each run prints the machine's benchmarkIndex, which
 * Lighthouse's throttling guide (docs/throttling.md, "Calibrating the CPU
 * slowdown") uses to choose a lower multiplier on a weaker machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { freePort } from './lib/free-port.ts';
import { SITE } from '../src/site.config.ts';

const outDir = 'test-results/lighthouse';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '1' }, 'cpu-slowdown': { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const cpuSlowdown = values['cpu-slowdown'] === undefined ? undefined : Number(values['cpu-slowdown']);
if (cpuSlowdown !== undefined && !(cpuSlowdown >= 1)) throw new Error('--cpu-slowdown must be a number ≥ 1');
const pages =
  positionals.length > 0
    ? positionals
    : ['', 'posts/fast-reliable-apis-with-fastapi/', 'posts/top-crypto-narratives-2024/', 'search/?q=depin'];

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** "100", or with several runs "96 (88–100)": the median and the range. */
const scoreText = (xs: number[]) =>
  xs.length === 1 || Math.min(...xs) === Math.max(...xs)
    ? String(median(xs))
    : `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;

mkdirSync(outDir, { recursive: true });
const site = await startStaticServer('dist', { base: SITE.base, compress: true });
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
/** Median score per category and page. */
const summary: Record<string, Record<string, number>> = {};
try {
  for (const path of pages) {
    const url = site.url + path;
    const name = (path || 'home').replace(/[^a-z0-9]+/gi, '_');
    const scoreRuns: Record<string, number[]> = {};
    const failing = new Set<string>();
    const benchmarkIndexes: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        ...(cpuSlowdown === undefined ? {} : { throttling: { cpuSlowdownMultiplier: cpuSlowdown } }),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      for (const [id, category] of Object.entries(result.lhr.categories))
        (scoreRuns[id] ??= []).push(Math.round((category.score ?? 0) * 100));
      benchmarkIndexes.push(Math.round(result.lhr.environment.benchmarkIndex));
      for (const warning of result.lhr.runWarnings) console.warn(`  Lighthouse: ${warning}`);
      writeFileSync(`${outDir}/${name}${runs > 1 ? `-${run}` : ''}.json`, result.report as string);
      for (const audit of Object.values(result.lhr.audits))
        if (
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual'
        )
          failing.add(audit.id);
    }
    summary[path || '/'] = Object.fromEntries(Object.entries(scoreRuns).map(([id, xs]) => [id, median(xs)]));
    const score = (id: string) => scoreText(scoreRuns[id] ?? []);
    console.log(
      `${(path || '/').padEnd(42)} perf ${score('performance')}  a11y ${score('accessibility')}  best ${score('best-practices')}  seo ${score('seo')}` +
        `  benchmarkIndex ${scoreText(benchmarkIndexes)}${failing.size ? `  (below 1: ${[...failing].slice(0, 6).join(', ')})` : ''}`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}
writeFileSync(`${outDir}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`Reports: ${outDir}/`);
