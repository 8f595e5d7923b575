import { describe, expect, it, onTestFinished } from 'vitest';
import { dateProblem, parseFrontmatter, plainTextProblem, toDate } from '../../../src/lib/content/frontmatter';

const options = { dateFields: ['pubDate', 'updatedDate'], reservedFields: ['bodyWords'] };
const parse = (yaml: string) => parseFrontmatter(yaml, 2, options);

describe('frontmatter read as a YAML document', () => {
  it('checks a date field however its key is spelled', () => {
    for (const yaml of [
      'pubDate: 2024-02-30',
      'pubDate : 2024-02-30',
      '"pubDate": 2024-02-30',
      "'pubDate': '2024-02-30'",
      'pubDate:    "2024-02-30"',
    ]) {
      expect(parse(yaml).problems, yaml).toEqual([
        { field: 'pubDate', line: 2, column: expect.any(Number), reason: '"2024-02-30" is not a real calendar date' },
      ]);
    }
  });

  it('allows comments and turns checked dates into UTC Dates', () => {
    expect(parse('pubDate: 2024-02-28 # first draft\nupdatedDate: 2024-03-01T10:30:00+02:00')).toEqual({
      data: { pubDate: new Date('2024-02-28T00:00:00Z'), updatedDate: new Date('2024-03-01T08:30:00Z') },
      problems: [],
    });
    expect(toDate('2024-03-12 10:00').toISOString()).toBe('2024-03-12T10:00:00.000Z');
  });

  it.each(['America/New_York', 'Asia/Tokyo'])(
    'reads every accepted spelling of a time without an offset as UTC, on a build machine in %s',
    (zone) => {
      // Node applies a TZ change at once; this file's process is vitest's own fork, restored after.
      const previous = process.env.TZ;
      process.env.TZ = zone;
      onTestFinished(() => {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      });
      // The zone took effect, so a local-time reading would show as a different instant.
      expect(new Date(2024, 2, 10, 10).getTimezoneOffset()).not.toBe(0);
      const tenUtc = Date.UTC(2024, 2, 10, 10);
      for (const text of ['2024-03-10T10:00', '2024-03-10t10:00', '2024-03-10 10:00', '2024-03-10t10:00:00.000'])
        expect(toDate(text).getTime(), text).toBe(tenUtc);
      for (const text of ['2024-03-10t10:00Z', '2024-03-10T10:00z', '2024-03-10t12:00+02:00', '2024-03-10t05:00-0500'])
        expect(toDate(text).getTime(), text).toBe(tenUtc);
      expect(toDate('2024-03-10').getTime()).toBe(Date.UTC(2024, 2, 10));
      expect(parse('pubDate: 2024-03-10t10:00').data.pubDate).toEqual(new Date(tenUtc));
    },
  );

  it('reads fractions of a second to the millisecond and 24:00 as the end of the day, as ECMAScript does', () => {
    expect(toDate('2024-03-10T10:00:00.1239').getTime()).toBe(Date.UTC(2024, 2, 10, 10, 0, 0, 123));
    expect(toDate('2024-03-10t24:00').getTime()).toBe(Date.UTC(2024, 2, 11));
  });

  it('refuses a time or offset out of range', () => {
    for (const text of [
      '2024-03-10T24:01',
      '2024-03-10T25:00',
      '2024-03-10t10:60',
      '2024-03-10 10:00:60',
      '2024-03-10T10:00+24:00',
      '2024-03-10T10:00+23:60',
    ])
      expect(dateProblem(text), text).toBe(`"${text}" is not a valid date and time`);
  });

  it('refuses dates that are not written as dates', () => {
    expect(dateProblem(20240101)).toBe('must be a date written as YYYY-MM-DD, got 20240101');
    expect(dateProblem('12/03/2024')).toBe('"12/03/2024" is not a date in the form YYYY-MM-DD');
    expect(dateProblem('2024-13-01')).toBe('"2024-13-01" is not a real calendar date');
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2023-02-29')).toBe('"2023-02-29" is not a real calendar date');
  });

  it('names the field of a control character that a YAML escape produced', () => {
    const { problems } = parse('title: ok\ndescription: "ring \\a bell"\nfaq:\n  - question: "q\\e"\n    answer: a');
    expect(problems).toEqual([
      {
        field: 'description',
        line: 3,
        column: 14,
        reason: 'contains U+0007, a control character that XML feeds cannot carry; delete it',
      },
      {
        field: 'faq.0.question',
        line: 5,
        column: 15,
        reason: 'contains U+001B, a control character that XML feeds cannot carry; delete it',
      },
    ]);
  });

  it('reports YAML errors with the file line, duplicate keys included', () => {
    expect(parse('title: a\ntitle: b').problems).toEqual([
      { line: 3, column: 1, reason: 'YAML: Map keys must be unique' },
    ]);
    expect(parse('- a list').problems).toEqual([
      { line: 2, reason: 'frontmatter must be a list of `field: value` lines' },
    ]);
  });

  it('refuses a field the build fills in', () => {
    expect(parse('bodyWords: 12').problems).toEqual([
      {
        field: 'bodyWords',
        line: 2,
        column: 12,
        reason: '"bodyWords" is filled in by the build and cannot be set in frontmatter',
      },
    ]);
  });
});

describe("plain-text fields (a post's deck)", () => {
  const withDeck = (yaml: string) => parseFrontmatter(yaml, 2, { ...options, plainTextFields: ['deck'] }).problems;

  it('accepts one line of text, punctuation and symbols included', () => {
    for (const deck of [
      'Async patterns, profiling & tuning',
      'Part 2: scaling out',
      'C# vs. "F#" (a_b_c)',
      '50% faster <3',
    ])
      expect(plainTextProblem(deck), deck).toBeUndefined();
    expect(withDeck('title: t\ndeck: "Part 1: where the speed comes from"')).toEqual([]);
  });

  it('refuses Markdown and HTML, which would show as typed', () => {
    for (const deck of [
      '**Part 2**',
      '<b>Part 2</b>',
      '[Part 2](https://example.org)',
      '1. Intro',
      '# Part 2',
      '`code`',
    ])
      expect(plainTextProblem(deck), deck).toMatch(/^is plain text: Markdown and HTML would show as typed/);
  });

  it('refuses line breaks and invisible characters, naming the field and its line', () => {
    expect(withDeck('title: t\ndeck: |\n  two\n  lines')).toEqual([
      {
        field: 'deck',
        line: 3,
        column: expect.any(Number),
        reason: 'must be one line of plain text; it contains a line break',
      },
    ]);
    expect(plainTextProblem('admin\u202Etxt.exe')).toBe(
      'must be one line of plain text; it contains the invisible character U+202E',
    );
  });

  it('leaves a missing or non-string deck to the schema', () => {
    expect(withDeck('title: t')).toEqual([]);
    expect(withDeck('title: t\ndeck: 42')).toEqual([]);
  });
});
