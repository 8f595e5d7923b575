import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PAGE_BUDGETS } from '../budgets';
import { gzipSize } from '../support/gzip';
import { elements, htmlFiles } from '../support/dist';

const dist = inject('mainDistDir');

/** The hrefs of a page's linked stylesheets, in order. */
const stylesheetsOf = (html: string) =>
  elements(html)
    .filter((e) => e.name === 'link' && e.attributes.rel === 'stylesheet')
    .map((e) => e.attributes.href!);

/** HTML and CSS are deterministic files; JS before interaction is measured in Chromium (tests/browser/budgets.test.ts). */
describe('byte budgets: HTML and CSS per page type (gzip)', () => {
  it.each(Object.entries(PAGE_BUDGETS))('%s', (_type, budget) => {
    const html = readFileSync(join(dist, budget.example, 'index.html'), 'utf8');
    const htmlBytes = gzipSize(html);
    const stylesheets = stylesheetsOf(html);
    const cssBytes = stylesheets.reduce(
      (sum, href) => sum + gzipSize(readFileSync(join(dist, href.replace(/^\//, '')))),
      0,
    );
    console.log(
      `${budget.example || 'home'}: HTML ${htmlBytes} B / ${budget.html}, CSS ${cssBytes} B / ${budget.css} (${stylesheets.length} files)`,
    );
    expect(htmlBytes).toBeLessThanOrEqual(budget.html);
    expect(cssBytes).toBeLessThanOrEqual(budget.css);
    expect(stylesheets.length).toBeGreaterThan(0);
  });
});

describe('one stylesheet for the whole site', () => {
  it('every page links the same single stylesheet, so a reader fetches it once and Astro hashes one per page', () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(10);
    const linked = pages.map((file): [string, string[]] => [file, stylesheetsOf(readFileSync(file, 'utf8'))]);
    expect(linked.filter(([, hrefs]) => hrefs.length !== 1)).toEqual([]);
    expect(new Set(linked.map(([, hrefs]) => hrefs[0])).size).toBe(1);
  });
});
