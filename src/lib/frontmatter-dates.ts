/**
 * YAML quietly rolls impossible dates over: `pubDate: 2024-13-45` parses as
 * 2025-02-14. By the time the schema sees the value it looks valid, so the raw
 * frontmatter text is checked instead.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function frontmatterBlock(source: string): string {
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---/);
  return match?.[1] ?? '';
}

/** Problems with the named top-level date fields, e.g. `pubDate "2024-13-45" is not a real calendar date`. */
export function rawDateProblems(source: string, fields: readonly string[]): string[] {
  const problems: string[] = [];
  const block = frontmatterBlock(source);
  for (const field of fields) {
    const line = block.match(new RegExp(`^${field}:[ \\t]*(.*)$`, 'm'));
    if (!line) continue;
    const raw = line[1]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    const parts = raw.match(ISO_DATE);
    if (!parts) {
      problems.push(`${field} "${raw}" is not a date in the form YYYY-MM-DD`);
      continue;
    }
    const [, y, m, d] = parts.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      problems.push(`${field} "${raw}" is not a real calendar date`);
    }
  }
  return problems;
}
