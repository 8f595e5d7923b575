import { z } from 'astro/zod';

/** Shares are compared in tenths of a percent so 30.2 + 18.8 never drifts. */
export const toTenths = (share: number): number => Math.round(share * 10);

/**
 * What OWASP lists for CSV injection: a spreadsheet opening the CSV download runs
 * a cell that starts with one of these as a formula (`=HYPERLINK(…)`, `@SUM(…)`).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * The credit lines are written unquoted after `#`, and a spreadsheet splits them at
 * each comma, so there a cell starts after any comma too (quoted or not).
 */
const FORMULA_AFTER_COMMA = /,"?[=+\-@\t\r]/;
const FORMULA_CHARACTERS = '"=", "+", "-", "@", a tab or a carriage return';

/** Text that becomes a cell of the CSV download: a name, a label, the leftover's label. */
const cellText = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .refine(
      (text) => !FORMULA_START.test(text),
      `${field} must not start with ${FORMULA_CHARACTERS}: a spreadsheet opening the CSV download would run it as a formula`,
    );

/** Text printed in the CSV's credit lines: the title, the question, the source and the licence. */
const creditText = (field: string) =>
  cellText(field).refine(
    (text) => !FORMULA_AFTER_COMMA.test(text),
    `${field} must not have ${FORMULA_CHARACTERS} right after a comma: a spreadsheet splits the CSV's credit lines at commas and would run that part as a formula`,
  );

/** Links printed on the figure and every download: web pages only, never `javascript:` or `data:`. */
const webUrl = (field: string) =>
  z
    .url({ protocol: /^https?$/, error: `${field} must be an absolute http(s) URL` })
    .refine(
      (url) => !FORMULA_AFTER_COMMA.test(url),
      `${field} must not have ${FORMULA_CHARACTERS} right after a comma: a spreadsheet splits the CSV's credit lines at commas and would run that part as a formula`,
    );

/**
 * Every output shows a share to one decimal place (formatShare, the CSV, the JSON) and
 * the 100% check adds tenths, so a finer share would be shown and checked as a
 * different number from the one typed; the author rounds it instead.
 */
const share = z
  .number()
  .min(0, 'share must be between 0 and 100')
  .max(100, 'share must be between 0 and 100')
  .refine((value) => toTenths(value) / 10 === value, {
    error: (issue) =>
      `share ${String(issue.input)} has more than one decimal place, the precision the chart, table and downloads show; round it in the data (then check that the shares still add up to no more than 100)`,
  });

const entrySchema = z
  .object({
    name: cellText('name'),
    label: cellText('label').optional(),
    share,
    rank: z.number().int().positive(),
    section: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'section must be a heading id such as "data-availability"'),
  })
  .strict();

export const surveySchema = z
  .object({
    title: creditText('title'),
    question: creditText('question'),
    year: z.number().int().min(2000).max(2100),
    source: z.object({ name: creditText('source.name'), url: webUrl('source.url').optional() }).strict(),
    /**
     * The terms the figures may be reused under, printed on every download beside the source:
     * the name of a licence ("CC BY 4.0") or the source's own reuse terms, with a link when there is one.
     */
    licence: z
      .object({
        name: creditText('licence.name'),
        url: webUrl('licence.url').optional(),
      })
      .strict(),
    /** id of the post whose sections the entries link to */
    article: z.string().trim().min(1),
    /** what the leftover share is called; it is derived, never typed in */
    remainderLabel: cellText('remainderLabel').default('Not listed'),
    entries: z.array(entrySchema).min(1),
  })
  .strict()
  .superRefine((survey, ctx) => {
    const { entries } = survey;
    const seen = new Map<number, string>();
    entries.forEach((entry, index) => {
      const other = seen.get(entry.rank);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'rank'],
          message: `entry "${entry.name}" repeats rank ${entry.rank}, already held by "${other}"`,
        });
      }
      seen.set(entry.rank, entry.name);
    });
    const ranks = [...seen.keys()].sort((a, b) => a - b);
    ranks.forEach((rank, i) => {
      if (rank !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries'],
          message: `ranks must run 1..${entries.length} without gaps; rank ${i + 1} is missing (found ${rank})`,
        });
      }
    });
    const byRank = [...entries].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) {
      const higher = byRank[i - 1]!;
      const lower = byRank[i]!;
      if (toTenths(lower.share) > toTenths(higher.share)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', entries.indexOf(lower), 'rank'],
          message: `entry "${lower.name}" has rank ${lower.rank} but a larger share (${lower.share}%) than rank ${higher.rank} "${higher.name}" (${higher.share}%)`,
        });
      }
    }
    const totalTenths = entries.reduce((sum, e) => sum + toTenths(e.share), 0);
    if (totalTenths > 1000) {
      ctx.addIssue({
        code: 'custom',
        path: ['entries'],
        message: `shares add up to ${(totalTenths / 10).toFixed(1)}%, more than 100%`,
      });
    }
    const sections = new Map<string, string>();
    entries.forEach((entry, index) => {
      const prior = sections.get(entry.section);
      if (prior !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'section'],
          message: `entry "${entry.name}" links to section "${entry.section}", already used by "${prior}"`,
        });
      }
      sections.set(entry.section, entry.name);
    });
    distinctNamesAndLabels(survey, ctx);
  });

/** Names and labels are compared as readers see them: trimmed (the schema trims) and ignoring case. */
const sameWords = (text: string) => text.toLowerCase();

/**
 * Each entry is one bar, one table row and one CSV line, told apart by its
 * name (the narrative) and its label (the text shown, the name when unset).
 * Two alike would be two rows readers cannot tell apart.
 */
function distinctNamesAndLabels(
  survey: { entries: { name: string; label?: string | undefined }[]; remainderLabel: string },
  ctx: z.RefinementCtx,
): void {
  const names = new Map<string, number>();
  const shown = new Map<string, number>();
  survey.entries.forEach((entry, index) => {
    const prior = names.get(sameWords(entry.name));
    if (prior !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['entries', index, 'name'],
        message: `"${entry.name}" repeats the name of entries.${prior} "${survey.entries[prior]!.name}"; names must differ, ignoring case`,
      });
    } else names.set(sameWords(entry.name), index);

    const label = entry.label ?? entry.name;
    const field = entry.label === undefined ? 'name' : 'label';
    const priorLabel = shown.get(sameWords(label));
    const other = priorLabel === undefined ? undefined : survey.entries[priorLabel]!;
    // Two unlabelled entries with one name are the name problem above, reported once.
    if (other && !(entry.label === undefined && other.label === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['entries', index, field],
        message: `entry "${entry.name}" is shown as "${label}", like entries.${priorLabel} "${other.name}" (shown as "${other.label ?? other.name}"); labels must differ, ignoring case`,
      });
    } else if (!other) shown.set(sameWords(label), index);

    if (sameWords(label) === sameWords(survey.remainderLabel)) {
      ctx.addIssue({
        code: 'custom',
        path: ['entries', index, field],
        message: `entry "${entry.name}" is shown as "${label}", the label of the leftover share (remainderLabel "${survey.remainderLabel}")`,
      });
    }
  });
}

export type SurveyData = z.output<typeof surveySchema>;
export type SurveyEntry = SurveyData['entries'][number];
