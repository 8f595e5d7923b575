/**
 * Astro's glob loader (with dev-overlay errors, see dev-glob.ts) plus two
 * guarantees the default lacks:
 * - two files that map to one id (one URL) fail, even when their contents
 *   are identical (the default skips identical files silently);
 * - date fields are checked as written, before YAML can roll them over.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { slug } from 'github-slugger';
import { rawDateProblems } from './frontmatter-dates';
import { globWithDevErrors } from './dev-glob';

/** The id Astro's glob loader would give a file: slugged path segments, no extension, no trailing /index. */
export function entryId(entry: string): string {
  return entry
    .replace(/\.[^./]+$/, '')
    .replace(/(^|\/)index$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/');
}

export function strictGlob(options: { pattern: string; base: string; dateFields?: readonly string[] }): Loader {
  const { base, dateFields = [] } = options;
  const owners = new Map<string, string>();
  const inner = globWithDevErrors({
    pattern: options.pattern,
    base,
    generateId: ({ entry }) => {
      const id = entryId(entry);
      const owner = owners.get(id);
      if (owner !== undefined && owner !== entry && existsSync(resolve(join(base, owner)))) {
        throw new Error(`${join(base, entry)}: its URL id "${id}" is already taken by ${join(base, owner)}. Two posts cannot share a URL; rename one of the files.`);
      }
      owners.set(id, entry);
      return id;
    },
  });
  return {
    ...inner,
    load: (context) => {
      owners.clear();
      return inner.load({
        ...context,
        parseData: async (props) => {
          if (dateFields.length > 0 && props.filePath) {
            const problems = rawDateProblems(readFileSync(props.filePath, 'utf8'), dateFields);
            if (problems.length > 0) throw new Error(`${props.filePath}: ${problems.join('; ')}`);
          }
          return context.parseData(props);
        },
      });
    },
  };
}
