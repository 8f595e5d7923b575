import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { contentAfterHtmlEnd, htmlFiles } from '../support/dist';

const dist = inject('mainDistDir');

describe('HTML validity', () => {
  it('every page in dist passes html-validate (recommended rules, .htmlvalidate.json) with 0 errors', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = htmlFiles(dist);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages)
          errors.push(`${relative(dist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  // html-validate does not report content after </html> (browsers move it into <body>); the W3C checker does.
  it('no page has anything but whitespace after </html>', () => {
    const files = htmlFiles(dist);
    const problems: string[] = [];
    for (const file of files) {
      const after = contentAfterHtmlEnd(readFileSync(file, 'utf8'));
      if (after)
        problems.push(`${relative(dist, file)}:${after.line}:${after.column} content after </html>: ${after.excerpt}`);
    }
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it('the </html> check finds a script after </html>, where it starts, from the first of two </html>, and passes whitespace, an implied </html> and "</html>" inside a script', () => {
    const page = (tail: string) =>
      `<!doctype html>\n<html lang="en"><head><title>t</title></head><body><p>x</p></body></html>${tail}`;
    expect(contentAfterHtmlEnd(page('\n<script type="module" src="/_astro/search.js"></script>\n'))).toEqual({
      line: 3,
      column: 1,
      excerpt: '<script type="module" src="/_astro/search.js"></script>\n',
    });
    expect(contentAfterHtmlEnd(page(' \u00a0'))).toEqual({ line: 2, column: 75, excerpt: '\u00a0' });
    expect(contentAfterHtmlEnd(page('<script></script></html>'))).toEqual({
      line: 2,
      column: 74,
      excerpt: '<script></script></html>',
    });
    expect(contentAfterHtmlEnd(page('\n\t \r\n'))).toBeUndefined();
    expect(
      contentAfterHtmlEnd('<!doctype html><title>Redirecting</title><body><a href="/x/">x</a></body>'),
    ).toBeUndefined();
    expect(contentAfterHtmlEnd('<!doctype html><html><body><script>"</html>"</script></body></html>')).toBeUndefined();
  });
});
