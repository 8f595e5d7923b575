import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../../src/lib/content/json-document';

const FILE = 'src/content/categories/research.json';
/** `line: reason` for each problem, the form an author reads after the file name. */
const problemsIn = (text: string) =>
  parseJsonDocument(text, FILE).problems.map(({ file, line, reason }) => {
    expect(file).toBe(FILE);
    return `${line}: ${reason}`;
  });

describe('an authored JSON file read as a document', () => {
  it('reads JSON as JSON.parse does, a leading byte-order mark and a __proto__ key included', () => {
    const text = '{\n  "a": [1, -0.5e2, true, false, null, "\\u00e9\\/\\n"],\n  "b": {},\n  "__proto__": {"x": 1}\n}\n';
    const document = parseJsonDocument(`\uFEFF${text}`, FILE);
    expect(document.problems).toEqual([]);
    expect(document.data).toEqual(JSON.parse(text));
    expect(Object.hasOwn(document.data as object, '__proto__')).toBe(true);
    expect(parseJsonDocument('"just text"', FILE).data).toBe('just text');
  });

  it('agrees with JSON.parse on valid JSON however it is laid out', () => {
    const values: unknown[] = [
      { name: 'R', newsletter: { heading: 'H', pitch: 'P' }, empty: {}, list: [] },
      [[1, [2, [3, {}]]], { a: [{ b: null }] }, 'text with "quotes", a \\ and a tab\t', 1e21, -0.000001],
      { entries: Array.from({ length: 5 }, (_, rank) => ({ rank, name: `n${rank}`, share: rank / 3 })) },
    ];
    for (const value of values)
      for (const indent of [0, 2, '\t']) {
        const text = `${JSON.stringify(value, null, indent)}\n`;
        expect(parseJsonDocument(text, FILE), text).toMatchObject({ problems: [], data: JSON.parse(text) });
      }
  });

  it('names a duplicate key with both lines, where JSON.parse keeps the last value without a word', () => {
    const text = '{\n  "name": "Research",\n  "description": "D",\n  "name": "Second Name Wins"\n}';
    expect(JSON.parse(text)).toMatchObject({ name: 'Second Name Wins' });
    const document = parseJsonDocument(text, FILE);
    expect(document.data).toBeUndefined();
    expect(problemsIn(text)).toEqual([
      '4: the key "name" appears twice in one object (first on line 2); JSON keeps only one of them, so delete the other',
    ]);
  });

  it('finds duplicates in nested objects, and keys that differ only in how they are escaped', () => {
    expect(problemsIn('{"entries": [{"rank": 1,\n "rank": 2}]}')).toEqual([
      expect.stringMatching(/^2: the key "rank" appears twice in one object \(first on line 1\)/),
    ]);
    expect(problemsIn('{"old": "a",\n"\\u006fld": "b"}')).toEqual([
      expect.stringMatching(/^2: the key "old" appears twice/),
    ]);
    // The same key in two different objects is not a duplicate.
    expect(problemsIn('{"a": {"name": 1}, "b": {"name": 2}}')).toEqual([]);
  });

  it('refuses what is not strict JSON, each at its line, in the terms of the usual hand-written mistakes', () => {
    expect(problemsIn('{\n  "a": 1,\n}')).toEqual(['2: not valid JSON: a comma after the last entry']);
    expect(problemsIn('{"a": [1, 2,]}')).toEqual(['1: not valid JSON: a comma after the last entry']);
    expect(problemsIn('{\n  "a": 1 # note\n}')).toEqual(['2: not valid JSON: a comment; JSON has none, so delete it']);
    expect(problemsIn('{\n  "a": 1 // note\n}')).toEqual(['2: not valid JSON: a comment; JSON has none, so delete it']);
    expect(problemsIn("{\n  'a': 1\n}")).toEqual(['2: not valid JSON: text in single quotes; use double quotes']);
    expect(problemsIn('{"a":\n  \'x\'}')).toEqual(['2: not valid JSON: text in single quotes; use double quotes']);
    for (const [text, word] of [
      ['{\n  a: 1\n}', 'a'],
      ['{"a": yes}', 'yes'],
      ['{"a": 0x10}', '0x10'],
      ['{"a": NaN}', 'NaN'],
      ['name: Research\n', 'name'],
    ])
      expect(problemsIn(text!)[0], text).toMatch(
        `not valid JSON: ${JSON.stringify(word)} is not a number, true, false or null (text goes in double quotes)`,
      );
    expect(problemsIn('{"a"}')).toEqual(['1: not valid JSON: every key of an object is followed by ":" and a value']);
    expect(problemsIn('{"a": }')).toEqual(['1: not valid JSON: a value is missing']);
    expect(problemsIn('["a": 1]')).toEqual([
      '1: not valid JSON: a list holds values; put "key": value pairs inside { }',
    ]);
    expect(problemsIn('{"a": "\\x41"}')).toEqual([
      '1: not valid JSON: an escape JSON lacks (such as \\x41); write \\u0041',
    ]);
    // YAML's own syntax is not JSON either; Momoa's message names what it found.
    for (const text of ['- 1\n- 2\n', '---\n{"a": 1}', '{"a": 1}\n...\n', '{"a": 01}', '{"a": &x 1}'])
      expect(problemsIn(text), text).toEqual([expect.stringMatching(/^\d: not valid JSON: /)]);
  });

  it('refuses raw tabs and line breaks inside a string, which JSON forbids', () => {
    for (const text of ['{"a": "tab\there"}', '{"a": "two\n  lines"}'])
      expect(problemsIn(text), text).toEqual([
        '1: not valid JSON: a string with a raw line break or tab; write \\n or \\t',
      ]);
  });

  it('reports one syntax error where it starts, not the follow-on complaints', () => {
    expect(problemsIn('{\n  "a": 1\n  "b": 2\n}')).toEqual(['3: not valid JSON: a comma is missing before this entry']);
    expect(problemsIn('{"a": 1')).toEqual(['1: not valid JSON: the file ends before every { and [ is closed']);
    expect(problemsIn('{"a": 1}\n{"b": 2}')).toHaveLength(1);
    expect(problemsIn('  \n')).toEqual(['1: the file is empty; it must hold one JSON value']);
  });

  it('gives the line of a value by its key path', () => {
    const document = parseJsonDocument(
      '{\n  "old-a": "new-a",\n  "list": [\n    {"n": 1},\n    {"n": 2}\n  ]\n}',
      FILE,
    );
    expect(document.lineOf(['old-a'])).toBe(2);
    expect(document.lineOf(['list', 1, 'n'])).toBe(5);
    expect(document.lineOf(['missing'])).toBeUndefined();
  });
});
