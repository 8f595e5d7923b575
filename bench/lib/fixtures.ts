/**
 * Pure, deterministic generator of synthetic posts for benchmarks. No clock, no
 * Math.random: the same (seed, index, options) always gives the same bytes.
 * The CLI (bench/generate-fixtures.ts) writes what this returns to disk.
 */

import { analysePost } from '../../src/lib/content/post-source';

export const MIN_WORDS = 1000;
export const MAX_WORDS = 1500;

export type FixtureFormat = 'md' | 'mdx';

export interface FixtureOptions {
  format: FixtureFormat;
  seed: number;
  /** Real ids; every post references one of each. */
  categories: readonly string[];
  authors: readonly string[];
}

export interface FixturePost {
  /** File name inside the posts folder, e.g. "00042-staking-yields-explained.mdx". */
  fileName: string;
  id: string;
  frontmatter: {
    title: string;
    description: string;
    pubDate: string;
    updatedDate?: string;
    category: string;
    author: string;
    tags: string[];
  };
  body: string;
  /** The whole file: frontmatter block plus body. */
  source: string;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A per-post stream, so post i does not depend on how many posts precede it. */
function postRng(seed: number, index: number): () => number {
  return mulberry32((Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(index + 1, 40503)) >>> 0);
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
/** Zipf-like pick: early items far more likely, like real word and tag frequencies. */
const pickZipf = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.min(items.length - 1, Math.floor(items.length * rng() ** 1.8))]!;

/** Tag vocabulary: a realistic long tail of crypto and engineering topics. */
export const TAGS: readonly string[] = [
  'bitcoin',
  'ethereum',
  'defi',
  'altcoins',
  'trading',
  'market-analysis',
  'stablecoins',
  'layer-2',
  'nft',
  'staking',
  'ai',
  'depin',
  'gamefi',
  'regulation',
  'security',
  'wallets',
  'solana',
  'on-chain-data',
  'tokenomics',
  'rwa',
  'airdrops',
  'dao',
  'exchanges',
  'python',
  'apis',
  'fastapi',
  'data-engineering',
  'machine-learning',
  'portfolio',
  'risk-management',
  'taxes',
  'mining',
  'privacy',
  'interoperability',
  'oracles',
  'memecoins',
  'zk-proofs',
  'restaking',
  'liquidity',
  'derivatives',
  'etf',
  'macro',
  'cardano',
  'polkadot',
  'avalanche',
  'cosmos',
  'bridges',
  'smart-contracts',
  'audits',
  'web3',
  'typescript',
  'postgres',
  'backtesting',
  'sentiment',
  'indicators',
  'moon-awards',
  'narratives',
  'custody',
  'lending',
  'yield-farming',
];

const COMMON = (
  'the of and to in a is that for it as with was on be by this are or from at an which have has but not they more can ' +
  'their will one all would there been if when so what about who into than them some time only other its these may then ' +
  'also most over such new after first any where most well much before through between each those both under while ' +
  'because same how long many even still being since without again against during often around however later usually'
).split(' ');

const DOMAIN = (
  'market price token network protocol investors traders chain block validator fees liquidity volume supply demand risk ' +
  'yield wallet exchange contract developer users capital research data model signal trend rating score analysis ' +
  'volatility portfolio strategy position asset coin ledger consensus node staking rewards governance proposal treasury ' +
  'bridge rollup sequencer oracle collateral loan borrower lender margin leverage derivative futures option funding ' +
  'index benchmark metric dashboard pipeline query endpoint latency throughput cache schema request response service ' +
  'deployment monitoring alert regulation compliance custody security audit exploit vulnerability incident recovery ' +
  'adoption growth cycle halving emission inflation burn treasury revenue valuation sentiment narrative community ' +
  'builders ecosystem integration interoperability scalability throughput settlement finality privacy proof circuit'
).split(' ');

const VERBS = (
  'shows suggests measures tracks compares explains reduces increases tests confirms limits supports changes drives ' +
  'affects reveals predicts signals favours weakens strengthens builds ranks filters scores aggregates normalises'
).split(' ');

const ADJECTIVES = (
  'on-chain liquid volatile stable decentralized modular cheap expensive early mature risky durable scalable secure ' +
  'transparent fragmented concentrated seasonal structural cyclical speculative defensive practical reliable'
).split(' ');

const TOPICS = [
  'Bitcoin halving cycles',
  'Ethereum staking yields',
  'layer-2 rollup fees',
  'stablecoin reserves',
  'DeFi lending risk',
  'DePIN networks',
  'AI tokens',
  'GameFi economies',
  'real-world asset tokenization',
  'crypto exchange security',
  'on-chain analytics pipelines',
  'FastAPI data services',
  'portfolio rebalancing',
  'altcoin seasons',
  'memecoin liquidity',
  'zero-knowledge proofs',
  'restaking protocols',
  'oracle design',
  'crypto tax reporting',
  'wallet recovery',
  'DAO governance',
  'cross-chain bridges',
  'market sentiment models',
  'trading indicators',
  'Solana throughput',
];

/** Words a post on each topic keeps coming back to (the topic's own words plus a few of its field). */
const TOPIC_FIELDS: Record<string, string> = {
  bitcoin: 'miners hashrate issuance subsidy difficulty satoshis',
  halving: 'miners issuance subsidy supply scarcity',
  ethereum: 'validators gas blobs withdrawals beacon',
  staking: 'validators slashing withdrawals delegation apr',
  layer: 'rollups sequencers blobs bridging calldata',
  stablecoin: 'reserves attestations peg redemptions treasuries',
  defi: 'lending liquidations collateral pools vaults',
  depin: 'hardware coverage hotspots sensors bandwidth',
  ai: 'agents inference models compute datasets',
  gamefi: 'players guilds quests marketplaces emissions',
  tokenization: 'issuers custodians bonds treasuries settlement',
  security: 'exploits audits keys phishing bounties',
  analytics: 'indexers queries dashboards labels cohorts',
  fastapi: 'endpoints pydantic uvicorn routers latency',
  portfolio: 'allocation drawdown correlation weights rebalancing',
  altcoin: 'dominance rotation breadth seasons',
  memecoin: 'launches holders snipers bonding liquidity',
  zero: 'provers circuits verifiers recursion witnesses',
  restaking: 'operators avs slashing middleware delegation',
  oracle: 'feeds deviations heartbeats aggregators manipulation',
  tax: 'lots basis gains jurisdictions reporting',
  wallet: 'seeds guardians passkeys recovery multisig',
  dao: 'delegates quorum proposals treasury votes',
  bridges: 'relayers messages lockups finality exploits',
  sentiment: 'social mentions funding polls fear greed',
  trading: 'indicators crossovers backtests signals momentum',
  solana: 'validators slots fees throughput congestion',
};

function topicWords(topic: string): string[] {
  const words = topic
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2);
  const field = words.flatMap((w) =>
    (TOPIC_FIELDS[w.replace(/s$/, '')] ?? TOPIC_FIELDS[w] ?? '').split(' ').filter(Boolean),
  );
  return [...new Set([...words, ...field])];
}

