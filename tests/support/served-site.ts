import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium';
import type { StaticServer } from '../../scripts/lib/static-server';

export interface ServedSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * For the enclosing describe: serves a built site and launches Chromium before
 * its tests, and closes both after them. Read `server` and `browser` inside
 * hooks and tests (they exist once the beforeAll registered here has run).
 */
export function serveInChromium(serve: () => Promise<StaticServer>): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site is served in beforeAll; read it inside a hook or a test');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
  };
}
