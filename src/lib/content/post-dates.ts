/**
 * The dates, category, author and tags of every published post, read from the
 * posts folder for the sitemap's lastmod (src/lib/seo/sitemap-lastmod.ts).
 *
 * Why the sources and not astro:content: @astrojs/sitemap calls its serialize
 * hook from astro.config.mjs, where no collection can be queried. The
 * decisions are the posts loader's own: the same parser per format (satteri),
 * the same YAML reader and date rule (frontmatter.ts), the same file → id rule
 * (post-id.ts) and the same publishing rule (publishing.ts). It runs after the
 * build has accepted every post, so a post it cannot read is one the build
 * has already refused; such a file is skipped here rather than reported twice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parseFrontmatter } from './frontmatter';
import { postIdFromPath } from '../routes/post-id';
import { isVisible } from '../posts/publishing';
import { sortNewestFirst } from '../posts/listing';

export interface PostDates {
  id: string;
  data: {
    title: string;
    pubDate: Date;
    updatedDate?: Date | undefined;
    featured: boolean;
    tags: string[];
    category: { id: string };
    author: { id: string };
  };
}

const DATE_FIELDS = ['pubDate', 'updatedDate'] as const;

/**
 * The source up to the end of its frontmatter block: the first line, through
 * the next line that is only `---`. The parser still decides whether that is
 * a frontmatter block; cutting first keeps it from parsing every post body
 * again (10,000 MDX bodies took over a minute; their frontmatter, a second).
 * A cut the parser disagrees with finds no block, and the post is skipped.
 */
function frontmatterPrefix(source: string): string {
  let end = source.indexOf('\n') + 1;
  if (end === 0) return source;
  while (end < source.length) {
    const next = source.indexOf('\n', end);
    const line = source.slice(end, next === -1 ? source.length : next);
    end = next === -1 ? source.length : next + 1;
    if (line.trimEnd() === '---') break;
  }
  return source.slice(0, end);
}

/** One post's fields, or undefined when its frontmatter is not what the build accepts. */
export function postDatesFromSource(
  id: string,
  source: string,
  format: 'md' | 'mdx',
): (PostDates & { draft: boolean }) | undefined {
  const head = frontmatterPrefix(source);
  const tree = (
    format === 'mdx' ? mdxToMdast(head, { position: false }) : markdownToMdast(head, { position: false })
  ) as {
    children?: { type: string; value?: string }[];
  };
  const yaml = tree.children?.[0];
  if (yaml?.type !== 'yaml') return undefined;
  const { data, problems } = parseFrontmatter(yaml.value ?? '', 2, { dateFields: DATE_FIELDS, reservedFields: [] });
  const { title, pubDate, updatedDate, category, author, tags = [], draft = false, featured = false } = data;
  if (
    problems.length > 0 ||
    !(pubDate instanceof Date) ||
    (updatedDate !== undefined && !(updatedDate instanceof Date)) ||
    typeof category !== 'string' ||
    typeof author !== 'string' ||
    !Array.isArray(tags)
  )
    return undefined;
  return {
    id,
    draft: draft === true,
    data: {
      title: String(title),
      pubDate,
      updatedDate,
      featured: featured === true,
      tags: tags.map((tag) => String(tag).trim()),
      category: { id: category.trim() },
      author: { id: author.trim() },
    },
  };
}

/** Published posts in `postsDir`, newest first, as the listings order them. */
export function readPublishedPostDates(postsDir: string, now: Date): PostDates[] {
  if (!existsSync(postsDir)) return [];
  const posts: PostDates[] = [];
  for (const entry of readdirSync(postsDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const id = postIdFromPath(relative(postsDir, file));
    if (id === undefined) continue;
    let post: ReturnType<typeof postDatesFromSource>;
    try {
      post = postDatesFromSource(id, readFileSync(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'md');
    } catch {
      continue;
    }
    if (post && isVisible({ draft: post.draft, pubDate: post.data.pubDate }, { isDev: false, now })) posts.push(post);
  }
  return sortNewestFirst(posts);
}
