import { describe, expect, it } from 'vitest';
import { surveySchema } from '../../../src/lib/chart/survey-schema';
import { assertSectionsExist } from '../../../src/lib/chart/survey';
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

  it('takes only http(s) links for the source and the licence', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com/x']) {
      expect(
        problems((s) => Object.assign(s, { source: { name: 'S', url } })),
        url,
      ).toEqual(['source.url: source.url must be an absolute http(s) URL']);
      expect(
        problems((s) => Object.assign(s, { licence: { name: 'L', url } })),
        url,
      ).toEqual(['licence.url: licence.url must be an absolute http(s) URL']);
    }
    expect(problems((s) => Object.assign(s, { licence: { name: 'L', url: 'https://example.com/terms' } }))).toEqual([]);
  });

  it('rejects a share above 100 or below 0', () => {
    expect(problems((s) => (s.entries[0]!.share = 130)).join('\n')).toMatch(
      /entries\.0\.share: share must be between 0 and 100/,
    );
    expect(problems((s) => (s.entries[7]!.share = -1)).join('\n')).toMatch(
      /entries\.7\.share: share must be between 0 and 100/,
    );
  });

  it('refuses a share finer than the one decimal place every output shows, rather than rounding it', () => {
    expect(problems((s) => (s.entries[0]!.share = 30.25))).toEqual([
      'entries.0.share: share 30.25 has more than one decimal place, the precision the chart, table and downloads show; round it in the data (then check that the shares still add up to no more than 100)',
    ]);
    // 50.04 + 49.96 is 100, but rounded to tenths it would be 50.0 + 50.0; neither is what the author typed.
    const twoEntries = (shares: [number, number]) =>
      problems((s) => {
        s.entries = s.entries.slice(0, 2);
        s.entries[0]!.share = shares[0];
        s.entries[1]!.share = shares[1];
      });
    expect(twoEntries([50.04, 49.96]).map((p) => p.split(':')[0])).toEqual(['entries.0.share', 'entries.1.share']);
    expect(twoEntries([50.04, 18.85]).join('\n')).toContain('share 18.85 has more than one decimal place');
    // Whole numbers and tenths, however the double behind them rounds, are what the site shows.
    for (const shares of [
      [50, 50],
      [70.1, 29.9],
      [0.3, 0.1],
      [33.3, 33.3],
    ] as [number, number][])
      expect(twoEntries(shares), String(shares)).toEqual([]);
  });

  it('refuses names and labels a spreadsheet would run as a formula, naming the field', () => {
    for (const text of ['=1+2', '@SUM(1+1)', '+cmd', '-2+3', '=HYPERLINK("https://example.com","x")', '  =1+2']) {
      expect(
        problems((s) => (s.entries[7]!.name = text)),
        text,
      ).toEqual([
        'entries.7.name: name must not start with "=", "+", "-", "@", a tab or a carriage return: a spreadsheet opening the CSV download would run it as a formula',
      ]);
      expect(problems((s) => (s.entries[0]!.label = text))).toEqual([
        'entries.0.label: label must not start with "=", "+", "-", "@", a tab or a carriage return: a spreadsheet opening the CSV download would run it as a formula',
      ]);
      expect(problems((s) => (s.remainderLabel = text))).toEqual([
        'remainderLabel: remainderLabel must not start with "=", "+", "-", "@", a tab or a carriage return: a spreadsheet opening the CSV download would run it as a formula',
      ]);
    }
    // The characters are harmless inside the text.
    for (const text of ['Cross-chain', 'C++ tooling', 'Layer 2 = scaling', 'a@b', '2+2']) {
      expect(
        problems((s) => (s.entries[7]!.name = text)),
        text,
      ).toEqual([]);
    }
  });

  it('refuses credit text with a formula after a comma, where a spreadsheet starts a new cell', () => {
    const message = (field: string) =>
      `${field}: ${field} must not have "=", "+", "-", "@", a tab or a carriage return right after a comma: a spreadsheet splits the CSV's credit lines at commas and would run that part as a formula`;
    expect(problems((s) => (s.title = 'Top narratives,=1+2'))).toEqual([message('title')]);
    expect(problems((s) => (s.question = 'Which one,"@SUM(1+1)"?'))).toEqual([message('question')]);
    expect(problems((s) => (s.source = { name: 'Poll,+cmd' }))).toEqual([message('source.name')]);
    expect(problems((s) => (s.licence = { name: 'CC BY,-1+1' }))).toEqual([message('licence.name')]);
    expect(problems((s) => (s.licence = { name: 'L', url: 'https://example.com/a,=1+2' }))).toEqual([
      message('licence.url'),
    ]);
    expect(problems((s) => (s.title = '=1+2'))).toEqual([
      'title: title must not start with "=", "+", "-", "@", a tab or a carriage return: a spreadsheet opening the CSV download would run it as a formula',
    ]);
    expect(problems((s) => (s.title = 'Top narratives, 2024 - a look back'))).toEqual([]);
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

  it('rejects a name used twice, ignoring case and surrounding spaces, naming both entries', () => {
    expect(problems((s) => (s.entries[3]!.name = '  depin '))).toEqual([
      'entries.3.name: "depin" repeats the name of entries.0 "DePIN"; names must differ, ignoring case',
    ]);
  });

  it('rejects a label used twice, ignoring case, naming both entries', () => {
    expect(problems((s) => (s.entries[2]!.label = 'artificial intelligence '))).toEqual([
      'entries.2.label: entry "GameFi" is shown as "artificial intelligence", like entries.1 "AI" (shown as "Artificial Intelligence"); labels must differ, ignoring case',
    ]);
  });

  it('compares the label readers see: an unlabelled entry shows its name', () => {
    // entries.5 "Modularity" has no label; a later label "MODULARITY" would show the same text.
    expect(problems((s) => (s.entries[6]!.label = 'MODULARITY'))).toEqual([
      'entries.6.label: entry "Omni-chain" is shown as "MODULARITY", like entries.5 "Modularity" (shown as "Modularity"); labels must differ, ignoring case',
    ]);
    expect(problems((s) => (s.entries[7]!.name = 'gaming'))).toEqual([
      'entries.7.name: entry "gaming" is shown as "gaming", like entries.2 "GameFi" (shown as "Gaming"); labels must differ, ignoring case',
    ]);
  });

  it('reports two unlabelled entries with one name once, as a name problem', () => {
    expect(problems((s) => (s.entries[7]!.name = 'modularity'))).toEqual([
      'entries.7.name: "modularity" repeats the name of entries.5 "Modularity"; names must differ, ignoring case',
    ]);
  });

  it('rejects an entry shown like the leftover share', () => {
    expect(problems((s) => (s.entries[7]!.label = 'not listed'))).toEqual([
      'entries.7.label: entry "Data availability" is shown as "not listed", the label of the leftover share (remainderLabel "Not listed")',
    ]);
  });

  it('rejects a section id that is not a heading of the article, naming the file and the entry', () => {
    const data = realSurvey();
    const headings = data.entries.map((e) => e.section).filter((s) => s !== 'data-availability');
    expect(() =>
      assertSectionsExist(
        { file: 'src/content/surveys/moon-awards-2024-narratives.json', article: data.article, entries: data.entries },
        headings,
      ),
    ).toThrow(
      /src\/content\/surveys\/moon-awards-2024-narratives\.json: an entry links to a missing section\n {2}entries\[7\] "Data availability": section "data-availability" is not a heading id in post "top-crypto-narratives-2024"/,
    );
  });

  it('accepts sections that all exist', () => {
    const data = realSurvey();
    expect(() =>
      assertSectionsExist(
        { file: 'x.json', article: data.article, entries: data.entries },
        data.entries.map((e) => e.section),
      ),
    ).not.toThrow();
  });
});
