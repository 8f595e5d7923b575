/**
 * Every environment variable the site, its build and its scripts read, parsed
 * and checked here once. Nothing else reads process.env for a setting; the
 * README's "Environment" table lists the same names.
 *
 * A bad value stops whatever imports this module (astro.config.mjs, so
 * `astro build` and `astro dev`, or a script) with one message naming every
 * variable that is wrong: a typo must not turn into an empty feed or a site
 * published under the wrong URL.
 *
 * Why not astro:env: most of these are read by astro.config.mjs itself, by
 * integrations, by content loaders or by scripts run with tsx, none of which
 * can import `astro:env`; the one knob read only while pages render
 * (FEED_SIZE) would be parsed with Number.parseFloat there, which takes
 * "10 posts" for 10.
 */

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface Env {
  /** Absolute origin the site is published at, without a trailing slash. */
  SITE: string;
  /** Path prefix, always with a leading and a trailing slash. */
  BASE: string;
  FEED_SIZE: number;
  SITEMAP_ENTRY_LIMIT: number;
  /** Newsletter form action; '' when sign-up is not set up. */
  NEWSLETTER_ENDPOINT: string;
  /** A WebSub hub every feed names (rel="hub") and the deploy pings; '' when push is not set up. */
  WEBSUB_HUB: string;
  PLAIN_MDX_AS_MARKDOWN: boolean;
  /** A fixture content folder in place of src/content, or undefined. */
  CONTENT_DIR: string | undefined;
  ASTRO_CACHE_DIR: string;
  ASTRO_BUILD_CONCURRENCY: number;
  /** The moment the publishing rule treats as "now", when pinned. */
  SOURCE_DATE_EPOCH: Date | undefined;
  /** Stack traces on content errors. */
  DEBUG: boolean;
  CHROMIUM_PATH: string;
  /** A missing Chromium fails the browser tests instead of skipping them. */
  CI: boolean;
  /** The offline service worker; off ships a worker that removes itself and its caches. */
  SERVICE_WORKER: boolean;
  /** Most the service worker may precache, in KB (src/lib/offline/precache-plan.ts). */
  OFFLINE_BUDGET_KB: number;
  /** Most articles in one search index shard (src/lib/search/shards.ts); more are split into even shards. */
  SEARCH_SHARD_MAX_ARTICLES: number;
  /** The bundled social-card process, which `npm run build` writes and names; unset, cards are drawn in the build's own process, on request. */
  SOCIAL_CARD_WORKER: string | undefined;
  /** Where `astro build` writes its timeline (src/lib/build/build-timeline.ts), for `npm run bench`; unset, nothing is timed. */
  BUILD_TIMELINE_FILE: string | undefined;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** The value, or undefined when the variable is unset or blank. */
function valueOf(source: EnvSource, name: string): string | undefined {
  const raw = source[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** Pages Astro renders at once unless ASTRO_BUILD_CONCURRENCY says otherwise (measured: docs/benchmarks.md). */
export const DEFAULT_BUILD_CONCURRENCY = 4;

/**
 * A whole number of at least 1, or `fallback` when unset. Anything else throws
 * with the variable's name: `slice(0, NaN)` would be an empty feed.
 */
export function countFromEnv(name: string, fallback: number, source: EnvSource = processEnv()): number {
  const raw = valueOf(source, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new EnvError(`${name} must be a whole number of at least 1, got "${source[name]}"`);
  return value;
}

function siteUrl(source: EnvSource): string {
  const raw = valueOf(source, 'SITE') ?? 'https://research.example.com';
  const url = URL.parse(raw);
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new EnvError(
      `SITE must be an origin such as https://research.example.com (the path goes in BASE), got "${raw}"`,
    );
  }
  return raw.replace(/\/+$/, '');
}

function basePath(source: EnvSource): string {
  const raw = valueOf(source, 'BASE') ?? '/';
  if (/[\s?#\\]|:\/\//.test(raw)) throw new EnvError(`BASE must be a path such as /blog/, got "${raw}"`);
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function newsletterEndpoint(source: EnvSource): string {
  const raw = valueOf(source, 'NEWSLETTER_ENDPOINT') ?? '';
  if (raw !== '' && !raw.startsWith('/') && !/^https?:$/.test(URL.parse(raw)?.protocol ?? '')) {
    throw new EnvError(`NEWSLETTER_ENDPOINT must be an http(s) URL or a site path, got "${raw}"`);
  }
  return raw;
}

/** An https URL or nothing: a hub is contacted by strangers' feed readers, so plain http is refused. */
function websubHub(source: EnvSource): string {
  const raw = valueOf(source, 'WEBSUB_HUB') ?? '';
  if (raw === '') return '';
  const url = URL.parse(raw);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.hash) {
    throw new EnvError(`WEBSUB_HUB must be an https URL such as https://pubsubhubbub.appspot.com/, got "${raw}"`);
  }
  return url.href;
}

function plainMdxAsMarkdown(source: EnvSource): boolean {
  const raw = valueOf(source, 'PLAIN_MDX_AS_MARKDOWN') ?? '1';
  if (raw !== '0' && raw !== '1') throw new EnvError(`PLAIN_MDX_AS_MARKDOWN must be 0 or 1, got "${raw}"`);
  return raw === '1';
}

function serviceWorkerSwitch(source: EnvSource): boolean {
  const raw = valueOf(source, 'SERVICE_WORKER') ?? 'on';
  if (raw !== 'on' && raw !== 'off') throw new EnvError(`SERVICE_WORKER must be on or off, got "${raw}"`);
  return raw === 'on';
}

function cardWorkerFile(source: EnvSource): string | undefined {
  const raw = valueOf(source, 'SOCIAL_CARD_WORKER');
  if (raw !== undefined && !/^\/.*\.mjs$/.test(raw))
    throw new EnvError(`SOCIAL_CARD_WORKER must be the absolute path of an .mjs file, got "${raw}"`);
  return raw;
}

function buildTimelineFile(source: EnvSource): string | undefined {
  const raw = valueOf(source, 'BUILD_TIMELINE_FILE');
  if (raw !== undefined && !/^\/.*\.json$/.test(raw))
    throw new EnvError(`BUILD_TIMELINE_FILE must be the absolute path of a .json file, got "${raw}"`);
  return raw;
}

/**
 * The pinned clock, for reproducible builds, the footer's year and tests. The
 * reproducible-builds.org format: whole seconds since 1970 as plain digits, what
 * `git log -1 --format=%ct` prints. Number() alone would take "1e9", "0x10",
 * "-5" or "1.5", and a clock before 1970 or past year 9999 prints no sane year.
 */
export function sourceDateFromEnv(source: EnvSource = processEnv()): Date | undefined {
  const raw = valueOf(source, 'SOURCE_DATE_EPOCH');
  if (raw === undefined) return undefined;
  const date = new Date(/^\d+$/.test(raw) ? Number(raw) * 1000 : Number.NaN);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new EnvError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970 up to the year 9999, such as \`git log -1 --format=%ct\` prints, got "${raw}"`,
    );
  }
  return date;
}

/** Parses every knob; throws one EnvError naming each bad variable. */
export function readEnv(source: EnvSource = processEnv()): Env {
  const problems: string[] = [];
  const read = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(error.message);
      return fallback;
    }
  };
  const env: Env = {
    SITE: read(() => siteUrl(source), ''),
    BASE: read(() => basePath(source), '/'),
    FEED_SIZE: read(() => countFromEnv('FEED_SIZE', 20, source), 0),
    SITEMAP_ENTRY_LIMIT: read(() => countFromEnv('SITEMAP_ENTRY_LIMIT', 45_000, source), 0),
    NEWSLETTER_ENDPOINT: read(() => newsletterEndpoint(source), ''),
    WEBSUB_HUB: read(() => websubHub(source), ''),
    PLAIN_MDX_AS_MARKDOWN: read(() => plainMdxAsMarkdown(source), true),
    CONTENT_DIR: valueOf(source, 'CONTENT_DIR'),
    ASTRO_CACHE_DIR: valueOf(source, 'ASTRO_CACHE_DIR') ?? './node_modules/.astro',
    ASTRO_BUILD_CONCURRENCY: read(
      () => countFromEnv('ASTRO_BUILD_CONCURRENCY', DEFAULT_BUILD_CONCURRENCY, source),
      DEFAULT_BUILD_CONCURRENCY,
    ),
    SOURCE_DATE_EPOCH: read(() => sourceDateFromEnv(source), undefined),
    DEBUG: Boolean(source.DEBUG),
    CHROMIUM_PATH: valueOf(source, 'CHROMIUM_PATH') ?? '/usr/bin/chromium',
    CI: Boolean(source.CI),
    SERVICE_WORKER: read(() => serviceWorkerSwitch(source), true),
    OFFLINE_BUDGET_KB: read(() => countFromEnv('OFFLINE_BUDGET_KB', 5 * 1024, source), 0),
    SEARCH_SHARD_MAX_ARTICLES: read(() => countFromEnv('SEARCH_SHARD_MAX_ARTICLES', 5_000, source), 0),
    SOCIAL_CARD_WORKER: read(() => cardWorkerFile(source), undefined),
    BUILD_TIMELINE_FILE: read(() => buildTimelineFile(source), undefined),
  };
  if (problems.length) throw new EnvError(`Environment variables with bad values:\n  ${problems.join('\n  ')}`);
  return env;
}

function processEnv(): EnvSource {
  return typeof process === 'undefined' ? {} : process.env;
}

export const env: Env = readEnv();
