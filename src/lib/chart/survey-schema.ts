import { z } from 'astro/zod';

/** Shares are compared in tenths of a percent so 30.2 + 18.8 never drifts. */
export const toTenths = (share: number): number => Math.round(share * 10);

/** Links printed on the figure and every download: web pages only, never `javascript:` or `data:`. */
const webUrl = (field: string) => z.url({ protocol: /^https?$/, error: `${field} must be an absolute http(s) URL` });

const entrySchema = z
  .object({
    name: z.string().trim().min(1),
    label: z.string().trim().min(1).optional(),
    share: z.number().min(0, 'share must be between 0 and 100').max(100, 'share must be between 0 and 100'),
    rank: z.number().int().positive(),
    section: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'section must be a heading id such as "data-availability"'),
  })
  .strict();

export const surveySchema = z
  .object({
    title: z.string().trim().min(1),
    question: z.string().trim().min(1),
    year: z.number().int().min(2000).max(2100),
    source: z.object({ name: z.string().trim().min(1), url: webUrl('source.url').optional() }).strict(),
    /**
     * The terms the figures may be reused under, printed on every download beside the source:
     * the name of a licence ("CC BY 4.0") or the source's own reuse terms, with a link when there is one.
     */
    licence: z
      .object({
        name: z.string().trim().min(1, 'licence.name must not be empty'),
        url: webUrl('licence.url').optional(),
      })
      .strict(),
    /** id of the post whose sections the entries link to */
    article: z.string().trim().min(1),
    /** what the leftover share is called; it is derived, never typed in */
    remainderLabel: z.string().trim().min(1).default('Not listed'),
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