const TITLE_TEMPLATES = [
  (t: string) => `${t}: a practical guide`,
  (t: string) => `What ${t} tell us about the next cycle`,
  (t: string) => `${t} explained for investors`,
  (t: string) => `How we measure ${t}`,
  (t: string) => `${t} in numbers`,
  (t: string) => `Five lessons from ${t}`,
  (t: string) => `${t}: risks, signals and trade-offs`,
];

const CODE_SAMPLES: readonly { lang: string; code: string }[] = [
  {
    lang: 'python',
    code: [
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '@app.get("/prices/{symbol}")',
      'async def price(symbol: str) -> dict[str, float]:',
      '    quote = await fetch_quote(symbol.upper())',
      '    return {"symbol": symbol, "price": quote.last, "change": quote.change_24h}',
    ].join('\n'),
  },
  {
    lang: 'ts',
    code: [
      'export function movingAverage(values: number[], window: number): number[] {',
      '  const out: number[] = [];',
      '  let sum = 0;',
      '  values.forEach((v, i) => {',
      '    sum += v;',
      '    if (i >= window) sum -= values[i - window]!;',
      '    if (i >= window - 1) out.push(sum / window);',
      '  });',
      '  return out;',
      '}',
    ].join('\n'),
  },
  {
    lang: 'bash',
    code: [
      'curl -s "https://api.example.com/v2/tokens?limit=50" \\',
      '  -H "accept: application/json" \\',
      "  | jq '.data[] | {symbol, score}'",
    ].join('\n'),
  },
  {
    lang: 'json',
    code: [
      '{',
      '  "symbol": "ETH",',
      '  "traderGrade": 71.4,',
      '  "investorGrade": 83.2,',
      '  "signal": "bullish"',
      '}',
    ].join('\n'),
  },
];

const SYLLABLES = [
  'ar',
  'bel',
  'cor',
  'dex',
  'eon',
  'fi',
  'gal',
  'hex',
  'io',
  'jun',
  'kai',
  'lum',
  'mor',
  'nex',
  'ori',
  'pax',
  'qua',
  'ra',
  'sol',
  'tor',
  'umb',
  'vex',
  'wen',
  'xo',
  'yel',
  'zen',
];

