// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output and caches (as in .gitignore), authored posts and test fixtures.
  globalIgnores([
    'dist/',
    '.astro/',
    'bench/tmp/',
    'bench/baseline-blog/.astro/',
    'test-results/',
    'src/content/',
    'tests/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // A disable comment that no longer suppresses anything fails the lint instead of lingering.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      // Build scripts, integrations and tests run in Node; browser code is marked below.
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  astro.configs.recommended,
  {
    // Client-side <script> blocks of .astro files (split out by the plugin's processor) and island modules.
    files: ['**/*.astro/*.ts', 'src/components/**/*.ts', 'src/scripts/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // typescript-eslint's TypeScript program cannot read .astro files, so their templates and imported
    // components are error-typed there; `astro check` (npm run typecheck) type-checks them instead.
    // Plain JavaScript config files and the processor's virtual <script> files are in no tsconfig.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Same cause: a .ts module that passes an imported .astro component on sees it as error-typed.
    files: ['src/feed.ts', 'src/components/mdx/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-argument': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The bench's baseline blog is a separate Astro project: its astro:content types exist only after its
    // own `astro sync`, which no project check runs, so type-aware rules would see every collection call as any.
    files: ['bench/baseline-blog/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests read JSON.parse'd build output and page state whose shape their own assertions check.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
