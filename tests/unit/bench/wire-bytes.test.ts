import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { wireBytes } from '../../../bench/lib/measure';

const dist = mkdtempSync(join(tmpdir(), 'wire-bytes-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('wireBytes', () => {
  const script = 'export const words = ["market", "staking", "validators"];\n'.repeat(200);
  mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
  writeFileSync(join(dist, 'pagefind', 'pagefind.js'), script);
  writeFileSync(join(dist, 'pagefind', 'fragment', 'en_1.pf_fragment'), Buffer.alloc(500, 7));

  it('counts JavaScript as a CDN gzips it, and Pagefind’s stored-compressed files as served', () => {
    const gzipped = gzipSync(script, { level: 6 }).length;
    expect(gzipped).toBeLessThan(script.length);
    expect(
      wireBytes(dist, [
        { path: '/pagefind/pagefind.js', bytes: script.length },
        { path: '/pagefind/fragment/en_1.pf_fragment', bytes: 500 },
      ]),
    ).toBe(gzipped + 500);
  });

  it('never counts more than the server sent: a 304 has no body', () => {
    expect(wireBytes(dist, [{ path: '/pagefind/pagefind.js', bytes: 0 }])).toBe(0);
  });
});
