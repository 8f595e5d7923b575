/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';
import { BUILD_TEST_TIMEOUT_MS } from './tests/support/timeouts';

export default defineConfig({
  test: {
    projects: [
      // Pure lib code and components through Astro's Container API.
      getViteConfig({ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } }) as never,
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Room for a stuck build to be killed and run again (tests/support/timeouts.ts).
          testTimeout: BUILD_TEST_TIMEOUT_MS,
          hookTimeout: BUILD_TEST_TIMEOUT_MS,
          // Builds and Chromium are heavy; two cores run one file at a time best.
          fileParallelism: false,
        },
      },
    ],
  },
});