function properNoun(rng: Rng): string {
  const name = Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
  return name[0]!.toUpperCase() + name.slice(1);
}

/**
 * Content-word vocabulary, commonest first: the real domain words, then a long
 * tail of made-up words. Real prose spreads over tens of thousands of words, so
 * a typical search term occurs in a small share of posts; with only a few
 * hundred words every term would be in every post, and search index sizes
 * (which grow with the posts a term occurs in) would be far from real ones.
 */
export const CONTENT_VOCABULARY_SIZE = 8000;
const CONTENT_VOCABULARY: readonly string[] = (() => {
  const words = new Set(DOMAIN);
  const rng = mulberry32(0x5eed);
  while (words.size < CONTENT_VOCABULARY_SIZE)
    words.add(Array.from({ length: int(rng, 2, 4) }, () => pick(rng, SYLLABLES)).join(''));
  return [...words];
})();
/**
 * Zipf's law as it holds for English: the word of rank r has frequency ∝ 1/(r + k).
 * Content words rank below ~50 function words (the COMMON list), hence the offset.
 */
const ZIPF_OFFSET = 50;
const CONTENT_CDF: Float64Array = (() => {
  const cdf = new Float64Array(CONTENT_VOCABULARY.length);
  let sum = 0;
  CONTENT_VOCABULARY.forEach((_, rank) => (cdf[rank] = sum += 1 / (rank + ZIPF_OFFSET)));
  return cdf.map((c) => c / sum);
})();

