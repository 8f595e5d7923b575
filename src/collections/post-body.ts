/**
 * A post's body, for the pages and feeds that show it. The posts loader keeps a
 * Markdown post's HTML in a file of its own (src/lib/content/post-html-files.ts),
 * so `render()` from astro:content alone would give those posts an empty body:
 * render them through here.
 */
import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import { htmlFileOf, loadPostHtml } from '../lib/content/post-html-files';
import type { Post } from './posts';

type Content = Awaited<ReturnType<typeof render>>['Content'];

export type PostBody = { headings: MarkdownHeading[] } & (
  { kind: 'html'; html: string } | { kind: 'component'; Content: Content }
);

export async function renderPostBody(post: Post): Promise<PostBody> {
  // Called for every post all the same: it records which entry the page rendered for Astro's incremental build.
  const { Content, headings } = await render(post);
  const file = htmlFileOf(post);
  if (file === undefined) return { kind: 'component', Content, headings };
  return { kind: 'html', html: await loadPostHtml(file, post.filePath ?? post.id), headings };
}
