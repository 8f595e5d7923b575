import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { env } from '../../src/env';

export const CHROMIUM_PATH = env.CHROMIUM_PATH;
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING_MESSAGE =
  `Browser gates were NOT run: no Chromium at ${CHROMIUM_PATH}. ` +
  'Install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.';

/** In CI a missing browser is a failure, never a silent skip. */
export function assertBrowserPolicy(): void {
  if (!chromiumAvailable && env.CI) throw new Error(`${CHROMIUM_MISSING_MESSAGE} CI=true requires it.`);
}

/** Debian's Chromium, headless, with no background traffic that would skew what the tests and the bench count. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
] as const;

export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}
