/**
 * A post's body, for the pages and feeds that show it. The posts loader keeps a
 * Markdown post's HTML in a file of its own (src/lib/content/post-html-files.ts),
 * so `render()` from astro:content alone would give those posts an empty body:
 * render them through here.
 */
import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import { htmlFileOf, loadPostHtml, placedComponentsOf } from '../lib/content/post-html-files';
import type { PlacedComponent } from '../lib/content/component-slots';
import type { Post } from './posts';

type Content = Awaited<ReturnType<typeof render>>['Content'];

export type PostBody = { headings: MarkdownHeading[] } &
  /** `components` go into the HTML at their places (PostHtml.astro renders both). */
  ({ kind: 'html'; html: string; components: PlacedComponent[] } | { kind: 'component'; Content: Content });

export async function renderPostBody(post: Post): Promise<PostBody> {
  // Called for every post all the same: it records which entry the page rendered for Astro's incremental build.
  const { Content, headings } = await render(post);
  const file = htmlFileOf(post);
  if (file === undefined) return { kind: 'component', Content, headings };
  const html = await loadPostHtml(file, post.filePath ?? post.id);
  return { kind: 'html', html, components: placedComponentsOf(post), headings };
}
