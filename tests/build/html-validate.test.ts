import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { htmlFiles } from '../support/dist';

const dist = inject('mainDistDir');

describe('HTML validity', () => {
  it('every page in dist passes html-validate (recommended rules, .htmlvalidate.json) with 0 errors', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = htmlFiles(dist);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${relative(dist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
});
