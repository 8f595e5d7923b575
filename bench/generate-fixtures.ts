/**
 * Writes N deterministic synthetic posts for benchmarks and scale tests.
 *
 *   npx tsx bench/generate-fixtures.ts --count 1000 [--format md|mdx] [--seed 42] [--out DIR]
 *
 * DIR defaults to bench/tmp/content-<N>/posts. Build against it with
 * CONTENT_DIR=<DIR>/.. (authors and categories fall back to the real ones).
 * Refuses to write into src/content.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePosts, type FixtureFormat } from './lib/fixtures';

export const ROOT = resolve(import.meta.dirname, '..');

/** Ids of a real collection folder (file names without .json). */
export function realIds(collection: 'authors' | 'categories'): string[] {
  return readdirSync(join(ROOT, 'src/content', collection))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export interface WriteFixturesOptions {
  count: number;
  format: FixtureFormat;
  seed?: number;
  /** The posts folder; defaults to bench/tmp/content-<count>[-md]/posts. */
  outDir?: string | undefined;
}

export function defaultFixtureDir(count: number, format: FixtureFormat): string {
  return join(ROOT, 'bench/tmp', `content-${count}${format === 'md' ? '-md' : ''}`, 'posts');
}

/** Writes the posts (replacing the folder) and returns the posts folder. */
export function writeFixtures({ count, format, seed = 42, outDir }: WriteFixturesOptions): string {
  const dir = resolve(outDir ?? defaultFixtureDir(count, format));
  const rel = relative(join(ROOT, 'src/content'), dir);
  if (!rel.startsWith('..')) throw new Error(`refusing to write fixtures into src/content (${dir})`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const options = { format, seed, categories: realIds('categories'), authors: realIds('authors') };
  for (const post of generatePosts(count, options)) writeFileSync(join(dir, post.fileName), post.source);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', short: 'n', default: '100' },
      format: { type: 'string', default: 'mdx' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${values.count}`);
  if (values.format !== 'md' && values.format !== 'mdx')
    throw new Error(`--format must be md or mdx, got ${values.format}`);
  const started = performance.now();
  const dir = writeFixtures({ count, format: values.format, seed: Number(values.seed), outDir: values.out });
  console.log(
    `Wrote ${count} .${values.format} posts to ${relative(process.cwd(), dir)} in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`Build with: CONTENT_DIR=${relative(ROOT, resolve(dir, '..'))} npm run build -- --outDir bench/tmp/out`);
}
