import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure lib code and components through Astro's Container API.
      getViteConfig({ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } }),
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // The one deadline for a build: a test or hook runs at most two builds, 13-25 s each on an
          // idle machine and up to a minute on a busy one.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Builds and Chromium are heavy; two cores run one file at a time best.
          fileParallelism: false,
        },
      },
    ],
  },
});
