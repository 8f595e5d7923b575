/**
 * Everything derived from one survey entry, with no I/O: the ranked rows, the
 * "Not listed" remainder, the takeaway caption, the downloads and the check
 * that each entry's section exists in the article. The inline SVG, the table,
 * the Chart.js island, the PNG card and the CSV/JSON files all read a
 * SurveyView, so they cannot disagree.
 */
import type { SurveyData } from './survey-schema';
import { toTenths } from './survey-schema';
import { formatShare } from './format';
import { surveySummary } from './summary';

export interface SurveyRow {
  /** Short name used on the chart, e.g. "DePIN". */
  name: string;
  /** Long name, e.g. "Decentralized Physical Infrastructure Networks". Equals name when none is given. */
  label: string;
  /** Share of votes in percent, as typed in the data. */
  share: number;
  /** Share in tenths of a percent, the unit all arithmetic uses. */
  tenths: number;
  /** 1-based rank; null for the derived remainder. */
  rank: number | null;
  /** Heading id in the article; null for the remainder. */
  section: string | null;
  remainder: boolean;
}

export interface SurveyView {
  id: string;
  title: string;
  question: string;
  year: number;
  source: { name: string; url?: string | undefined };
  licence: { name: string; url?: string | undefined };
  article: string;
  /** Listed entries, rank 1 first. */
  ranked: SurveyRow[];
  /** 100 − the listed shares, derived, never typed in. Share 0 when the entries add up to 100. */
  remainder: SurveyRow;
  /** Ranked rows followed by the remainder when it is above zero: what every output shows. */
  rows: SurveyRow[];
  /** "DePIN leads with 30.2%, ahead of AI at 18.8%" */
  takeaway: string;
  /** The chart described in words, generated from the data (see summary.ts). */
  summary: string;
}

/** Where a survey's card image is emitted, relative to the base (see src/pages/og/[survey].png.ts). */
export const surveyPngPath = (id: string): string => `og/${id}.png`;
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/**
 * Smaller copies of the card for pages that show it at thumbnail size (the
 * home page's featured slot is ~310 CSS px on a phone), so a browser need not
 * fetch the 1200 px PNG to draw it.
 */
export const CARD_THUMBNAIL_WIDTHS = [600, 900] as const;
export type CardThumbnailWidth = (typeof CARD_THUMBNAIL_WIDTHS)[number];
/**
 * The card in the dark theme's colours, at each width of the home page's srcset (see
 * src/pages/og/dark/[survey]-[width]w.png.ts). Only the home page shows it; og:image stays light.
 */
export const CARD_DARK_WIDTHS = [...CARD_THUMBNAIL_WIDTHS, CARD_WIDTH] as const;
export type CardDarkWidth = (typeof CARD_DARK_WIDTHS)[number];
export const surveyDarkPngPath = (id: string, width: CardDarkWidth): string => `og/dark/${id}-${width}w.png`;
/** Where a card thumbnail is emitted, relative to the base (see src/pages/og/[survey]-[width]w.png.ts). */
export const surveyThumbnailPath = (id: string, width: CardThumbnailWidth): string => `og/${id}-${width}w.png`;

export { formatShare } from './format';

export function sortByRank<T extends { rank: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.rank - b.rank);
}

/** Tenths of a percent the listed entries leave over (never negative: the schema rejects totals above 100%). */
export function remainderTenths(entries: readonly { share: number }[]): number {
  return Math.max(0, 1000 - entries.reduce((sum, e) => sum + toTenths(e.share), 0));
}

export function takeawayCaption(ranked: readonly Pick<SurveyRow, 'name' | 'tenths'>[]): string {
  const [first, second] = ranked;
  if (!first) return '';
  if (!second) return `${first.name} leads with ${formatShare(first.tenths)}`;
  if (first.tenths === second.tenths) {
    return `${first.name} and ${second.name} share the lead with ${formatShare(first.tenths)} each`;
  }
  return `${first.name} leads with ${formatShare(first.tenths)}, ahead of ${second.name} at ${formatShare(second.tenths)}`;
}

export function deriveSurvey(id: string, data: SurveyData): SurveyView {
  const ranked: SurveyRow[] = sortByRank(data.entries).map((e) => ({
    name: e.name,
    label: e.label ?? e.name,
    share: e.share,
    tenths: toTenths(e.share),
    rank: e.rank,
    section: e.section,
    remainder: false,
  }));
  const rest = remainderTenths(data.entries);
  const remainder: SurveyRow = {
    name: data.remainderLabel,
    label: data.remainderLabel,
    share: rest / 10,
    tenths: rest,
    rank: null,
    section: null,
    remainder: true,
  };
  return {
    id,
    title: data.title,
    question: data.question,
    year: data.year,
    source: { name: data.source.name, url: data.source.url },
    licence: { name: data.licence.name, url: data.licence.url },
    article: data.article,
    ranked,
    remainder,
    rows: rest > 0 ? [...ranked, remainder] : ranked,
    takeaway: takeawayCaption(ranked),
    summary: surveySummary(ranked, remainder),
  };
}

