/** Every download names its survey, source and licence (issue 15, part 7). */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { surveyCredit, surveyToCsv, surveyToJson, deriveSurvey } from '../../../src/lib/chart/survey';
import { renderChartCardSvg } from '../../../src/lib/chart/chart-svg';
import { surveySchema } from '../../../src/lib/chart/survey-schema';
import { rawSurvey, realView } from './survey-fixtures';

describe('survey credit on the downloads', () => {
  const view = realView();
  const credit = surveyCredit(view);

  it('the credit names the survey, the source with its year and the licence', () => {
    expect(credit).toEqual({
      name: 'Top crypto narratives for 2024: Which crypto narrative will lead in 2024?',
      source: 'Source: Token Metrics Moon Awards community survey, 2024.',
      licence: "Licence: Token Metrics' terms (figures quoted as published).",
    });
  });

  it('the CSV starts with the credit as "#" comment lines, then the header row', () => {
    const lines = surveyToCsv(view).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      `# ${credit.name}`,
      `# ${credit.source}`,
      `# ${credit.licence}`,
      'rank,narrative,label,share_percent,section',
    ]);
  });

  it('a line break in author text cannot end a CSV comment early', () => {
    const raw = rawSurvey();
    const hostile = deriveSurvey(
      'x',
      surveySchema.parse({ ...raw, title: 'Two\nlines', licence: { name: 'CC BY\r\n4.0' } }),
    );
    const comments = surveyToCsv(hostile)
      .split('\r\n')
      .filter((l) => !l.startsWith('rank,') && !/^\d|^Not listed|^,/.test(l));
    expect(comments.slice(0, 3).every((l) => l.startsWith('# '))).toBe(true);
    expect(comments[0]).toContain('Two lines');
    expect(comments[2]).toBe('# Licence: CC BY 4.0.');
  });

  it("no cell of an accepted survey's CSV starts as a spreadsheet formula, credit lines included", () => {
    /** Cells as a spreadsheet splits a line: at commas outside quotes, a quoted cell unquoted. */
    const cells = (line: string): string[] =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell = '']) =>
        cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell,
      );
    const raw = rawSurvey();
    raw.entries[6]!.label = 'Omni-chain, cross-chain - "bridges"';
    const edgy = deriveSurvey(
      'x',
      surveySchema.parse({
        ...raw,
        title: 'Top narratives, 2024 - a look back',
        source: { name: 'Poll, 2024 @ example', url: 'https://example.com/poll?a=1,b=2' },
        remainderLabel: 'Other, -ish',
      }),
    );
    const all = surveyToCsv(edgy).split('\r\n').flatMap(cells);
    expect(all).toContain('Omni-chain, cross-chain - "bridges"');
    expect(all.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('the JSON carries the licence and the credit lines as fields', () => {
    const json = surveyToJson(view);
    expect(json.licence).toEqual({ name: "Token Metrics' terms (figures quoted as published)" });
    expect(json.credit).toEqual(credit);
  });

  it('the SVG carries them in <title>, <desc>, <metadata> (Dublin Core) and the drawn footer', () => {
    const svg = renderChartCardSvg(view, { siteName: 'Site' });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(parsed.title).toBe(view.question);
    expect(parsed.desc).toContain('Source: Token Metrics Moon Awards community survey, 2024.');
    const rdf = parsed.metadata['rdf:RDF']['rdf:Description'];
    expect(rdf['dc:title']).toBe(credit.name);
    expect(rdf['dc:source']).toBe(credit.source);
    expect(rdf['dc:rights']).toBe(credit.licence);
    const drawn = (parsed.text as ({ '#text': string } | string)[]).map((t) =>
      typeof t === 'string' ? t : t['#text'],
    );
    expect(drawn).toContain('Source: Token Metrics Moon Awards community survey, 2024');
    expect(drawn).toContain("Licence: Token Metrics' terms (figures quoted as published)");
  });

  it('a licence with a link ends as a sentence, so no metadata reader mistakes "(…)" for a comment', () => {
    const linked = deriveSurvey(
      'x',
      surveySchema.parse({
        ...rawSurvey(),
        licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      }),
    );
    expect(surveyCredit(linked).licence).toBe('Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
  });

  it('the schema requires a licence and names the field when it is missing or empty', () => {
    const raw = rawSurvey();
    delete raw.licence;
    const missing = surveySchema.safeParse(raw);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path.join('.'))).toContain('licence');
    const empty = surveySchema.safeParse({ ...rawSurvey(), licence: { name: ' ' } });
    expect(empty.error!.issues[0]!.message).toBe('licence.name must not be empty');
    const badUrl = surveySchema.safeParse({ ...rawSurvey(), licence: { name: 'X', url: 'not a url' } });
    expect(badUrl.error!.issues[0]!.message).toBe('licence.url must be an absolute http(s) URL');
  });
});
