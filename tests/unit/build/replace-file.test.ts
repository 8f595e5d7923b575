import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTIAL_SUFFIX, replaceFile } from '../../../src/lib/build/replace-file';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'replace-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing beside, then renaming (src/lib/build/replace-file.ts)', () => {
  it('puts the new bytes under the name and leaves nothing else behind', () => {
    const file = join(dir, 'card.png');
    writeFileSync(file, 'old');
    replaceFile(file, (partial) => {
      expect(partial).not.toBe(file);
      expect(partial.endsWith(PARTIAL_SUFFIX)).toBe(true);
      writeFileSync(partial, 'new');
    });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['card.png']);
  });

  it('keeps the old bytes when the write fails part way', () => {
    const file = join(dir, 'card.png');
    writeFileSync(file, 'old');
    expect(() =>
      replaceFile(file, (partial) => {
        writeFileSync(partial, 'ne');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
