import type { TestProject } from 'vitest/node';
import { buildSite, MAIN_BUILD } from './build-site';
import { assertBrowserPolicy, chromiumAvailable, CHROMIUM_MISSING_MESSAGE } from '../../scripts/lib/chromium';

/** Builds the real site once per test run; build and browser tests read it. */
export default async function setup(project: TestProject): Promise<void> {
  assertBrowserPolicy();
  if (!chromiumAvailable) console.warn(`\n!!! ${CHROMIUM_MISSING_MESSAGE}\n`);
  // Through `npm run build`: the search index is written after astro build exits (scripts/build.mjs).
  const result = await buildSite(MAIN_BUILD, {});
  if (!result.ok) throw new Error(`The site build failed:\n${result.output}`);
  project.provide('mainDistDir', result.distDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    mainDistDir: string;
  }
}
