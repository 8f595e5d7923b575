/**
 * A Sätteri hast plugin for fenced code, run after Astro's Prism highlighter on
 * both render paths (Markdown and MDX read `markdown.processor`'s hastPlugins),
 * so a plain .mdx rendered as Markdown gets the same markup as MDX.
 *
 * The `<code>` inside a `<pre>` is the box that scrolls sideways (long lines
 * never wrap, so a continued Python line keeps its indent). A scrolling box
 * that holds nothing focusable cannot be scrolled from the keyboard, so it
 * joins the tab order, as Shiki's own output does; this needs no JavaScript.
 * The language label needs no markup: Prism already writes `data-language` on
 * the `<pre>`, and the stylesheet shows it.
 */
import { defineHastPlugin } from 'satteri';

export const scrollableCodeBlocks = defineHastPlugin({
  name: 'scrollable-code-blocks',
  element: {
    filter: ['code'],
    visit(node, ctx) {
      const parent = ctx.parent(node);
      if (parent.type === 'element' && parent.tagName === 'pre') ctx.setProperty(node, 'tabIndex', 0);
    },
  },
});
