/**
 * The "On this page" list of a post, from the headings Astro's Markdown engine
 * records while it renders the body (render(post).headings): sections (h2),
 * each with its subsections (h3). Deeper headings are detail a reader skims in
 * place, so the list stops at h3.
 */

/** The part of Astro's MarkdownHeading the list reads. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Fewer sections than this fit on a screen or two, where a list of them is only noise. */
export const TOC_MIN_SECTIONS = 3;

/** The list, or none when the post has fewer than `minSections` sections. */
export function tableOfContents(headings: readonly Heading[], minSections = TOC_MIN_SECTIONS): TocEntry[] {
  const entries: TocEntry[] = [];
  let section: TocEntry | undefined;
  let sections = 0;
  for (const { depth, slug, text } of headings) {
    const entry: TocEntry = { slug, text, children: [] };
    if (depth === 2) {
      sections++;
      section = entry;
      entries.push(entry);
    } else if (depth === 3) {
      // A subsection before the first section has no parent to sit under; it stands on its own.
      (section?.children ?? entries).push(entry);
    }
  }
  return sections >= minSections ? entries : [];
}
