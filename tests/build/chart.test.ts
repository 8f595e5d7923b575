/**
 * Budgets and outputs of the vote chart, checked over the real built dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, listFiles } from '../support/dist';
import { surveySchema } from '../../src/lib/chart/survey-schema';
import { deriveSurvey, surveyToCsv } from '../../src/lib/chart/survey';
import { KB, LAZY_BUDGETS } from '../budgets';
import { expectDownloadsCarryCredit } from '../support/chart-downloads';

const dist = inject('mainDistDir');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

const SURVEY = 'moon-awards-2024-narratives';
const ARTICLE = 'posts/top-crypto-narratives-2024/index.html';
/** The island (Chart.js bars + island code; the doughnut view loads on first use), gzipped, in 1,000-byte KB. */
const ISLAND_BUDGET = LAZY_BUDGETS.chartIsland;
const LOADER_BUDGET = 2 * KB;
const SVG_BUDGET = LAZY_BUDGETS.inlineChartSvg;

const data = surveySchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, `../../src/content/surveys/${SURVEY}.json`), 'utf8')),
);
const view = deriveSurvey(SURVEY, data);

/** Relative JS specifiers a chunk imports statically and dynamically. */
function imports(code: string): { static: string[]; dynamic: string[] } {
  const stat = [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g),
  ].map((m) => m[1]!);
  const dyn = [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { static: stat, dynamic: dyn };
}
const chunk = (name: string) => read(join('_astro', basename(name)));

/** A chunk and everything it imports statically, i.e. what loads together with it. */
function closure(names: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const file = basename(name);
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of imports(chunk(file)).static) visit(dep);
  };
  names.forEach(visit);
  return seen;
}

const scriptSrcs = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
const preloads = (html: string) =>
  [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);

