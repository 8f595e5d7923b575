/**
 * The search index that `npm run build` writes (scripts/build.mjs):
 * what it holds and leaves out, the transfer budget of a first query, and the
 * dev server serving the last build's index.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KB, LAZY_BUDGETS } from '../budgets';
import { ROOT, TMP_ROOT, inheritedEnv } from '../support/build-site';
import { freePort } from '../../scripts/lib/free-port';
import { stopProcess } from '../support/stop-process';
import { chromiumAvailable, launchChromium } from '../../scripts/lib/chromium';
import { gzipSize } from '../support/gzip';
import { startStaticServer } from '../../scripts/lib/static-server';
import { SITE } from '../../src/site.config';

const dist = inject('mainDistDir');
const bundle = join(dist, 'pagefind');

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind fragments are gzip'd JSON behind a "pagefind_dcd" signature. */
function fragments(): Fragment[] {
  const dir = join(bundle, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    expect(text.startsWith('pagefind_dcd')).toBe(true);
    return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
  });
}

const articlePaths = () =>
  readdirSync(join(dist, 'posts'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dist, 'posts', d.name, 'index.html')) && !/^\d+$/.test(d.name))
    .map((d) => `/posts/${d.name}/`)
    .sort();

describe('search index in dist/pagefind', () => {
  it('is written by the one build command, with Pagefind JS, WASM, index and fragments', () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind'])
      expect(existsSync(join(bundle, file)), file).toBe(true);
    expect(readdirSync(join(bundle, 'index')).length).toBeGreaterThan(0);
    expect(readdirSync(join(bundle, 'fragment')).length).toBeGreaterThan(0);
    // Pagefind's own UIs are not used (too many bytes for the budgets: see src/components/search/pagefind-client.ts).
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en!.page_count).toBe(articlePaths().length);
  });

  it('holds exactly the published articles: no listing pages, drafts or scheduled posts', () => {
    const urls = fragments()
      .map((f) => f.url)
      .sort();
    expect(urls).toEqual(articlePaths());
    expect(urls).toContain('/posts/top-crypto-narratives-2024/');
    for (const id of ['moon-awards-2025-methodology', 'moon-awards-2026-preview'])
      expect(urls.join(' ')).not.toContain(id);
    const all = fragments()
      .map((f) => f.content)
      .join('\n');
    expect(all).not.toMatch(/quillfeather|larkspurvine/i);
  });

  it('indexes article content only, not navigation, newsletter, disclaimers or Recent posts', () => {
    for (const fragment of fragments()) {
      const text = fragment.content;
      expect(text.length, fragment.url).toBeGreaterThan(1000);
      expect(text, fragment.url).not.toContain(SITE.newsletter.heading);
      expect(text, fragment.url).not.toContain(SITE.newsletter.pitch);
      expect(text, fragment.url).not.toContain('Recent posts');
      expect(text, fragment.url).not.toContain('Keep reading');
      expect(text, fragment.url).not.toContain('Follow new articles');
      expect(text, fragment.url).not.toContain('Skip to content');
      expect(text, fragment.url).not.toContain(SITE.publisher.summary.slice(0, 60));
      expect(text, fragment.url).not.toContain('not investment advice');
      expect(text, fragment.url).not.toMatch(/is for information only|educational and technical in nature/);
    }
    const narratives = fragments().find((f) => f.url === '/posts/top-crypto-narratives-2024/')!;
    expect(narratives.content).toContain('DePIN');
    // The chart's table is part of the article, so its figures are searchable.
    expect(narratives.content).toMatch(/DePIN[^.]*30\.2%/);
  });

  it('carries title, description, date, image and category metadata, and category/author/tags filters', () => {
    for (const fragment of fragments()) {
      const { meta, filters } = fragment;
      expect(meta.title, fragment.url).toBeTruthy();
      expect(meta.description, fragment.url).toBeTruthy();
      expect(meta.date, fragment.url).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['Research', 'Crypto Basics']).toContain(meta.category);
      expect(filters.category).toEqual([meta.category]);
      expect(filters.author).toEqual(['Token Metrics Team']);
      expect(filters.tags?.length, fragment.url).toBeGreaterThan(0);
    }
    const narratives = fragments().find((f) => f.url === '/posts/top-crypto-narratives-2024/')!;
    expect(narratives.meta).toMatchObject({
      title: 'Top Crypto Narratives in 2024 - Token Metrics Moon Awards',
      date: '2024-03-12',
      category: 'Crypto Basics',
    });
    expect(narratives.meta.image).toMatch(/\.(png|jpe?g|webp|avif)$/);
    expect(narratives.meta.image_alt).toBeTruthy();
    expect(narratives.filters.tags).toEqual(expect.arrayContaining(['depin', 'narratives']));
  });

  it('has a date sort', () => {
    // The sort index is in the binary metadata file; its key is stored as plain text.
    const meta = readdirSync(bundle).find((f) => f.endsWith('.pf_meta'))!;
    expect(gunzipSync(readFileSync(join(bundle, meta))).toString('latin1')).toContain('date');
  });

  it('/search/ preloads the Pagefind JS and WASM this build wrote, and no other page does', () => {
    const html = readFileSync(join(dist, 'search/index.html'), 'utf8');
    const preloads = [...html.matchAll(/<link rel="(modulepreload|preload)" href="([^"]+)"([^>]*)>/g)].map((m) => [
      m[1],
      m[2],
      m[3]!.trim(),
    ]);
    expect(preloads).toEqual([
      ['modulepreload', '/pagefind/pagefind.js', ''],
      ['preload', '/pagefind/wasm.en.pagefind', 'as="fetch" crossorigin="anonymous"'],
    ]);
    for (const [, href] of preloads) expect(existsSync(join(dist, href!))).toBe(true);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('/pagefind/');
  });
});

