/**
 * An authored JSON file (redirects.json, the authors, categories and surveys)
 * read so that every mistake is reported at its line. `JSON.parse` keeps only
 * the last of two equal keys and names no line; this reads the file as a YAML
 * document first (JSON is YAML 1.2), which refuses duplicate keys with their
 * offsets, then walks the token tree to refuse whatever YAML accepts but JSON
 * does not (comments, single quotes, trailing commas, block style ...), so a
 * file that builds here is one every JSON tool reads the same way.
 */
import { CST, isScalar, LineCounter, Parser, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { ContentProblem } from './content-error';

export interface JsonDocument {
  /** The parsed value; undefined when there are problems. */
  data: unknown;
  problems: ContentProblem[];
  /** The line of the value at a key path such as `["old-post"]` or `["entries", 3, "name"]`. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

interface Offending {
  offset: number;
  reason: string;
}

/** Parses `text`, the contents of `file`; `file` only labels the problems. */
export function parseJsonDocument(text: string, file: string): JsonDocument {
  // RFC 8259 lets a parser ignore a byte-order mark, and editors on Windows write one; JSON.parse does not skip it.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    schema: 'json',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const lineOf = (path: readonly (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? at(node.range[0]).line : undefined;
  };
  const located = (found: Offending[]): JsonDocument => ({
    data: undefined,
    problems: found.sort((a, b) => a.offset - b.offset).map(({ offset, reason }) => ({ file, ...at(offset), reason })),
    lineOf,
  });

  if (source.trim() === '') return located([{ offset: 0, reason: 'the file is empty; it must hold one JSON value' }]);
  const yamlErrors = [...doc.errors, ...doc.warnings];
  const duplicates = yamlErrors.filter((error) => error.code === 'DUPLICATE_KEY');
  // After the first syntax error the parser's further complaints follow from it; one is what the author can act on.
  const syntax = yamlErrors.find((error) => error.code !== 'DUPLICATE_KEY');
  if (yamlErrors.length > 0)
    return located([
      ...duplicates.map((error) => ({
        offset: error.pos[0],
        reason: duplicateKeyReason(doc, error.pos[0], lineCounter),
      })),
      ...(syntax ? [{ offset: syntax.pos[0], reason: syntaxReason(syntax, source) }] : []),
    ]);
  const notJson = [...new Parser().parse(source)].flatMap((token) => topLevelProblems(token));
  if (notJson.length > 0) return located(notJson);

  // Everything above is only JSON now, so JSON.parse reads it as any JSON tool would; its own
  // message (with a position) stays as a last line of defence for anything the walk let through.
  try {
    return { data: JSON.parse(source) as unknown, problems: [], lineOf };
  } catch (error) {
    return { data: undefined, problems: [{ file, reason: `not valid JSON: ${(error as Error).message}` }], lineOf };
  }
}

function syntaxReason(error: YAMLError, source: string): string {
  // Two entries on separate lines with no comma between them read to YAML as one key spanning both.
  if (error.code === 'MULTILINE_IMPLICIT_KEY') return 'not valid JSON: a comma is missing after this entry';
  if (error.code !== 'TAG_RESOLVE_FAILED') return `not valid JSON: ${error.message.split('\n')[0]}`;
  // The JSON schema resolves only JSON's own words and numbers; anything else unquoted lands here.
  const word = source.slice(error.pos[0], error.pos[1]).trim();
  return word === ''
    ? 'not valid JSON: a value is missing'
    : `not valid JSON: ${JSON.stringify(word)} is not a number, true, false or null (text goes in double quotes)`;
}

/** `"name" appears twice ...`, naming the key and the line it was first written on. */
function duplicateKeyReason(doc: Document, offset: number, lineCounter: LineCounter): string {
  let reason = 'a key appears twice in one object';
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((pair) => pair.key);
      const index = keys.findIndex((key) => isScalar(key) && key.range?.[0] === offset);
      if (index < 0) return;
      const key = (keys[index] as { value: unknown }).value;
      const first = keys.find((other) => isScalar(other) && other.value === key);
      const firstLine = isScalar(first) && first.range ? lineCounter.linePos(first.range[0]).line : undefined;
      reason = `the key ${JSON.stringify(key)} appears twice in one object${firstLine ? ` (first on line ${firstLine})` : ''}; JSON keeps only one of them, so delete the other`;
      return visit.BREAK;
    },
  });
  return reason;
}

const SPACING = new Set(['space', 'newline']);

function topLevelProblems(token: CST.Token): Offending[] {
  if (SPACING.has(token.type)) return [];
  if (token.type !== 'document') return [{ offset: token.offset, reason: describe(token) }];
  return [
    ...token.start.filter((t) => !SPACING.has(t.type)).map((t) => ({ offset: t.offset, reason: describe(t) })),
    ...(token.value ? valueProblems(token.value) : []),
    ...(token.end ?? []).filter((t) => !SPACING.has(t.type)).map((t) => ({ offset: t.offset, reason: describe(t) })),
  ];
}

