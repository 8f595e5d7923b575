import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AstroError } from 'astro/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  htmlFileOf,
  loadPostHtml,
  POST_HTML_FILE_KEY,
  postHtmlDir,
  prunePostHtml,
  savePostHtml,
} from '../../../src/lib/content/post-html-files';

let cache = '';
let dir = '';
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'post-html-'));
  dir = postHtmlDir(cache, 'build');
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

const HTML = '<h2 id="a">Ä heading</h2>\n<p>Body with <code>&lt;code&gt;</code> and “quotes”.</p>';

describe('rendered HTML kept outside the content store (src/lib/content/post-html-files.ts)', () => {
  it('names a file by the SHA-256 of its bytes, inside the mode’s own folder, and reads the same string back', async () => {
    const file = await savePostHtml(dir, HTML);
    expect(file.startsWith(join(cache, 'post-html', 'build'))).toBe(true);
    expect(basename(file)).toBe(`${createHash('sha256').update(HTML).digest('hex')}.html`);
    expect(readFileSync(file, 'utf8')).toBe(HTML);
    expect(await loadPostHtml(file, 'src/content/posts/a.md')).toBe(HTML);
    expect(postHtmlDir(cache, 'dev')).not.toBe(dir);
  });

  it('writes one file for the same HTML, leaves no partial file behind, and keeps distinct HTML apart', async () => {
    const first = await savePostHtml(dir, HTML);
    const again = await savePostHtml(dir, HTML);
    const other = await savePostHtml(dir, `${HTML}\n<p>More.</p>`);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(readdirSync(dir).sort()).toEqual([basename(first), basename(other)].sort());
  });

  it('saves the same HTML for several posts at once (as the loader does, eight in flight) into one file', async () => {
    const files = await Promise.all(Array.from({ length: 8 }, () => savePostHtml(dir, HTML)));
    expect(new Set(files).size).toBe(1);
    expect(readdirSync(dir)).toEqual([basename(files[0]!)]);
    expect(await loadPostHtml(files[0]!, 'src/content/posts/a.md')).toBe(HTML);
  });

  it('stops with the post’s source file when the HTML was deleted or changed', async () => {
    const file = await savePostHtml(dir, HTML);
    writeFileSync(file, `${HTML}<script>alert(1)</script>`);
    await expect(loadPostHtml(file, 'src/content/posts/a.md')).rejects.toThrow(
      /^src\/content\/posts\/a\.md: its rendered HTML \(.+\) was changed in the cache folder/,
    );
    rmSync(file);
    await expect(loadPostHtml(file, 'src/content/posts/a.md')).rejects.toThrow(
      /^src\/content\/posts\/a\.md: its rendered HTML \(.+\) was deleted from the cache folder/,
    );
    // Printed by Astro as a user error: the message, not a stack that names only this module.
    const error: unknown = await loadPostHtml(file, 'src/content/posts/a.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as Error).stack).toBeUndefined();
  });

  it('prunes what no entry points at, partial writes included, and keeps the rest', async () => {
    const kept = await savePostHtml(dir, HTML);
    const stale = await savePostHtml(dir, '<p>An older render.</p>');
    writeFileSync(`${kept}.123.partial`, '<p>cut');
    expect(await prunePostHtml(dir, new Set([kept]))).toBe(2);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(dir)).toEqual([basename(kept)]);
    expect(await prunePostHtml(join(cache, 'never-made'), new Set())).toBe(0);
  });

  it('finds the file an entry points at, and nothing in an entry whose HTML is in the store', () => {
    expect(htmlFileOf({ rendered: { metadata: { [POST_HTML_FILE_KEY]: '/c/x.html' } } })).toBe('/c/x.html');
    expect(htmlFileOf({ rendered: { metadata: { imagePaths: [] } } })).toBeUndefined();
    expect(htmlFileOf({})).toBeUndefined();
  });
});
