import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanPage, type PageScan } from '../../../src/lib/content/links';
import { PageScanCache, pageScanKey, toStored } from '../../../src/lib/content/page-scan-cache';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'page-scans-'));
  file = join(dir, 'scans.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (body: string) =>
  `<!doctype html><html><body><h1 id="top">T</h1><main data-pagefind-body>${body}</main></body></html>`;
const isBody = (element: { properties: Record<string, unknown> }) => 'dataPagefindBody' in element.properties;

/** scanPage, counting its calls. */
function countingScanner() {
  const calls: string[] = [];
  const scanner = (html: string): PageScan => {
    calls.push(html);
    return scanPage(html, isBody);
  };
  return { calls, scanner };
}

describe('link-check scans kept between builds (src/lib/content/page-scan-cache.ts)', () => {
  it('gives back what scanPage gives, and parses the same bytes once across builds', () => {
    const html = page('<p><a href="/posts/a/#x">a</a> <a name="here"></a></p>');
    const first = countingScanner();
    const build1 = PageScanCache.load(file);
    expect(build1.scan(html, first.scanner)).toEqual(scanPage(html, isBody));
    build1.save(file);

    const second = countingScanner();
    const build2 = PageScanCache.load(file);
    const scan = build2.scan(html, second.scanner);
    expect(second.calls).toEqual([]);
    expect(scan).toEqual(scanPage(html, isBody));
    expect(scan.ids.has('here')).toBe(true);
  });

  it('parses a page whose bytes changed, and saves only the pages this build scanned', () => {
    const old = page('<a href="/old/">old</a>');
    const edited = page('<a href="/new/">new</a>');
    const build1 = PageScanCache.load(file);
    build1.scan(old, (h) => scanPage(h, isBody));
    build1.save(file);

    const build2 = PageScanCache.load(file);
    const counting = countingScanner();
    expect(build2.scan(edited, counting.scanner).bodyLinks).toEqual(['/new/']);
    expect(counting.calls).toHaveLength(1);
    build2.save(file);

    const build3 = PageScanCache.load(file);
    const again = countingScanner();
    build3.scan(old, again.scanner);
    expect(again.calls).toHaveLength(1);
  });

  it('a scan handed out cannot change what is kept', () => {
    const html = page('<a href="/a/">a</a>');
    const cache = PageScanCache.load(file);
    const scan = cache.scan(html, (h) => scanPage(h, isBody));
    scan.bodyLinks.push('/injected/');
    scan.ids.add('injected');
    const again = cache.scan(html, () => {
      throw new Error('parsed twice');
    });
    expect(again.bodyLinks).toEqual(['/a/']);
    expect(again.ids.has('injected')).toBe(false);
  });

  it('starts empty from a missing, damaged or foreign file', () => {
    for (const contents of [undefined, '{not json', '[1,2]', '{"k":{"hasBody":"yes"}}']) {
      if (contents !== undefined) writeFileSync(file, contents);
      const counting = countingScanner();
      PageScanCache.load(file).scan(page(''), counting.scanner);
      expect(counting.calls, String(contents)).toHaveLength(1);
    }
  });

  it('takes scans made on other threads by key: fresh ones are kept, known keys read back, unknown ones refused', () => {
    const html = page('<a href="/a/#b">a</a>');
    const key = pageScanKey(html);
    const build1 = PageScanCache.load(file);
    expect(build1.knownKeys()).toEqual([]);
    expect(build1.adopt(key, toStored(scanPage(html, isBody)))).toEqual(scanPage(html, isBody));
    build1.save(file);

    const build2 = PageScanCache.load(file);
    expect(build2.knownKeys()).toEqual([key]);
    expect(build2.adopt(key, undefined)).toEqual(scanPage(html, isBody));
    expect(() => build2.adopt(pageScanKey('<p>other</p>'), undefined)).toThrow(/no scan/);
  });
});
