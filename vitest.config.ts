/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

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
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Builds and Chromium are heavy; two cores run one file at a time best.
          fileParallelism: false,
        },
      },
    ],
  },
});
