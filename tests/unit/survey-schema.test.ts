import { describe, expect, it } from 'vitest';
import { surveySchema } from '../../src/lib/survey-schema';
import { assertSectionsExist } from '../../src/lib/survey';
import { rawSurvey, realSurvey } from './survey-fixtures';

/** Error messages of a mutated copy of the real survey. */
function problems(mutate: (s: ReturnType<typeof rawSurvey>) => void): string[] {
  const data = rawSurvey();
  mutate(data);
  const result = surveySchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('survey schema', () => {
  it('accepts the real survey', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('rejects a share above 100 or below 0', () => {
    expect(problems((s) => (s.entries[0]!.share = 130)).join('\n')).toMatch(/entries\.0\.share: share must be between 0 and 100/);
    expect(problems((s) => (s.entries[7]!.share = -1)).join('\n')).toMatch(/entries\.7\.share: share must be between 0 and 100/);
  });

  it('rejects a duplicate rank, naming both entries', () => {
    const msg = problems((s) => (s.entries[2]!.rank = 2)).join('\n');
    expect(msg).toContain('entry "GameFi" repeats rank 2, already held by "AI"');
  });

  it('rejects gapped ranks', () => {
    const msg = problems((s) => (s.entries[7]!.rank = 9)).join('\n');
    expect(msg).toMatch(/ranks must run 1\.\.8 without gaps; rank 8 is missing/);
  });

  it('rejects ranks that disagree with the shares, naming the entry', () => {
    const msg = problems((s) => {
      s.entries[0]!.rank = 2;
      s.entries[1]!.rank = 1;
    }).join('\n');
    expect(msg).toContain('entry "DePIN" has rank 2 but a larger share (30.2%) than rank 1 "AI" (18.8%)');
  });

  it('rejects a total over 100%', () => {
    const msg = problems((s) => {
      // 96.2 − 3.4 − 1.3 + 5.1 + 5.1 = 101.7, ranks still agree with the shares
      s.entries[6]!.share = 5.1;
      s.entries[7]!.share = 5.1;
    }).join('\n');
    expect(msg).toContain('shares add up to 101.7%, more than 100%');
  });

  it('rejects two entries linking to one section', () => {
    const msg = problems((s) => (s.entries[1]!.section = 'modularity')).join('\n');
    expect(msg).toContain('entry "Modularity" links to section "modularity", already used by "AI"');
  });

  it('rejects a section id that is not a heading of the article, naming the file and the entry', () => {
    const data = realSurvey();
    const headings = data.entries.map((e) => e.section).filter((s) => s !== 'data-availability');
    expect(() =>
      assertSectionsExist({ file: 'src/content/surveys/moon-awards-2024-narratives.json', article: data.article, entries: data.entries }, headings),
    ).toThrowError(
      /src\/content\/surveys\/moon-awards-2024-narratives\.json: an entry links to a missing section\n {2}entries\[7\] "Data availability": section "data-availability" is not a heading id in post "top-crypto-narratives-2024"/,
    );
  });

  it('accepts sections that all exist', () => {
    const data = realSurvey();
    expect(() => assertSectionsExist({ file: 'x.json', article: data.article, entries: data.entries }, data.entries.map((e) => e.section))).not.toThrow();
  });
});
