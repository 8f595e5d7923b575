/**
 * An authored JSON file (redirects.json, the authors, categories and surveys)
 * read so that every mistake is reported at its line. `JSON.parse` keeps only
 * the last of two equal keys and names no line; Momoa (the JSON parser behind
 * ESLint's JSON language) gives a syntax tree with a place for every node, in
 * strict JSON mode: no comments, no trailing commas, no single quotes. The
 * checks JSON leaves to its readers, a key twice in one object and a raw
 * control character inside a string, are made on that tree.
 */
import { iterator, parse, type AnyNode, type DocumentNode, type ObjectNode } from '@humanwhocodes/momoa';
import type { ContentProblem } from './content-error';

export interface JsonDocument {
  /** The parsed value; undefined when there are problems. */
  data: unknown;
  problems: ContentProblem[];
  /** The line of the value at a key path such as `["old-post"]` or `["entries", 3, "name"]`. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** Momoa's parse errors carry the place they were found. */
interface PlacedError extends Error {
  line?: number;
  column?: number;
  offset?: number;
}

/** Parses `text`, the contents of `file`; `file` only labels the problems. */
export function parseJsonDocument(text: string, file: string): JsonDocument {
  // RFC 8259 lets a parser ignore a byte-order mark, and editors on Windows write one.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    return {
      data: undefined,
      problems: [{ file, line: 1, reason: 'the file is empty; it must hold one JSON value' }],
      lineOf: () => undefined,
    };
  }
  let tree: DocumentNode;
  try {
    tree = parse(source, { mode: 'json' });
  } catch (error) {
    const { reason, at } = syntaxProblem(error as PlacedError, source);
    return {
      data: undefined,
      problems: [{ file, ...placeOf(source, at), reason: `not valid JSON: ${reason}` }],
      lineOf: () => undefined,
    };
  }
  const lineOf = (path: readonly (string | number)[]) => nodeAt(tree.body, path)?.loc.start.line;
  const problems: ContentProblem[] = [];
  for (const step of iterator(tree, ({ phase }) => phase === 'enter')) {
    const node = step.node as AnyNode;
    if (node.type === 'Object') problems.push(...duplicateKeys(node, file));
    // JSON forbids raw control characters in a string; Momoa reads them as they are.
    if (node.type === 'String' && hasControlCharacter(source.slice(node.loc.start.offset, node.loc.end.offset))) {
      problems.push({
        file,
        line: node.loc.start.line,
        column: node.loc.start.column,
        reason: 'not valid JSON: a string with a raw line break or tab; write \\n or \\t',
      });
    }
  }
  if (problems.length > 0) return { data: undefined, problems, lineOf };
  // The tree is strict JSON, so JSON.parse reads the same value any JSON tool would (`__proto__` as a key too).
  return { data: JSON.parse(source) as unknown, problems: [], lineOf };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

function duplicateKeys(object: ObjectNode, file: string): ContentProblem[] {
  const firstLine = new Map<string, number>();
  const problems: ContentProblem[] = [];
  for (const { name } of object.members) {
    const key = name.type === 'String' ? name.value : name.name;
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, name.loc.start.line);
      continue;
    }
    problems.push({
      file,
      line: name.loc.start.line,
      column: name.loc.start.column,
      reason: `the key ${JSON.stringify(key)} appears twice in one object (first on line ${first}); JSON keeps only one of them, so delete the other`,
    });
  }
  return problems;
}

function nodeAt(node: AnyNode, path: readonly (string | number)[]): AnyNode | undefined {
  const [step, ...rest] = path;
  if (step === undefined) return node;
  if (node.type === 'Object' && typeof step === 'string') {
    const member = node.members.find(({ name }) => (name.type === 'String' ? name.value : name.name) === step);
    return member && nodeAt(member.value, rest);
  }
  if (node.type === 'Array' && typeof step === 'number') {
    const element = node.elements[step];
    return element && nodeAt(element.value, rest);
  }
  return undefined;
}

/**
 * Momoa's message in the author's terms, for the mistakes people make when they write JSON by hand,
 * and where to point: the error's own place, or the comma that should not be there.
 */
function syntaxProblem(error: PlacedError, source: string): { reason: string; at: number } {
  const at = offsetOf(source, error);
  const found = source[at];
  const text = source.slice(0, at).trimEnd();
  if ((found === '}' || found === ']') && text.endsWith(','))
    return { reason: 'a comma after the last entry', at: text.length - 1 };
  return { reason: syntaxReason(error, source, at), at };
}

function syntaxReason(error: PlacedError, source: string, at: number): string {
  const found = source[at];
  const before = source.slice(0, at).trimEnd().at(-1);
  if (at >= source.trimEnd().length) return 'the file ends before every { and [ is closed';
  if (found === '}' && before === ':') return 'a value is missing';
  if (found === '}' && before === '"') return 'every key of an object is followed by ":" and a value';
  if (found === ':') return 'a list holds values; put "key": value pairs inside { }';
  if (found === '/' || found === '#') return 'a comment; JSON has none, so delete it';
  if (found === "'") return 'text in single quotes; use double quotes';
  if (found === '\\') return 'an escape JSON lacks (such as \\x41); write \\u0041';
  if (found !== undefined && '"{['.includes(found) && before !== undefined && '"}]0123456789el'.includes(before))
    return 'a comma is missing before this entry';
  const bare = bareWordAt(source, at);
  if (/[A-Za-z_]/.test(bare))
    return `${JSON.stringify(bare)} is not a number, true, false or null (text goes in double quotes)`;
  return error.message.replace(/\s*\(\d+:\d+\)$/, '');
}

/** The 1-based line and column of an offset. */
function placeOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Where the error is, from its line and column (Momoa gives an offset for some errors only). */
function offsetOf(source: string, { line, column, offset }: PlacedError): number {
  if (line === undefined || column === undefined) return offset ?? 0;
  let start = 0;
  for (let n = 1; n < line; n++) start = source.indexOf('\n', start) + 1;
  return start + column - 1;
}

/** The run of characters around `at` that JSON would need in quotes (`yes`, `0x10`, `name`). */
function bareWordAt(source: string, at: number): string {
  const inWord = (c: string | undefined) => c !== undefined && !/[\s,:{}[\]"]/.test(c);
  let start = at;
  let end = at;
  while (inWord(source[start - 1])) start--;
  while (inWord(source[end])) end++;
  return source.slice(start, end);
}
