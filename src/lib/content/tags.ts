/**
 * Tag URLs, and the two ways a tag can fail to get a page of its own.
 *
 * A tag's page is /tags/<slug>/, the slug made by github-slugger (as for
 * headings). Slugging drops punctuation, so on its own it turns `C++` and `C#`
 * into one page, `c`. The few symbols that carry meaning in a tag name are
 * spelled out as words first (TAG_SYMBOL_WORDS): `C++` → c-plus-plus,
 * `C#` → c-sharp, `R&D` → r-and-d. Every other tag slugs as it always has.
 *
 * What still cannot work stops the build (tagProblems):
 * - two spellings that slug alike (`AI` and `ai`, `DeFi` and `defi`) would
 *   share one page under one of the two labels, so the author picks one;
 * - a tag with nothing left to slug (`!!!`) has no URL at all.
 */
import { slug as githubSlug } from 'github-slugger';
import type { ContentProblem } from './content-error';

/** Symbols spelled as words before slugging. Changing a word moves every tag page that uses it. */
export const TAG_SYMBOL_WORDS: Readonly<Record<string, string>> = {
  '+': 'plus',
  '#': 'sharp',
  '&': 'and',
  '@': 'at',
  '%': 'percent',
};

/** `C++` → `C plus plus`, `fish & chips` → `fish and chips`: each symbol becomes a word of its own. */
export function spellOutTagSymbols(tag: string): string {
  let out = '';
  let spaceBeforeNext = false;
  for (const char of tag) {
    const word = TAG_SYMBOL_WORDS[char];
    const isSpace = /\s/.test(char);
    if (word !== undefined) {
      if (out !== '' && !/\s$/.test(out)) out += ' ';
      out += word;
      spaceBeforeNext = true;
      continue;
    }
    if (spaceBeforeNext && !isSpace) out += ' ';
    spaceBeforeNext = false;
    out += char;
  }
  return out;
}

/** Every tag link on every page slugs its tag; a site has far fewer distinct tags than links to them. */
const tagSlugs = new Map<string, string>();

/** The URL segment of a tag's page; empty when the tag has no letters, digits or mapped symbols. */
export function tagSlug(tag: string): string {
  let slug = tagSlugs.get(tag);
  if (slug === undefined) {
    slug = githubSlug(spellOutTagSymbols(tag.trim()));
    tagSlugs.set(tag, slug);
  }
  return slug;
}

export interface TaggedFile {
  /** The post's source file, as it should appear in the message. */
  file: string;
  tags: readonly string[];
}

interface TagUse {
  file: string;
  index: number;
}

/**
 * Every tag that cannot have a page of its own: an empty slug, or a spelling
 * that slugs like another one. The spelling most posts use is taken as the
 * intended one and every use of another spelling is a problem, naming both
 * spellings and a file with the intended one. Files are visited in sorted
 * order (ties go to the first file), so messages never depend on load order.
 */
export function tagProblems(posts: readonly TaggedFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const spellingsBySlug = new Map<string, Map<string, TagUse[]>>();
  const sorted = [...posts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, tags } of sorted) {
    tags.forEach((spelling, index) => {
      const slug = tagSlug(spelling);
      if (slug === '') {
        problems.push({
          file,
          field: `tags.${index}`,
          reason: `tag "${spelling}" has no letters or digits to make its page URL from`,
        });
        return;
      }
      const spellings = spellingsBySlug.get(slug) ?? new Map<string, TagUse[]>();
      spellingsBySlug.set(slug, spellings);
      const uses = spellings.get(spelling) ?? [];
      spellings.set(spelling, uses);
      if (!uses.some((use) => use.file === file)) uses.push({ file, index });
    });
  }
  for (const [slug, spellings] of spellingsBySlug) {
    if (spellings.size < 2) continue;
    // Map order is first use, so on a tie the spelling met first wins.
    const [intended, intendedUses] = [...spellings].reduce((best, next) =>
      next[1].length > best[1].length ? next : best,
    );
    for (const [spelling, uses] of spellings) {
      if (spelling === intended) continue;
      for (const { file, index } of uses) {
        const sameFile = intendedUses.find((use) => use.file === file);
        const others = intendedUses.length - 1;
        const where = sameFile
          ? `(tags.${sameFile.index})`
          : `in ${intendedUses[0]!.file}${others > 0 ? ` (and ${others} other post${others === 1 ? '' : 's'})` : ''}`;
        problems.push({
          file,
          field: `tags.${index}`,
          reason: `tag "${spelling}" and tag "${intended}" ${where} would share the page tags/${slug}/; spell them the same`,
        });
      }
    }
  }
  return problems.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.field ?? '').localeCompare(b.field ?? '', 'en', { numeric: true }),
  );
}
