/**
 * A mistake in authored content, reported the way an author can act on it:
 * the source file, the field or line, and one sentence of reason.
 *
 * It is Astro's public user error (`astro/errors`), so `astro build` prints it
 * as `[InvalidContent] file:line: reason` and the dev overlay opens the file at
 * the line. The JavaScript stack is dropped: it only names our own checking
 * code, never the author's file. Set DEBUG=1 to keep it.
 */
import { relative } from 'node:path';
import { BuildError } from '../build/build-error';

export interface ContentProblem {
  /** The source file, absolute or relative to the project root. */
  file: string;
  /** A frontmatter or data field, e.g. `pubDate` or `entries.3.name`. */
  field?: string | undefined;
  /** 1-based line in the source file, where the parser gives one. */
  line?: number | undefined;
  column?: number | undefined;
  reason: string;
}

/** `src/content/posts/x.mdx:12 (pubDate): reason`, the one-line form every content check uses. */
export function formatProblem({ file, field, line, reason }: ContentProblem, root = process.cwd()): string {
  const shown = relative(root, file) || file;
  const place = `${shown}${line ? `:${line}` : ''}${field ? ` (${field})` : ''}`;
  return `${place}: ${reason}`;
}

export class ContentError extends BuildError {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], hint?: string) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'), hint);
    this.name = 'InvalidContent';
    this.problems = problems;
    const first = problems[0];
    if (first) (this as { loc?: object }).loc = { file: first.file, line: first.line ?? 1, column: first.column ?? 1 };
  }
}

/** Throws one ContentError for every problem found, or returns when there are none. */
export function assertNoProblems(problems: ContentProblem[], hint?: string): void {
  if (problems.length > 0) throw new ContentError(problems, hint);
}
