/**
 * The markup of the link beside each section heading, shared by the Markdown
 * plugin that writes it (heading-anchors-plugin.ts), the feeds that drop it and
 * the tests that look for it. No imports, so feed code stays free of the engine.
 */
/** The class of the link beside a heading; feeds drop these links (src/lib/feeds/feed-html.ts). */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';
/** The class of the element that holds a heading and its link. */
export const HEADING_WRAPPER_CLASS = 'heading';
/** h1 is the article's title, never a section of its body. */
export const ANCHORED_HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

export const sectionLinkLabel = (heading: string) => `Link to section: ${heading}`;
