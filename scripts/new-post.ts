/**
 * npm run new-post -- "My Title" --category research [--author id] [--tags a,b] [--description "…"]
 *
 * Creates <posts folder>/<slug>.mdx as a draft dated today (UTC, so it is live as
 * soon as it is published, in any time zone), with frontmatter the
 * content schema accepts and a body that shows the MDX components. Refuses a
 * slug that exists or that a renamed post's redirect uses, and an unknown
 * category or author. Prints the file and its URL in `npm run dev`.
 *
 * "Now" is the publishing rule's clock (buildNow: SOURCE_DATE_EPOCH when set),
 * so a post dated by this script is never in the future of the build that reads it.
 *
 * The folders are the ones the site reads (src/lib/content/collection-dirs.ts), so
 * CONTENT_DIR=<dir> writes into <dir>/posts; tests use that and never touch
 * src/content/posts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { collectionDir } from '../src/lib/content/collection-dirs';
import { loadPostRedirects, redirectsFile } from '../src/lib/content/redirects';
import { SITE } from '../src/site.config';
import { env } from '../src/env';
import { buildNow } from '../src/lib/posts/publishing';
import {
  devUrl,
  newPostProblems,
  parseNewPostArgs,
  postFileText,
  postIdFromPath,
  postSlug,
} from '../src/lib/posts/new-post';

function listRelative(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

const jsonIds = (dir: string) =>
  new Set(
    listRelative(dir)
      .filter((f) => /^[^/\\]+\.json$/.test(f))
      .map((f) => f.replace(/\.json$/, '')),
  );

function fail(message: string): never {
  console.error(`new-post: ${message}`);
  process.exit(1);
}

function main(): void {
  const args = parseNewPostArgs(process.argv.slice(2));
  if ('error' in args) fail(args.error);

  const postsDir = resolve(collectionDir('posts'));
  const slug = postSlug(args.title);
  const author = args.author ?? SITE.defaultAuthor;
  let redirectSources: Set<string>;
  try {
    redirectSources = new Set(Object.keys(loadPostRedirects(redirectsFile())));
  } catch (error) {
    fail((error as Error).message);
  }
  const problems = newPostProblems(
    { slug, category: args.category, author },
    {
      postIds: new Set(
        listRelative(postsDir)
          .map(postIdFromPath)
          .filter((id): id is string => Boolean(id)),
      ),
      redirectSources,
      categories: jsonIds(resolve(collectionDir('categories'))),
      authors: jsonIds(resolve(collectionDir('authors'))),
    },
  );
  if (problems.length) fail(problems.join('\n  '));

  const now = buildNow(env.SOURCE_DATE_EPOCH);
  const file = join(postsDir, `${slug}.mdx`);
  mkdirSync(postsDir, { recursive: true });
  try {
    // 'wx': never overwrite, even if a file appeared since the check.
    writeFileSync(file, postFileText({ ...args, author, date: now }), { flag: 'wx' });
  } catch (error) {
    fail(`could not create ${file}: ${(error as Error).message}`);
  }
  console.log(`Created ${relative(process.cwd(), file) || file} (draft).`);
  console.log(`Preview: run \`npm run dev\`, then open ${devUrl(slug, SITE.base)}`);
}

main();
