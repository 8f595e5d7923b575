/**
 * The pure half of `npm run new-post`: arguments, slug, validation, the file's
 * text and the dev URL. scripts/new-post.ts does the file system around it.
 */
import { slug as githubSlug } from 'github-slugger';
import { paths } from '../routes/paths';
import { isPostId } from '../routes/post-id';

export interface NewPostArgs {
  title: string;
  category: string;
  author?: string;
  tags: string[];
  description?: string;
}

export interface NewPostInput {
  title: string;
  category: string;
  author: string;
  tags: string[];
  description?: string;
  /** The moment the post is created; pubDate is its UTC day (see pubDateFor). */
  date: Date;
}

export const USAGE = `Usage: npm run new-post -- "My Title" --category <id> [--author <id>] [--tags a,b] [--description "…"]`;

/** Parses argv (after `--`). Returns the args or an error message. */
export function parseNewPostArgs(argv: readonly string[]): NewPostArgs | { error: string } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const name = match[1]!;
    if (!['category', 'author', 'tags', 'description'].includes(name))
      return { error: `Unknown option --${name}.\n${USAGE}` };
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { error: `--${name} needs a value.\n${USAGE}` };
    options[name] = value;
  }
  const title = positional.join(' ').trim();
  if (!title) return { error: `Give the post a title.\n${USAGE}` };
  if (!options.category) return { error: `Give the post a category with --category <id>.\n${USAGE}` };
  return {
    title,
    category: options.category.trim(),
    ...(options.author ? { author: options.author.trim() } : {}),
    tags: (options.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    ...(options.description ? { description: options.description.trim() } : {}),
  };
}

/** The post id and file name: github-slugger, as Astro derives ids from file names. */
export function postSlug(title: string): string {
  return githubSlug(title.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The pubDate for a post created at `now`: its day in UTC, whatever the
 * author's time zone. The publishing rule (src/lib/posts/publishing.ts) reads a bare
 * date as midnight UTC, so the UTC day has always begun: a post created now
 * and set to draft: false is published by a build now. The author's local day
 * would be tomorrow in UTC for part of every day east of Greenwich (in Tokyo
 * until 09:00), and the post would be "scheduled" and left out of the build.
 * Pages print dates in UTC too (src/lib/posts/format.ts), so the page shows this day.
 */
export function pubDateFor(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface ExistingContent {
  /** Ids of the posts in the posts folder (drafts and scheduled included). */
  postIds: ReadonlySet<string>;
  /** Old ids listed in redirects.json: their URLs belong to renamed posts. */
  redirectSources: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
}

/** Every reason the post cannot be created, as messages for the author. */
export function newPostProblems(
  input: { slug: string; category: string; author: string },
  existing: ExistingContent,
): string[] {
  const problems: string[] = [];
  const { slug } = input;
  if (!slug) problems.push('The title has no letters or digits to make a URL from.');
  else if (!isPostId(slug))
    problems.push(
      `The slug "${slug}" has no letter and would collide with the listing pages such as /${paths.posts(2)}. Use a more descriptive title.`,
    );
  else if (existing.postIds.has(slug))
    problems.push(`A post with the slug "${slug}" already exists (/${paths.post(slug)}). Choose another title.`);
  else if (existing.redirectSources.has(slug))
    problems.push(
      `The slug "${slug}" is the old URL of a renamed post (listed in redirects.json). Choose another title, so old links and feed guids keep pointing at that post.`,
    );
  if (!existing.categories.has(input.category)) {
    problems.push(
      `Unknown category "${input.category}". Known categories: ${[...existing.categories].sort().join(', ') || '(none)'}.`,
    );
  }
  if (!existing.authors.has(input.author)) {
    problems.push(
      `Unknown author "${input.author}". Known authors: ${[...existing.authors].sort().join(', ') || '(none)'}.`,
    );
  }
  return problems;
}

/** A YAML double-quoted scalar; JSON's string syntax is a subset of it. */
const yamlString = (value: string) => JSON.stringify(value);

export function frontmatterText(input: NewPostInput): string {
  const lines = [
    '---',
    `title: ${yamlString(input.title)}`,
    `description: ${yamlString(input.description ?? 'TODO: one or two sentences for cards, search results, feeds and social previews.')}`,
    `pubDate: ${pubDateFor(input.date)}`,
    '# updatedDate: 2026-01-31   # after a significant edit; not earlier than pubDate',
    `category: ${input.category}`,
    `author: ${input.author}`,
    `tags: [${input.tags.map(yamlString).join(', ')}]`,
    '# heroImage:                # optional; the file lives in src/assets/',
    '#   src: ../../assets/my-image.jpg',
    '#   alt: "What the image shows, for readers who cannot see it"',
    '# featured: true            # pin to the home page',
    '# faq:                      # optional; rendered as a FAQ section with FAQPage JSON-LD',
    '#   - question: "A question readers ask?"',
    '#     answer: "A short, complete answer."',
    '# Drafts show only in `npm run dev`. Set draft: false to publish on the first build on or after pubDate.',
    'draft: true',
    '---',
  ];
  return `${lines.join('\n')}\n`;
}

export function bodySkeleton(): string {
  return `
Write the opening paragraph here: what the reader will learn and why it matters.

## First section

Plain Markdown works: **bold**, _italic_, [links](https://example.com), lists, tables and code blocks.

<Callout type="tip" title="Components need no import">
  \`Callout\` takes type="note" | "tip" | "warning" and an optional title.
</Callout>

{/*
  A survey chart (data in src/content/surveys/<id>.json): an SVG drawn at build
  time, with the data table and CSV/JSON downloads; interactive when JavaScript runs.

  <VoteChart survey="moon-awards-2024-narratives" />

  Images in the body: put the file in src/assets/ and import it, so Astro optimises it:
  import chartImage from '../../assets/my-chart.png';
  import { Image } from 'astro:assets';
  <Image src={chartImage} alt="Describe what the image shows" />

  Questions and answers go in the frontmatter under faq:, not in the body.
*/}
`;
}

export function postFileText(input: NewPostInput): string {
  return frontmatterText(input) + bodySkeleton();
}

/** Where the post shows in `npm run dev`, honouring the base path. */
export function devUrl(slug: string, base: string, origin = 'http://localhost:4321'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${origin.replace(/\/+$/, '')}${prefix}${paths.post(slug)}`;
}

/** One id rule for the loader, new-post and the link check. */
export { postIdFromPath } from '../routes/post-id';