/** What the live region says for a row: "DePIN: 30.2% of votes, rank 1 of 8". */
export function announceRow(row: SurveyRow, rankedCount: number): string {
  const rank = row.rank === null ? 'not one of the listed narratives' : `rank ${row.rank} of ${rankedCount}`;
  return `${row.name}: ${formatShare(row.tenths)} of votes, ${rank}`;
}

/** Text alternative for the chart image (PNG card, RSS, og:image:alt). */
export function chartAltText(view: SurveyView): string {
  const list = view.rows.map((r) => `${r.name} ${formatShare(r.tenths)}`).join(', ');
  return `Bar chart: ${view.question} ${view.summary} Shares of votes: ${list}. Source: ${view.source.name}, ${view.year}.`;
}

// ---------------------------------------------------------------- downloads

/** The downloads offered under the figure, in the order they are listed. */
export const DOWNLOAD_FORMATS = ['csv', 'json', 'svg', 'png'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Author text is one line on every download: a line break would end a CSV comment or a drawn caption early. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Each credit line ends as a sentence. Besides reading better, this keeps a line from ending in ")":
 * libvips reads an EXIF text ending "… (…)" as "value (description)" and drops the bracketed part.
 */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The three lines every download carries, so a file passed on alone still says
 * what it shows, where the figures come from and how they may be reused.
 */
export function surveyCredit(view: SurveyView): { name: string; source: string; licence: string } {
  const url = (link: { url?: string | undefined }) => (link.url ? ` (${link.url})` : '');
  return {
    name: sentence(oneLine(`${view.title}: ${view.question}`)),
    source: sentence(oneLine(`Source: ${view.source.name}, ${view.year}${url(view.source)}`)),
    licence: sentence(oneLine(`Licence: ${view.licence.name}${url(view.licence)}`)),
  };
}

const CSV_HEADER = ['rank', 'narrative', 'label', 'share_percent', 'section'] as const;

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The credit lines first, each starting with "#", then the header row, one line
 * per listed entry in rank order, and the derived remainder with an empty rank
 * and section. RFC 4180 has no metadata; "#" is the comment prefix of the W3C
 * tabular-data dialect (CSVW, whose default commentPrefix is "#") and what
 * pandas (comment="#") and R (comment.char="#") skip, while a spreadsheet shows
 * the lines as text above the table. CRLF line ends, as RFC 4180 expects.
 */
export function surveyToCsv(view: SurveyView): string {
  const credit = surveyCredit(view);
  const lines = [credit.name, credit.source, credit.licence].map((line) => `# ${line}`);
  lines.push(CSV_HEADER.join(','));
  for (const row of view.rows) {
    lines.push(
      [row.rank === null ? '' : String(row.rank), row.name, row.label, (row.tenths / 10).toFixed(1), row.section ?? '']
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export interface SurveyJson {
  id: string;
  title: string;
  question: string;
  year: number;
  source: { name: string; url?: string };
  licence: { name: string; url?: string };
  /** The credit lines as the other downloads print them. */
  credit: { name: string; source: string; licence: string };
  article: string;
  entries: { rank: number; name: string; label: string; share: number; section: string }[];
  remainder: { name: string; share: number; derived: true };
}

export function surveyToJson(view: SurveyView): SurveyJson {
  return {
    id: view.id,
    title: view.title,
    question: view.question,
    year: view.year,
    source: view.source.url ? { name: view.source.name, url: view.source.url } : { name: view.source.name },
    licence: view.licence.url ? { name: view.licence.name, url: view.licence.url } : { name: view.licence.name },
    credit: surveyCredit(view),
    article: view.article,
    entries: view.ranked.map((r) => ({
      rank: r.rank!,
      name: r.name,
      label: r.label,
      share: r.tenths / 10,
      section: r.section!,
    })),
    remainder: { name: view.remainder.name, share: view.remainder.tenths / 10, derived: true },
  };
}

// ---------------------------------------------------------------- validation

export class SurveySectionError extends Error {
  override name = 'SurveySectionError';
}

/**
 * Every entry must link to a heading of its article. Throws one error listing
 * each bad entry with the survey file, the entry's index and name, and the
 * headings that do exist.
 */
export function assertSectionsExist(
  survey: { file: string; article: string; entries: readonly { name: string; section: string }[] },
  headingSlugs: readonly string[],
): void {
  const known = new Set(headingSlugs);
  const problems = survey.entries.flatMap((entry, index) =>
    known.has(entry.section)
      ? []
      : [
          `  entries[${index}] "${entry.name}": section "${entry.section}" is not a heading id in post "${survey.article}"`,
        ],
  );
  if (problems.length === 0) return;
  throw new SurveySectionError(
    `${survey.file}: ${problems.length === 1 ? 'an entry links' : `${problems.length} entries link`} to a missing section\n` +
      problems.join('\n') +
      `\n  headings in "${survey.article}": ${headingSlugs.join(', ') || '(none)'}`,
  );
}
