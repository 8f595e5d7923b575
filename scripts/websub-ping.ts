/**
 * WebSub, after a deploy: tells the hub set in WEBSUB_HUB (src/env.ts) that
 * the site's feeds changed, so subscribers get new posts pushed instead of
 * waiting for their next poll. The deploy workflow runs it in two steps:
 *
 *   npx tsx scripts/websub-ping.ts --list dist   prints every feed URL of the built site, space-separated
 *   npx tsx scripts/websub-ping.ts <url>...      POSTs them to the hub (src/lib/feeds/websub.ts)
 *
 * Listing from dist/ pings exactly the feeds that were deployed. With no hub
 * set, the ping says so and exits 0: nothing changes for a site without one.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SITE, absoluteUrl } from '../src/site.config';
import { feedUrls, publishRequest } from '../src/lib/feeds/websub';

const HUB_TIMEOUT_MS = 30_000;

function distFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

async function ping(topics: string[]): Promise<void> {
  if (!SITE.websubHub) {
    console.log('WEBSUB_HUB is not set: no hub to ping.');
    return;
  }
  const { url, ...init } = publishRequest(SITE.websubHub, topics);
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(HUB_TIMEOUT_MS) });
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 300);
    throw new Error(`${url} answered ${response.status} ${response.statusText}: ${detail}`);
  }
  console.log(`${url} accepted ${topics.length} feed(s) (${response.status}):\n  ${topics.join('\n  ')}`);
}

const [first, ...rest] = process.argv.slice(2);
try {
  if (first === '--list') console.log(feedUrls(distFiles(rest[0] ?? 'dist'), absoluteUrl('')).join(' '));
  else await ping([first, ...rest].filter((topic): topic is string => Boolean(topic)));
} catch (error) {
  const { message, cause } = error as Error;
  console.error(`websub-ping: ${message}${cause instanceof Error ? ` (${cause.message})` : ''}`);
  process.exitCode = 1;
}
