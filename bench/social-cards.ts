/**
 * npx tsx bench/social-cards.ts [--count 300] [--concurrency 1] [--out DIR]
 *
 * Draws `count` varied social cards cold (no content-hash cache: every card is
 * drawn) with the build's renderer, one after another as the social/cards route
 * does (or `--concurrency` at once), and prints CPU and wall time per card.
 * CPU comes from process.cpuUsage(), which counts libvips' worker threads
 * too (the split between the JS main thread and the rest is printed), so the CPU figure holds on a shared, loaded machine where wall time
 * does not. Titles, decks, categories and bylines come from the benchmark's
 * synthetic posts plus the hostile-text fixtures (bidi, CJK, emoji, missing
 * glyphs). `--out` also writes the PNGs, to compare by eye before and after.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePost } from './lib/fixtures';
import { realIds, ROOT } from './generate-fixtures';
import { CARD_COLOURS, layoutCard, type CardContent } from '../src/lib/social/card-layout';
import { cardFonts, renderCardPng } from '../src/lib/social/card-png';
import { authorCard, categoryCard, homeCard, postCard } from '../src/lib/social/cards';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');

const logoSvg = readFileSync(join(ROOT, 'src/assets/brand/logo.svg'), 'utf8');
const site = { name: 'Token Metrics Research', host: 'research.example.com', fallbackTitle: 'Independent research.' };
const hostileDir = join(ROOT, 'tests/fixtures/hostile/posts');
const hostileTitles = readdirSync(hostileDir).map((file) => {
  const line = readFileSync(join(hostileDir, file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('title: '))!;
  return JSON.parse(line.slice('title: '.length)) as string;
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const fixtureOptions = {
  format: 'mdx' as const,
  seed: 42,
  categories: realIds('categories'),
  authors: ['Token Metrics Team'],
};

/** Card `i`: mostly posts as the bench builds them, every 5th with a deck, and the other card kinds and hostile titles mixed in. */
function content(i: number): CardContent {
  if (i === 0)
    return homeCard({ tagline: 'Independent research on crypto markets, in plain words.', publisher: 'Token Metrics' });
  if (i % 97 === 1)
    return categoryCard({
      name: 'Research',
      description: 'Long reads on markets, protocols and the data behind them.',
    });
  if (i % 89 === 2)
    return authorCard({
      name: 'Token Metrics Team',
      role: 'Research desk',
      bio: 'Analysts and engineers who write about crypto markets.',
    });
  const post = generatePost(i, fixtureOptions);
  const title = i % 50 === 3 ? hostileTitles[Math.floor(i / 50) % hostileTitles.length]! : post.frontmatter.title;
  return postCard({
    title,
    deck: i % 5 === 0 ? post.frontmatter.description.slice(0, 120) : '',
    category: post.frontmatter.category.replace(/-/g, ' '),
    author: post.frontmatter.author,
    date: dateFormat.format(new Date(post.frontmatter.pubDate)),
  });
}

const { covers } = cardFonts();
const specs = Array.from({ length: count }, (_, i) => layoutCard(content(i), site, CARD_COLOURS, covers));
if (values.out) mkdirSync(values.out, { recursive: true });

// One card first, so the per-process setup (fontconfig, the background) is not counted per card.
await renderCardPng(specs[0]!, logoSvg);

const cpu0 = process.cpuUsage();
const js0 = process.threadCpuUsage();
const wall0 = performance.now();
let bytes = 0;
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < specs.length) {
      const i = next++;
      const png = await renderCardPng(specs[i]!, logoSvg);
      bytes += png.length;
      if (values.out) writeFileSync(join(values.out, `${String(i).padStart(4, '0')}.png`), png);
    }
  }),
);
const wall = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
const js = process.threadCpuUsage(js0);
const perCard = (ms: number) => (ms / count).toFixed(2);
console.log(
  `${count} cards, concurrency ${concurrency}: ` +
    `CPU ${perCard((cpu.user + cpu.system) / 1000)} ms/card (user ${perCard(cpu.user / 1000)}, system ${perCard(cpu.system / 1000)}; ` +
    `JS main thread ${perCard((js.user + js.system) / 1000)}, libvips/libuv threads ${perCard((cpu.user + cpu.system - js.user - js.system) / 1000)}), ` +
    `wall ${perCard(wall)} ms/card, ${(bytes / count / 1024).toFixed(1)} KiB/card`,
);