/** JS and JSON are compressed by any host; Pagefind's WASM, index and fragments are gzip files already. */
function transferSize(path: string, served: number): number {
  if (!/\.(js|json|css)$/.test(path)) return served;
  return Math.min(served, gzipSize(readFileSync(join(dist, path.replace(/^\//, '')))));
}

describe.skipIf(!chromiumAvailable)('budget: a first search for "DePIN"', () => {
  it(`transfers at most ${LAZY_BUDGETS.firstSearch} B of Pagefind JS, WASM, index chunks and fragments`, async () => {
    const server = await startStaticServer(dist);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}posts/fast-reliable-apis-with-fastapi/`, { waitUntil: 'networkidle' });
      const start = server.requests.length;
      await page.keyboard.press('Control+k');
      await page.locator('[data-search-dialog] input').fill('DePIN');
      await page.waitForSelector('[data-search-dialog] a.search-result');
      await server.settled();
      // The service worker precaches the search bundle in the background after the first visit,
      // whether or not the reader searches; tests/browser/offline.test.ts owns those bytes.
      const requests = server.requests.slice(start).filter((r) => !r.referer.endsWith('/sw.js'));
      const search = requests.filter((r) => r.path.startsWith('/pagefind/'));
      const rows = search.map((r) => ({ path: r.path, served: r.bytes, transfer: transferSize(r.path, r.bytes) }));
      const total = rows.reduce((n, r) => n + r.transfer, 0);
      const served = rows.reduce((n, r) => n + r.served, 0);
      const ui = requests
        .filter((r) => r.path.startsWith('/_astro/'))
        .map((r) => ({ path: r.path, transfer: transferSize(r.path, r.bytes) }));
      console.log(
        [
          'First search for "DePIN":',
          ...rows.map((r) => `  ${r.path}  ${r.served} B served, ${r.transfer} B compressed`),
          `  total Pagefind: ${total} B (${(total / KB).toFixed(1)} KB) compressed, ${served} B uncompressed`,
          ...ui.map((r) => `  + script after the key press ${r.path}: ${r.transfer} B`),
        ].join('\n'),
      );
      expect(search.every((r) => r.status === 200)).toBe(true);
      expect(search.some((r) => r.path.endsWith('.pf_index'))).toBe(true);
      expect(search.some((r) => r.path.endsWith('.pf_fragment'))).toBe(true);
      expect(
        search.some(
          (r) => r.path.includes('pagefind-worker') || r.path.includes('pagefind-ui') || r.path.includes('highlight'),
        ),
      ).toBe(false);
      expect(total).toBeLessThanOrEqual(LAZY_BUDGETS.firstSearch);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('search in `astro dev` uses the index of the last build', () => {
  const outDir = join(TMP_ROOT, 'search-dev-out');
  let server: ChildProcess;
  let origin = '';
  let output = '';

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...inheritedEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      ASTRO_CACHE_DIR: join(TMP_ROOT, 'search-dev-cache'),
    };
    // --ignore-lock: without it, `astro dev` started by a coding agent (CLAUDECODE=1, ...) detaches a
    // background server and exits, and that server outlives the test, rewriting <root>/.astro.
    server = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--ignore-lock',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--outDir',
        outDir,
      ],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const end = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await fetch(`${origin}/`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > end || server.exitCode !== null) throw new Error(`astro dev did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  afterAll(async () => {
    await stopProcess(server);
    rmSync(outDir, { recursive: true, force: true });
  });

  async function devPageNote(): Promise<string> {
    if (!chromiumAvailable) return '';
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/search/`);
      const note = page.locator('[data-search-dev]');
      await note.waitFor({ state: 'visible', timeout: 30_000 });
      return (await note.textContent()) ?? '';
    } finally {
      await browser.close();
    }
  }

  it('with no build yet, says to run npm run build once (and serves no index)', async () => {
    const status = (await (await fetch(`${origin}/pagefind/dev-status.json`)).json()) as { available: boolean };
    expect(status.available).toBe(false);
    expect((await fetch(`${origin}/pagefind/pagefind.js`)).status).toBe(404);
    if (chromiumAvailable) expect(await devPageNote()).toContain('run npm run build once to enable search in dev');
  });

  it('after a build, serves that index and names the build date', async () => {
    cpSync(bundle, join(outDir, 'pagefind'), { recursive: true });
    const status = (await (await fetch(`${origin}/pagefind/dev-status.json`)).json()) as {
      available: boolean;
      builtAt: string;
      pageCount: number;
    };
    expect(status.available).toBe(true);
    expect(Number.isNaN(Date.parse(status.builtAt))).toBe(false);
    expect(status.pageCount).toBeGreaterThan(0);
    const js = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    if (!chromiumAvailable) return;
    expect(await devPageNote()).toMatch(/uses the index of the last build \(\w+ \d{1,2}, \d{4}/);
    // And the search itself runs over it.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/search/?q=DePIN`);
      await page.locator('[data-search-form] a.search-result').first().waitFor({ timeout: 30_000 });
      expect(
        new URL(
          await page
            .locator('[data-search-form] a.search-result')
            .first()
            .evaluate((a) => (a as HTMLAnchorElement).href),
        ).pathname,
      ).toBe('/posts/top-crypto-narratives-2024/');
    } finally {
      await browser.close();
    }
  });
});
