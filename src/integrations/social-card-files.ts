/**
 * Writes a production build's drawn social cards into the output folder, as
 * the card route listed them (src/lib/social/card-files.ts). The build fails
 * here when a card cannot be drawn, or when no route listed the cards: every
 * page names one in its og:image.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { takeCardFiles, writeCardFiles } from '../lib/social/card-files';

export default function socialCardFiles(): AstroIntegration {
  return {
    name: 'social-card-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const files = takeCardFiles();
        if (!files)
          throw new Error(
            'social cards: the card route (src/pages/social/cards/[...card].png.ts) listed no cards in this build, so the pages would name missing images',
          );
        await writeCardFiles(files, fileURLToPath(dir));
        logger.info(
          `${files.length.toLocaleString('en')} social cards written to social/cards/ in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
