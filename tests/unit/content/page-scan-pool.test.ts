import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isArticleBody, scanPage } from '../../../src/lib/content/links';
import { pageScanKey, toStored } from '../../../src/lib/content/page-scan-cache';
import { scanPagesInParallel } from '../../../src/lib/content/page-scan-pool';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'page-scan-pool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `count` article pages, each linking to the next and with ids of its own. */
function writePages(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `page-${i}.html`);
    writeFileSync(
      file,
      `<!doctype html><html><body><h1 id="top-${i}">Page ${i}</h1><nav><a href="/layout/">layout</a></nav>` +
        `<article data-pagefind-body><h2 id="s-${i}">S</h2><p><a href="/posts/p${i + 1}/#s-${i + 1}">next</a>` +
        `<a name="anchor-${i}"></a></p></article></body></html>`,
    );
    return file;
  });
}

describe('link-check page scans on worker threads (src/lib/content/page-scan-pool.ts)', () => {
  it('gives every page its cache key and the scan this thread would have made, across several threads', async () => {
    const files = writePages(250);
    const results = await scanPagesInParallel(files, [], 2);
    expect(results.map((result) => result.file).sort()).toEqual([...files].sort());
    for (const { file, key, scan } of results) {
      const html = readFileSync(file, 'utf8');
      expect(key).toBe(pageScanKey(html));
      expect(scan).toEqual(toStored(scanPage(html, isArticleBody)));
    }
    const first = results.find((result) => result.file === files[0])!;
    expect(first.scan).toEqual({ hasBody: true, bodyLinks: ['/posts/p1/#s-1'], ids: ['top-0', 's-0', 'anchor-0'] });
  });

  it('hashes but does not parse a page whose key an earlier build scanned', async () => {
    const files = writePages(3);
    const knownKey = pageScanKey(readFileSync(files[1]!, 'utf8'));
    const results = await scanPagesInParallel(files, [knownKey]);
    const known = results.find((result) => result.file === files[1])!;
    expect(known).toEqual({ file: files[1], key: knownKey });
    expect(results.filter((result) => result.scan)).toHaveLength(2);
  });

  it('fails when a page cannot be read, naming the file', async () => {
    const [file] = writePages(1);
    await expect(scanPagesInParallel([file!, join(dir, 'missing.html')], [])).rejects.toThrow(/missing\.html/);
  });

  it('starts no thread for no pages', async () => {
    expect(await scanPagesInParallel([], [])).toEqual([]);
  });
});
