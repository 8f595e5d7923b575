import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// BASELINE_POSTS_DIR lets the bench point this blog at the posts our own build reads.
const blog = defineCollection({
  loader: glob({ base: process.env.BASELINE_POSTS_DIR ?? './src/content/blog', pattern: '**/*.{md,mdx}' }),
  // The template's fields; loose, so the extra fields of our fixtures (category, author, tags) pass unread.
  schema: z.looseObject({
    title: z.string(),
    description: z.string(),
    pubDate: z.coerce.date(),
    updatedDate: z.coerce.date().optional(),
  }),
});

export const collections = { blog };