/** What is not JSON in one value and everything inside it. */
function valueProblems(token: CST.Token): Offending[] {
  switch (token.type) {
    case 'double-quoted-scalar':
    case 'scalar':
      return [...scalarProblems(token), ...trailing(token.end)];
    case 'flow-collection':
      return collectionProblems(token);
    default:
      return [{ offset: token.offset, reason: describe(token) }];
  }
}

function scalarProblems(token: CST.FlowScalar): Offending[] {
  // Each token on its own is a JSON text (a string, number, true, false or null), so JSON's own parser judges it.
  try {
    const value: unknown = JSON.parse(token.source);
    if (token.type === 'scalar' && typeof value === 'string') throw new Error('a bare word');
    return [];
  } catch {
    return [
      {
        offset: token.offset,
        reason:
          token.type === 'double-quoted-scalar'
            ? 'not valid JSON: a string with a raw line break or tab, or an escape JSON lacks (such as \\x41); write \\n, \\t or \\u0041'
            : `not valid JSON: ${JSON.stringify(token.source)} is not a number, true, false or null (text goes in double quotes)`,
      },
    ];
  }
}

function collectionProblems(token: CST.FlowCollection): Offending[] {
  const isObject = token.start.source === '{';
  const problems: Offending[] = [];
  let entries = 0;
  for (const item of token.items) {
    const commas = item.start.filter((t) => t.type === 'comma');
    problems.push(
      ...item.start
        .filter((t) => !SPACING.has(t.type) && t.type !== 'comma')
        .map((t) => ({ offset: t.offset, reason: describe(t) })),
    );
    if (!item.key && !item.value && !item.sep) {
      // The space before the closing bracket, or a comma after the last entry, which YAML allows and JSON does not.
      if (commas[0])
        problems.push({ offset: commas[0].offset, reason: 'not valid JSON: a comma after the last entry' });
      continue;
    }
    if (commas.length !== (entries++ === 0 ? 0 : 1))
      problems.push({
        offset: (commas[1] ?? commas[0] ?? item.key ?? item.value ?? token.start).offset,
        reason:
          commas.length === 0
            ? 'not valid JSON: a comma is missing before this entry'
            : 'not valid JSON: a comma with no value before it',
      });
    const colons = (item.sep ?? []).filter((t) => t.type === 'map-value-ind');
    problems.push(...trailing((item.sep ?? []).filter((t) => t.type !== 'map-value-ind')));
    if (isObject) {
      if (item.key?.type !== 'double-quoted-scalar')
        problems.push({
          offset: item.key?.offset ?? item.value?.offset ?? token.offset,
          reason: 'not valid JSON: every key of an object is text in double quotes',
        });
      else problems.push(...valueProblems(item.key));
      if (!item.value || colons.length !== 1)
        problems.push({
          offset: item.key?.offset ?? token.offset,
          reason: 'not valid JSON: every key of an object is followed by ":" and a value',
        });
    } else if (item.key || colons.length > 0) {
      problems.push({
        offset: item.key?.offset ?? token.offset,
        reason: 'not valid JSON: a list holds values; put a "key": value pair inside { }',
      });
    }
    if (item.value) problems.push(...valueProblems(item.value));
  }
  const [close, ...after] = token.end;
  if (close?.source !== (isObject ? '}' : ']'))
    problems.push({
      offset: close?.offset ?? token.offset,
      reason: `not valid JSON: ${isObject ? '{' : '['} is never closed`,
    });
  problems.push(...trailing(after));
  return problems;
}

function trailing(tokens: CST.SourceToken[] | undefined): Offending[] {
  return (tokens ?? []).filter((t) => !SPACING.has(t.type)).map((t) => ({ offset: t.offset, reason: describe(t) }));
}

/** Why a YAML-only token is refused, in the author's terms. */
function describe(token: CST.Token): string {
  const reasons: Partial<Record<CST.Token['type'], string>> = {
    comment: 'a comment (#); JSON has none, so delete it',
    'single-quoted-scalar': 'text in single quotes; use double quotes',
    anchor: 'a YAML anchor (&)',
    alias: 'a YAML alias (*)',
    tag: 'a YAML tag (!)',
    'block-map': 'an object is written inside { }',
    'block-seq': 'a list is written inside [ ]',
    'block-scalar': 'text is written inside double quotes',
    'doc-start': 'a YAML document marker (---)',
    'doc-end': 'a YAML document marker (...)',
    directive: 'a YAML directive (%)',
    comma: 'a comma with no value before it',
  };
  const source = 'source' in token ? token.source : '';
  return `not valid JSON: ${reasons[token.type] ?? `unexpected ${JSON.stringify(source.slice(0, 20))}`}`;
}