function contentWord(rng: Rng): string {
  const u = rng();
  let lo = 0;
  let hi = CONTENT_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CONTENT_CDF[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return CONTENT_VOCABULARY[lo]!;
}

/** What a post is about: its made-up names and the words of its topic, which recur through it (real text is bursty). */
interface Voice {
  names: readonly string[];
  topicWords: readonly string[];
}

function word(rng: Rng, voice: Voice): string {
  const r = rng();
  if (r < 0.5) return pickZipf(rng, COMMON);
  if (r < 0.8) return contentWord(rng);
  if (r < 0.86) return pickZipf(rng, voice.topicWords);
  if (r < 0.91) return pick(rng, ADJECTIVES);
  if (r < 0.97) return pick(rng, VERBS);
  return pick(rng, voice.names);
}

/** One sentence, with occasional emphasis, strong text or a link. */
function sentence(rng: Rng, voice: Voice): { text: string; words: number } {
  const n = int(rng, 9, 22);
  const words = Array.from({ length: n }, () => word(rng, voice));
  const decorate = rng();
  if (decorate < 0.12) {
    const i = int(rng, 1, n - 1);
    words[i] = `*${words[i]}*`;
  } else if (decorate < 0.2) {
    const i = int(rng, 1, n - 2);
    words[i] = `**${words[i]} ${words[i + 1]}**`;
    words.splice(i + 1, 1);
  } else if (decorate < 0.27) {
    const i = int(rng, 1, n - 2);
    const slug = `${words[i]}-${words[i + 1]}`.replace(/[^a-z0-9-]/gi, '').toLowerCase();
    words[i] = `[${words[i]} ${words[i + 1]}](https://example.org/research/${slug})`;
    words.splice(i + 1, 1);
  }
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  return { text: `${words.join(' ')}${rng() < 0.1 ? '?' : '.'}`, words: n };
}

function paragraph(rng: Rng, voice: Voice): { text: string; words: number } {
  const sentences = Array.from({ length: int(rng, 3, 6) }, () => sentence(rng, voice));
  return { text: sentences.map((s) => s.text).join(' '), words: sentences.reduce((a, s) => a + s.words, 0) };
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const DAY = 86_400_000;
/** Posts are spread over these years, all in the past relative to any real build. */
const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Post `index` (0-based) of a fixture set. Independent of N, so sets nest: the first 100 of 1,000 equal the 100-post set. */
export function generatePost(index: number, options: FixtureOptions): FixturePost {
  const { format, seed, categories, authors } = options;
  if (categories.length === 0 || authors.length === 0) throw new Error('need at least one category and one author');
  const rng = postRng(seed, index);
  const names = Array.from({ length: int(rng, 3, 5) }, () => properNoun(rng));
  const topic = pick(rng, TOPICS);
  const voice: Voice = { names, topicWords: topicWords(topic) };
  const title = `${pick(rng, TITLE_TEMPLATES)(topic)} (${names[0]})`;
  const id = `${String(index + 1).padStart(5, '0')}-${slugify(title)}`;
  const tagCount = int(rng, 2, 5);
  const tags = new Set<string>();
  while (tags.size < tagCount) tags.add(pickZipf(rng, TAGS));
  const pubMs = FIRST_DAY + Math.floor(rng() * ((LAST_DAY - FIRST_DAY) / DAY)) * DAY;
  const frontmatter: FixturePost['frontmatter'] = {
    title,
    description: `${sentence(rng, voice).text} A look at ${topic.toLowerCase()} with data from ${names.join(', ')}.`,
    pubDate: isoDate(pubMs),
    category: categories[index % categories.length]!,
    author: authors[int(rng, 0, authors.length - 1)]!,
    tags: [...tags],
  };
  if (rng() < 0.15) frontmatter.updatedDate = isoDate(Math.min(LAST_DAY, pubMs + int(rng, 1, 200) * DAY));

  // Body: aim for a word count inside 1,000–1,500 (reading-time counts ~ our tokens; the margin absorbs the difference).
  const target = int(rng, 1080, 1400);
  const blocks: string[] = [];
  let words = 0;
  const add = (text: string, n: number) => {
    blocks.push(text);
    words += n;
  };
  for (let i = 0; i < 2; i++) {
    const p = paragraph(rng, voice);
    add(p.text, p.words);
  }
  const hasCode = rng() < 0.3;
  const hasCallout = format === 'mdx' && rng() < 0.2;
  let section = 0;
  while (words < target) {
    section++;
    const heading = `${pick(rng, ['Why', 'How', 'What', 'When'])} ${pickZipf(rng, DOMAIN)} ${pick(rng, VERBS)} ${pickZipf(rng, DOMAIN)}`;
    add(`## ${heading}`, heading.split(' ').length);
    const p = paragraph(rng, voice);
    add(p.text, p.words);
    const kind = section % 4;
    if (kind === 1) {
      const items = Array.from({ length: int(rng, 3, 5) }, () => sentence(rng, voice));
      add(
        items.map((s) => `- ${s.text}`).join('\n'),
        items.reduce((a, s) => a + s.words, 0),
      );
    } else if (kind === 2) {
      const items = Array.from({ length: int(rng, 3, 4) }, () => sentence(rng, voice));
      add(
        items.map((s, i) => `${i + 1}. ${s.text}`).join('\n'),
        items.reduce((a, s) => a + s.words, 0),
      );
    } else if (kind === 3) {
      const sub = `${pick(rng, ADJECTIVES)} ${pickZipf(rng, DOMAIN)}`;
      add(`### ${sub[0]!.toUpperCase()}${sub.slice(1)}`, 2);
      const q = sentence(rng, voice);
      add(`> ${q.text}`, q.words);
    }
    if (section === 2 && hasCode) {
      const sample = pick(rng, CODE_SAMPLES);
      add(`\`\`\`${sample.lang}\n${sample.code}\n\`\`\``, sample.code.split(/\s+/).filter(Boolean).length);
    }
    if (section === 3 && hasCallout) {
      const c = sentence(rng, voice);
      add(`<Callout type="${pick(rng, ['note', 'tip', 'warning'])}">\n${c.text}\n</Callout>`, c.words);
    }
    if (words < target) {
      const p2 = paragraph(rng, voice);
      add(p2.text, p2.words);
    }
  }
  // Trim to the site's own word count: the posts loader's, from the parsed body.
  const wordsOf = (bs: string[]) =>
    analysePost(`---\n---\n\n${bs.join('\n\n')}\n`, format, { dateFields: [], reservedFields: [] }).words;
  while (blocks.length > 3 && (wordsOf(blocks) > MAX_WORDS || /^#/.test(blocks.at(-1)!))) blocks.pop();
  const body = `${blocks.join('\n\n')}\n`;
  const yaml = [
    '---',
    `title: ${JSON.stringify(frontmatter.title)}`,
    `description: ${JSON.stringify(frontmatter.description)}`,
    `pubDate: ${frontmatter.pubDate}`,
    ...(frontmatter.updatedDate ? [`updatedDate: ${frontmatter.updatedDate}`] : []),
    `category: ${frontmatter.category}`,
    `author: ${frontmatter.author}`,
    `tags: [${frontmatter.tags.join(', ')}]`,
    '---',
    '',
  ].join('\n');
  return { fileName: `${id}.${format}`, id, frontmatter, body, source: `${yaml}\n${body}` };
}

export function* generatePosts(count: number, options: FixtureOptions): Generator<FixturePost> {
  for (let i = 0; i < count; i++) yield generatePost(i, options);
}
