import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  codeFingerprint,
  recordCodeFingerprint,
  recordedCodeFingerprint,
} from '../../../src/lib/build/code-fingerprint';

let root = '';
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'code-fingerprint-'));
  write('package-lock.json', '{"lockfileVersion":3}');
  write('src/lib/content/posts-loader.ts', 'export const loader = 1;');
  write('src/integrations/headers.ts', 'export default {};');
  write('src/content/posts/a.md', '# A post');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the fingerprint of the code Astro does not track (src/lib/build/code-fingerprint.ts)', () => {
  it('changes with the loader, an integration, the lockfile or the Node version', () => {
    const first = codeFingerprint(root, undefined, 'v24.0.0');
    expect(codeFingerprint(root, undefined, 'v24.0.0')).toBe(first);
    expect(codeFingerprint(root, undefined, 'v24.1.0')).not.toBe(first);
    for (const [file, text] of [
      ['src/lib/content/posts-loader.ts', 'export const loader = 2;'],
      ['src/integrations/headers.ts', 'export default { name: "x" };'],
      ['package-lock.json', '{"lockfileVersion":3,"x":1}'],
    ] as const) {
      const before = codeFingerprint(root, undefined, 'v24.0.0');
      write(file, text);
      expect(codeFingerprint(root, undefined, 'v24.0.0'), file).not.toBe(before);
    }
  });

  it('names files by path: moving code to another file changes it', () => {
    const before = codeFingerprint(root, undefined, 'v24.0.0');
    rmSync(join(root, 'src/lib/content/posts-loader.ts'));
    write('src/lib/content/loader.ts', 'export const loader = 1;');
    expect(codeFingerprint(root, undefined, 'v24.0.0')).not.toBe(before);
  });

  it('ignores content: a post edit is for the page cache keys to see', () => {
    const before = codeFingerprint(root, undefined, 'v24.0.0');
    write('src/content/posts/a.md', '# A post, edited');
    write('src/content/posts/b.md', '# Another');
    expect(codeFingerprint(root, undefined, 'v24.0.0')).toBe(before);
  });

  it('is recorded in the cache folder and read back; a folder without one has none', () => {
    const cache = join(root, 'cache');
    expect(recordedCodeFingerprint(cache)).toBeUndefined();
    recordCodeFingerprint(cache, 'abc123');
    expect(recordedCodeFingerprint(cache)).toBe('abc123');
  });
});
