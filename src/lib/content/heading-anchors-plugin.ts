/**
 * A visible link to every section of a post: each h2–h6 is wrapped with an
 * anchor that points at its id, as `<div class="heading"><h2 id>…</h2><a …></a></div>`.
 *
 * It runs inside Astro's own Markdown engine (Sätteri), as a hast plugin of
 * `markdown.processor` in astro.config.mjs, so the Markdown path (the posts
 * loader's renderMarkdown) and the MDX path (@astrojs/mdx) get it alike.
 * rehype-autolink-headings does this job for unified, but Astro 7's default
 * processor runs no rehype plugins (Astro warns "your `satteri` processor
 * doesn't run them"), and switching every post to unified would change how
 * each one renders. See docs/heading-anchors.md.
 *
 * Ids: Astro's heading-ids plugin runs after user plugins, so it is run first
 * here as well (Astro's own exported plugin, the same github-slugger ids). When
 * Astro's copy runs again it keeps the ids it finds and records the same
 * headings, because the heading's text is unchanged: the link sits beside the
 * heading, not inside it, and holds no text. Inside, it would change both the
 * heading data's text and the heading's accessible name.
 *
 * The link's name is "Link to section: <heading text>" (aria-label); its "#"
 * is drawn by CSS, so no stray character reaches the search index or an
 * excerpt, and data-pagefind-ignore keeps the link out of the index besides.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { ANCHORED_HEADINGS, HEADING_ANCHOR_CLASS, HEADING_WRAPPER_CLASS, sectionLinkLabel } from './heading-anchors';

const headingAnchors = defineHastPlugin({
  name: 'heading-anchors',
  element: {
    filter: ANCHORED_HEADINGS,
    visit(node, ctx) {
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '') return;
      // The text Astro's heading data holds for this id (it resolves MDX frontmatter expressions).
      const headings = ctx.data.astro?.headings ?? [];
      const text = headings.find((heading) => heading.slug === id)?.text ?? ctx.textContent(node);
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: { className: [HEADING_WRAPPER_CLASS] },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: {
              className: [HEADING_ANCHOR_CLASS],
              href: `#${id}`,
              ariaLabel: sectionLinkLabel(text.trim()),
              dataPagefindIgnore: '',
            },
            children: [],
          },
        ],
      });
    },
  },
});

/** hast plugins for `markdown.processor: satteri({ hastPlugins })`, in this order. */
export const headingAnchorPlugins: HastPluginEntry[] = [satteriHeadingIdsPlugin(), headingAnchors];