describe('vote chart budgets', () => {
  const html = read(ARTICLE);
  const pageScripts = scriptSrcs(html).filter((s) => s.includes('/_astro/'));
  // Other features (search) ship their own scripts; the chart's is VoteChart's loader.
  const loaders = pageScripts.filter((s) => /VoteChart\.astro_astro_type_script/.test(s));
  const initial = closure(loaders.map((s) => basename(s)));
  const dynamicTargets = [...initial].flatMap((f) => imports(chunk(f)).dynamic.map((d) => basename(d)));
  const island = new Set([...closure(dynamicTargets)].filter((f) => !initial.has(f)));

  it('the article loads one small chart loader up front', () => {
    expect(loaders).toHaveLength(1);
    const loaderSize = [...initial].reduce((sum, f) => sum + gz(chunk(f)), 0);
    console.info(`chart loader: ${loaderSize} B gzipped (${[...initial].join(', ')})`);
    expect(loaderSize).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it('Chart.js is only in chunks the loader imports dynamically, none preloaded', () => {
    expect(island.size).toBeGreaterThan(0);
    for (const f of initial) expect(chunk(f)).not.toMatch(/BarController|DoughnutController|_sortedMetasets/);
    const islandCode = [...island].map(chunk).join('\n');
    expect(islandCode).toMatch(/_sortedMetasets/); // Chart.js core is in the island
    for (const f of island) expect(html).not.toContain(f);
    for (const href of preloads(html)) expect(island.has(basename(href))).toBe(false);
  });

  it(`the island is at most ${ISLAND_BUDGET / KB} KB (${ISLAND_BUDGET} B) gzipped`, () => {
    const size = [...island].reduce((sum, f) => sum + gz(chunk(f)), 0);
    console.info(`chart island: ${size} B gzipped (${(size / KB).toFixed(1)} KB) in ${[...island].join(', ')}`);
    expect(size).toBeLessThanOrEqual(ISLAND_BUDGET);
  });

  it('the sonification loads only when Play is pressed: a dynamic import of the island, outside its budget', () => {
    const sonify = [...island].flatMap((f) => imports(chunk(f)).dynamic.map((d) => basename(d)));
    const player = sonify.filter((f) => /vote-chart-sonify/.test(f));
    expect(player).toHaveLength(1);
    expect(island.has(player[0]!)).toBe(false);
    expect(html).not.toContain(player[0]!);
    expect(chunk(player[0]!)).toMatch(/AudioContext/);
    for (const f of [...initial, ...island]) expect(chunk(f)).not.toMatch(/new AudioContext|OscillatorNode/);
    console.info(`sonification chunk: ${gz(chunk(player[0]!))} B gzipped (${player[0]})`);
  });

  it('registers Chart.js piece by piece, never chart.js/auto', () => {
    const all = listFiles(join(dist, '_astro'), (p) => p.endsWith('.js'))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    // chart.js/auto registers every controller; these are the ones the chart never uses.
    expect(all).not.toMatch(/RadarController|PolarAreaController|BubbleController|ScatterController|TimeSeriesScale/);
  });

  it('pages without a chart reference no chart code', () => {
    const chartFiles = [...initial, ...island];
    // The article and the embed pages (/embed/<survey>/, the figure alone) are the pages with a chart.
    const pages = htmlFiles(dist).filter((f) => !f.endsWith(ARTICLE) && !f.includes('/embed/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      expect(text, page).not.toContain('<vote-chart');
      for (const f of chartFiles) expect(text, page).not.toContain(f);
      // The chart's CSS is part of the site's one stylesheet (astro.config.mjs), so no page names a chart file.
      expect(text, page).not.toMatch(/vote-chart|VoteChart/);
    }
  });

  it(`the inline SVG is at most ${SVG_BUDGET / KB} KB gzipped`, () => {
    const svgs = [...html.matchAll(/<svg[^>]*class="vc-svg"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(1);
    const size = gz(svgs[0]!);
    console.info(`inline chart SVG: ${svgs[0]!.length} B, ${size} B gzipped`);
    expect(size).toBeLessThanOrEqual(SVG_BUDGET);
  });
});

describe('vote chart outputs', () => {
  const html = read(ARTICLE);

  it('the figure holds the takeaway, source, SVG, table and data links', () => {
    const figure = html.match(/<figure class="vote-chart"[\s\S]*?<\/figure>/)![0];
    expect(figure).toContain('DePIN leads with 30.2%, ahead of AI at 18.8%');
    expect(figure).toContain('Source: Token Metrics Moon Awards community survey');
    expect(figure).toMatch(/<svg[^>]*role="img"/);
    expect(figure).toMatch(/<table[^>]*>\s*<caption/);
    expect(figure).toContain(`href="/data/${SURVEY}.csv"`);
    expect(figure).toContain(`href="/data/${SURVEY}.json"`);
  });

  it('the figure links CSV, JSON, SVG and PNG downloads and states the licence, without JavaScript', () => {
    const figure = html.match(/<figure class="vote-chart"[\s\S]*?<\/figure>/)![0];
    for (const format of ['csv', 'json', 'svg', 'png']) {
      expect(figure).toMatch(
        new RegExp(
          `<a href="/data/${SURVEY}\\.${format}" download="${SURVEY}\\.${format}"[^>]*>${format.toUpperCase()}</a>`,
        ),
      );
    }
    expect(figure).toContain(`Licence: ${data.licence.name.replace(/'/g, '&#39;')}`);
  });

  it('each download exists and carries the survey name, source and licence line', async () => {
    await expectDownloadsCarryCredit(dist, view);
  });

  it('every section the chart links to exists in the article', () => {
    for (const entry of data.entries) expect(html).toMatch(new RegExp(`<h2[^>]*id="${entry.section}"`));
  });

  it('the CSV download exists and matches the data', () => {
    const csv = read(`data/${SURVEY}.csv`);
    expect(csv).toBe(surveyToCsv(view));
    const rows = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    for (const entry of data.entries)
      expect(rows).toContainEqual([
        String(entry.rank),
        entry.name,
        entry.label ?? entry.name,
        entry.share.toFixed(1),
        entry.section,
      ]);
    expect(rows.at(-1)).toEqual(['', 'Not listed', 'Not listed', '3.8', '']);
  });

  it('the JSON download exists and matches the data', () => {
    const json = JSON.parse(read(`data/${SURVEY}.json`));
    expect(json.entries).toEqual(
      [...data.entries]
        .sort((a, b) => a.rank - b.rank)
        .map((e) => ({ rank: e.rank, name: e.name, label: e.label ?? e.name, share: e.share, section: e.section })),
    );
    expect(json.remainder).toEqual({ name: 'Not listed', share: 3.8, derived: true });
    expect(json.source.name).toBe(data.source.name);
  });

  it('the article shares a 1200×630 chart PNG as og:image and twitter:image', async () => {
    const og = html.match(/<meta property="og:image" content="([^"]+)"/)![1]!;
    const tw = html.match(/<meta name="twitter:image" content="([^"]+)"/)![1]!;
    expect(og).toMatch(new RegExp(`/og/${SURVEY}\\.png$`));
    expect(tw).toBe(og);
    expect(html).toMatch(
      /<meta property="og:image:alt" content="Bar chart: Which crypto narrative will lead in 2024\? DePIN leads/,
    );
    const file = join(dist, 'og', `${SURVEY}.png`);
    expect(existsSync(file)).toBe(true);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('the home page offers the card at thumbnail widths, so a phone need not fetch the 1200 px PNG', async () => {
    const img = read('index.html').match(/<img class="featured__image"[^>]*>/)![0];
    const srcset = img
      .match(/srcset="([^"]+)"/)![1]!
      .split(', ')
      .map((candidate) => candidate.split(' '));
    expect(srcset).toEqual([
      [`/og/${SURVEY}-600w.png`, '600w'],
      [`/og/${SURVEY}-900w.png`, '900w'],
      [`/og/${SURVEY}.png`, '1200w'],
    ]);
    expect(img).toMatch(/ sizes="[^"]*calc\(100vw - 6rem\)"/);
    const png = readFileSync(join(dist, 'og', `${SURVEY}.png`));
    for (const [path, descriptor] of srcset.slice(0, 2)) {
      const file = readFileSync(join(dist, path!));
      const width = Number.parseInt(descriptor!, 10);
      expect(await sharp(file).metadata()).toMatchObject({
        format: 'png',
        width,
        height: Math.round((width * 630) / 1200),
      });
      expect(file.length).toBeLessThan(png.length);
    }
  });
});
