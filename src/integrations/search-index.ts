/**
 * Writes the Pagefind index for a built site: only article pages, into
 * `<outDir>/pagefind/`. Called from the Astro integration (src/integrations/pagefind.ts)
 * and, for `npm run build`, from scripts/build.mjs once `astro build` has exited,
 * so the indexer's memory does not add to Astro's at 10,000 posts.
 *
 * It runs Pagefind's own binary (the one `npx pagefind` runs) rather than the
 * Node API: the output is byte for byte the same, the CLI is faster (1,000
 * posts: 5.0–5.3 s against 6.1–6.4 s; 10,000: 51–57 s against 63–72 s), and the
 * build sees the indexer's exit status, so a kill for lack of memory is reported
 * as such (the Node API never settles then, and the build exited 0 without an index).
 *
 * Plain erasable TypeScript: scripts/build.mjs imports it with Node's type stripping.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Only article pages are indexed. Post ids always contain a letter (all-digit
 * slugs are refused by new-post), which keeps the listing pages /posts/2/…
 * out of the indexer's way entirely.
 */
const ARTICLE_GLOB = 'posts/*[a-z]*/index.html';
export const BUNDLE_DIR = 'pagefind';
/** Every article is English; one language means one WASM file with a fixed name. */
export const INDEX_LANGUAGE = 'en';
export const WASM_FILE = `wasm.${INDEX_LANGUAGE}.pagefind`;

/** Set by scripts/build.mjs for its `astro build` child: index after Astro exits instead. */
export const DEFER_ENV = 'SEARCH_INDEX_AFTER_BUILD';

/**
 * Memory the indexer needs, measured (docs/benchmarks.md): it holds every page,
 * twice, while it writes the index: ~4.5 GB at 10,000 articles of 1,000–1,500 words.
 */
export const INDEXER_MB_PER_1000_PAGES = 460;

/**
 * The binary the `pagefind` package's own wrapper runs (its lib/resolveBinary.js,
 * which the package does not export): an env override, else the platform package.
 */
function pagefindBinary(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const override = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (override) return override;
  }
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`no Pagefind binary for ${platform}-${process.arch}; reinstall with npm ci`);
}

/** The article folders under <outDir>/posts that ARTICLE_GLOB indexes (listing pages are all digits), sorted. */
export function builtArticleSlugs(outDir: string): string[] {
  try {
    return readdirSync(join(outDir, 'posts'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && /[a-z]/.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

function killedMessage(outDir: string, signal: string): string {
  const pages = builtArticleSlugs(outDir).length;
  const needMb = Math.ceil((pages / 1000) * INDEXER_MB_PER_1000_PAGES + 200);
  return [
    `the indexer was killed (${signal}) before it finished, most likely by the operating system for lack of memory.`,
    `  Indexing ${pages.toLocaleString('en')} ${pages === 1 ? 'article' : 'articles'} needs about ${needMb.toLocaleString('en')} MB (docs/benchmarks.md); raise the runner's or container's memory limit.`,
  ].join('\n');
}

export async function buildSearchIndex(outDir: string): Promise<{ pageCount: number; ms: number }> {
  const started = performance.now();
  const args = ['--site', outDir, '--glob', ARTICLE_GLOB, '--output-subdir', BUNDLE_DIR, '--force-language', INDEX_LANGUAGE, '--quiet'];
  const child = spawn(pagefindBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  // --quiet leaves warnings and errors; pass them on, and keep the tail for the error message.
  let output = '';
  const relay = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    to.write(chunk);
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  if (signal === 'SIGKILL' || code === 137) throw new Error(killedMessage(outDir, signal ?? 'exit code 137'));
  if (code !== 0) throw new Error(`indexing failed (${signal ?? `exit code ${code}`}): ${output.trim() || 'no output'}`);
  const entry = JSON.parse(readFileSync(join(outDir, BUNDLE_DIR, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pageCount = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  return { pageCount, ms: Math.round(performance.now() - started) };
}

export function indexedMessage({ pageCount, ms }: { pageCount: number; ms: number }): string {
  return `Pagefind indexed ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} in ${ms} ms → ${BUNDLE_DIR}/`;
}
