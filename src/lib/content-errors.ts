/**
 * Content mistakes in `astro dev` reach the error overlay.
 *
 * Out of the box, Astro's glob loader only *logs* a schema error when an author
 * saves a broken post while the dev server runs ("Failed to reload x.mdx: …"),
 * keeps serving the last good data, and a bad post present at start-up stops
 * the dev server. globWithDevErrors() wraps glob() so that, in dev only:
 *
 * - every failure to load an entry is recorded with its file and Astro's message
 *   (which names the fields), and src/middleware.ts throws it, so each page shows
 *   Astro's error overlay instead of stale content;
 * - the record is cleared when the file loads again ("Reloaded data from …") or
 *   is deleted, so the page recovers without a restart;
 * - a failing first load keeps the server up and retries on the next change.
 *
 * `astro build` has no watcher and is untouched: a bad post still fails the build.
 *
 * This module holds the record and the overlay error; src/lib/dev-glob.ts the loader.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';

export interface RecordedError {
  /** Absolute path of the file that failed to load. */
  file: string;
  message: string;
  /** A failed first load of the whole collection: cleared only by a full reload. */
  collection?: string;
}

// The loader runs in Astro's content layer and the middleware in Vite's SSR
// runner; both live in the dev server's process, so globalThis is the meeting point.
const KEY = Symbol.for('moon-research.content-errors');
type Registry = Map<string, RecordedError>;
export function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= new Map());
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Astro's messages mark names with **bold** for the terminal; plain text reads better in the overlay. */
export function plainMessage(text: string): string {
  return text.replace(ANSI, '').replace(/\*\*/g, '').trim();
}

const FAILED = /^(?:Failed to reload|Error reading|Error rendering) (.+?): ([\s\S]*)$/;
const RELOADED = /^Reloaded data from (.+)$/;

/** Parses the glob loader's log lines. Exported for unit tests. */
export function parseLoaderLog(level: 'error' | 'info', message: string): { entry: string; message?: string } | undefined {
  const text = plainMessage(message);
  const match = (level === 'error' ? FAILED : RELOADED).exec(text);
  if (!match) return undefined;
  return level === 'error' ? { entry: match[1]!, message: match[2]!.trim() } : { entry: match[1]! };
}

/** Errors still standing: those whose file was deleted are dropped. */
export function pendingContentErrors(): RecordedError[] {
  const errors = registry();
  for (const [key, error] of errors) if (!error.collection && !existsSync(error.file)) errors.delete(key);
  return [...errors.values()];
}

export function clearContentErrors(): void {
  registry().clear();
}

/** An Error the dev overlay shows with the file, Astro's message (naming the fields) and a hint. */
export function contentErrorForOverlay(errors: RecordedError[], root = process.cwd()): Error {
  const lines = errors.map((e) => `${relative(root, e.file) || e.file}: ${e.message}`);
  const error = new Error(`Invalid content: ${lines.join('\n\n')}`) as Error & {
    title?: string;
    hint?: string;
    loc?: { file: string; line: number; column: number };
  };
  error.name = 'InvalidContentEntryDataError';
  error.title = 'A post or data file does not match its schema';
  error.hint = 'Fix the frontmatter and save the file: the page recovers without restarting the dev server. The fields are defined in src/content.config.ts.';
  error.loc = { file: errors[0]!.file, line: 1, column: 1 };
  return error;
}

