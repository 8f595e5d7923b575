import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { collectionDir } from './lib/content/collection-dirs';
import { SITE } from './site.config';
import { MDX_COMPONENT_NAMES } from './components/mdx/names';
import { surveySchema } from './lib/chart/survey-schema';
import { dataLoader } from './lib/content/data-loader';
import { postsLoader } from './lib/content/posts-loader';
import { SyncedStores } from './lib/content/references';
import { htmlPolicyViolations } from './lib/security/html-policy';
import { lookupCollectionSynced, postSynced, postsSynced } from './collections/early-social-cards';
import { recordSyncedPosts } from './lib/seo/synced-posts';

// Astro calls a schema function once per entry (image() is per file), so every post builds a fresh
// z.object, and Zod 4 JIT-compiles each new object schema on its first parse. Jitless parsing skips that
// one-shot compile; the posts schema below also builds its fields once (scale notes: docs/benchmarks.md).
z.config({ jitless: true });

/**
 * The categories, authors and surveys stores, which the posts loader checks each post's category and
 * author, and each survey its components name, against (src/lib/content/references.ts); the schema's
 * reference() alone only logs a missing entry.
 */
const referenced = new SyncedStores<'authors' | 'categories' | 'surveys'>();

/** A deck is a line under the title on cards and in search results; longer text belongs in description. */
const DECK_MAX_LENGTH = 80;

const nonEmpty = (field: string) => z.string().trim().min(1, `${field} must not be empty`);

/**
 * Post fields that do not need the per-entry image() helper, built once: Astro
 * calls the schema function for every post, and building these per post was
 * most of content sync's time at 10,000 posts.
 */
const postFields = {
  title: nonEmpty('title').max(300, 'title must be at most 300 characters'),
  /** A short subtitle or series label that tells apart posts with similar titles; plain text (frontmatter.ts). */
  deck: nonEmpty('deck').max(DECK_MAX_LENGTH, `deck must be at most ${DECK_MAX_LENGTH} characters`).optional(),
  description: nonEmpty('description'),
  pubDate: z.coerce.date({ error: 'pubDate must be a date such as 2024-03-12' }),
  updatedDate: z.coerce.date({ error: 'updatedDate must be a date such as 2024-03-12' }).optional(),
  /** An id in the categories collection, checked by the posts loader (`references` below). */
  category: z.string().trim().pipe(reference('categories')),
  /** An id in the authors collection, checked by the posts loader (`references` below). */
  author: z.string().trim().pipe(reference('authors')),
  tags: z.array(nonEmpty('tag')).default([]),
  draft: z.boolean().default(false),
  /** Pin to the home page's featured slot; the newest pinned post wins. */
  featured: z.boolean().default(false),
  faq: z.array(z.object({ question: nonEmpty('faq question'), answer: nonEmpty('faq answer') }).strict()).default([]),
  /** Filled in by the posts loader from the parsed body; an authored value is refused there. */
  bodyWords: z.number().int().nonnegative(),
  /** Filled in by the posts loader: code blocks in the body, so only articles with code load the Copy button. */
  codeBlocks: z.number().int().nonnegative(),
};
const heroAlt = nonEmpty('heroImage.alt (alt text describes the image for readers who cannot see it)');

const posts = defineCollection({
  // Parses, checks and renders every post once (src/lib/content/posts-loader.ts).
  loader: postsLoader({
    base: collectionDir('posts'),
    dateFields: ['pubDate', 'updatedDate'],
    plainTextFields: ['deck'],
    plainMdxAsMarkdown: SITE.content.plainMdxAsMarkdown,
    components: MDX_COMPONENT_NAMES,
    // One HTML policy for .md and .mdx alike (src/lib/security/html-policy.ts).
    checkSource: (source, format) => htmlPolicyViolations(source, format, { embedHosts: SITE.content.embedHosts }),
    references: {
      category: { label: 'category', ids: () => referenced.ids('categories') },
      author: { label: 'author', ids: () => referenced.ids('authors') },
    },
    // A component prop that names a survey (src/lib/content/mdx-components.ts).
    collectionIds: (collection) => {
      if (collection !== 'surveys') throw new Error(`no store for the collection "${collection}"`);
      return referenced.ids(collection);
    },
    // `npm run build` starts drawing the social cards here, while the rest of the build runs.
    onPostStored: postSynced,
    onSynced: (entries) => {
      postsSynced();
      // The sitemap's lastmod, read in astro.config.mjs where no collection can be queried.
      recordSyncedPosts(entries);
    },
  }),
  schema: ({ image }) =>
    z
      .object({
        ...postFields,
        heroImage: z
          .object({
            src: image(),
            alt: heroAlt,
            /** false: the image is for the page only, so the post gets no large social card from it. */
            socialCard: z.boolean().default(true),
          })
          .strict()
          .optional(),
      })
      // Unknown keys fail: a misspelt field must not be dropped silently.
      .strict()
      .refine((post) => !post.updatedDate || post.updatedDate >= post.pubDate, {
        error: 'updatedDate must not be earlier than pubDate',
        path: ['updatedDate'],
      }),
});

const authors = defineCollection({
  loader: dataLoader({
    base: collectionDir('authors'),
    onSynced: (entries, store) => {
      referenced.synced('authors', store);
      lookupCollectionSynced('authors', entries);
    },
  }),
  schema: z
    .object({
      name: nonEmpty('name'),
      role: z.string().trim().optional(),
      bio: nonEmpty('bio'),
    })
    .strict(),
});

const categories = defineCollection({
  loader: dataLoader({
    base: collectionDir('categories'),
    onSynced: (entries, store) => {
      referenced.synced('categories', store);
      lookupCollectionSynced('categories', entries);
    },
  }),
  schema: z
    .object({
      name: nonEmpty('name'),
      description: nonEmpty('description'),
      disclaimer: nonEmpty('disclaimer'),
      /** The newsletter box's heading and pitch under this category's articles; the site's (SITE.newsletter) when absent. */
      newsletter: z
        .object({ heading: nonEmpty('newsletter.heading'), pitch: nonEmpty('newsletter.pitch') })
        .strict()
        .optional(),
    })
    .strict(),
});

const surveys = defineCollection({
  loader: dataLoader({
    base: collectionDir('surveys'),
    onSynced: (entries, store) => {
      referenced.synced('surveys', store);
      lookupCollectionSynced('surveys', entries);
    },
  }),
  schema: surveySchema,
});

export const collections = { posts, authors, categories, surveys };
