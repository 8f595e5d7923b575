/**
 * Frontmatter read as a YAML document (the `yaml` package), so every check
 * sees what YAML sees: any spelling of a key (`pubDate :`, `"pubDate":`),
 * comments, quoting and escapes. Values resolve with the YAML 1.2 core schema,
 * where `2024-02-30` stays the string the author wrote instead of a Date that
 * has already rolled over to March 1st; dates are then checked as calendar dates.
 */
import { markdownToMdast } from 'satteri';
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { invalidCharacterReason, xmlInvalidCharacters } from './xml-characters';

export interface LocatedProblem {
  field?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  reason: string;
}

export interface Frontmatter {
  data: Record<string, unknown>;
  problems: LocatedProblem[];
}

/** YYYY-MM-DD, optionally with a time and an offset (YAML 1.2 leaves these as strings). */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[Zz]|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Why `value` is not a usable date, or undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a date written as YYYY-MM-DD, got ${JSON.stringify(value)}`;
  const parts = ISO_DATE.exec(value.trim());
  if (!parts) return `"${value}" is not a date in the form YYYY-MM-DD`;
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return `"${value}" is not a real calendar date`;
  if (Number.isNaN(toDate(value).getTime())) return `"${value}" is not a valid date and time`;
  return undefined;
}

/**
 * A checked date string as a Date. Like a YAML timestamp, a date or time without an offset is UTC.
 * Built from the pattern's parts rather than handed to `new Date`, which reads some spellings the
 * pattern accepts (a lowercase `t`) in the build machine's zone, so the same post would get a
 * different date on another machine. Invalid Date when the time or offset is out of range.
 */
export function toDate(value: string): Date {
  const parts = ISO_DATE.exec(value.trim());
  if (!parts) return new Date(Number.NaN);
  const [
    ,
    year,
    month,
    day,
    hour = '0',
    minute = '0',
    second = '0',
    fraction = '',
    sign,
    offsetHours = '0',
    offsetMinutes = '0',
  ] = parts;
  const [h, min, s] = [Number(hour), Number(minute), Number(second)];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  // The ranges ECMAScript's own date format allows: 24:00 is the end of the day and nothing past it.
  const inRange =
    min <= 59 &&
    s <= 59 &&
    (h < 24 || (h === 24 && min + s + ms === 0)) &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59;
  if (!inRange) return new Date(Number.NaN);
  // setUTCFullYear, because Date.UTC would read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(h, min, s, ms);
  const offsetMinutesTotal = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return new Date(date.getTime() - offsetMinutesTotal * 60_000);
}

/** Every string in `value` with its dotted path, for checks that apply to all text fields. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* strings(item, path ? `${path}.${i}` : String(i));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

/**
 * Parses the YAML between a post's `---` fences. `firstLine` is the file line
 * the YAML starts on, so every problem carries a file line.
 */
export function parseFrontmatter(
  yaml: string,
  firstLine: number,
  options: {
    dateFields: readonly string[];
    reservedFields: readonly string[];
    /** Short labels shown as typed on cards, in feeds and search (a post's deck): one line, no markup. */
    plainTextFields?: readonly string[];
  },
): Frontmatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  const problems: LocatedProblem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    ...at(error.pos[0]),
    reason: `YAML: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { data: {}, problems };
  if (doc.contents !== null && !isMap(doc.contents))
    return { data: {}, problems: [{ line: firstLine, reason: 'frontmatter must be a list of `field: value` lines' }] };

  const data = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  /** The line of the value at a dotted path such as `faq.0.question`. */
  const lineOf = (field: string) => {
    const path = field.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const node = doc.getIn(path, true) as YamlNode | undefined;
    return at(node?.range?.[0]);
  };

  for (const field of options.reservedFields) {
    if (field in data)
      problems.push({
        field,
        ...lineOf(field),
        reason: `"${field}" is filled in by the build and cannot be set in frontmatter`,
      });
  }
  for (const field of options.dateFields) {
    if (!(field in data)) continue;
    const problem = dateProblem(data[field]);
    if (problem) problems.push({ field, ...lineOf(field), reason: problem });
    else data[field] = toDate(data[field] as string);
  }
  for (const field of options.plainTextFields ?? []) {
    const problem = typeof data[field] === 'string' ? plainTextProblem(data[field]) : undefined;
    if (problem) problems.push({ field, ...lineOf(field), reason: problem });
  }
  for (const [field, text] of strings(data, '')) {
    for (const character of xmlInvalidCharacters(text))
      problems.push({ field, ...lineOf(field), reason: invalidCharacterReason(character) });
  }
  return { data, problems };
}

/** Line breaks, tabs and invisible format characters (bidi overrides can make a label read as other text). */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

/**
 * Why `value` is not one line of plain text, or undefined when it is. Markup is
 * found by parsing the value as Markdown (satteri, as post bodies are parsed):
 * plain text is one paragraph of text that reads exactly as written.
 */
export function plainTextProblem(value: string): string | undefined {
  const control = CONTROL_OR_FORMAT.exec(value)?.[0];
  if (control !== undefined) {
    const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `must be one line of plain text; it contains ${control === '\n' || control === '\r' ? 'a line break' : `the invisible character ${code}`}`;
  }
  const text = value.trim();
  const root = markdownToMdast(text, { features: { smartPunctuation: false }, position: false });
  const [block, ...others] = 'children' in root ? root.children : [];
  const plain =
    others.length === 0 &&
    block?.type === 'paragraph' &&
    block.children.every((child) => child.type === 'text') &&
    block.children.map((child) => (child.type === 'text' ? child.value : '')).join('') === text;
  return plain || text === ''
    ? undefined
    : 'is plain text: Markdown and HTML would show as typed, so write it without formatting, links or tags';
}
