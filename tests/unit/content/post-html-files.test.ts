import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AstroError } from 'astro/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  htmlFileOf,
  loadPostHtml,
  POST_HTML_FILE_KEY,
  PostHtmlFolder,
  postHtmlDir,
  prunePostHtml,
} from '../../../src/lib/content/post-html-files';

let cache = '';
let dir = '';
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'post-html-'));
  dir = postHtmlDir(cache, 'build');
});
const savePostHtml = async (folder: string, html: string) => (await PostHtmlFolder.open(folder)).save(html);
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

  it('does not write a file again that an earlier sync left in the folder', async () => {
    const file = (await PostHtmlFolder.open(dir)).save(HTML);
    const written = statSync(file);
    const nextSync = await PostHtmlFolder.open(dir);
    const files = Array.from({ length: 3 }, () => nextSync.save(HTML));
    expect(new Set(files)).toEqual(new Set([file]));
    // The same inode: listed when the folder was opened, so not replaced by a rename.
    expect(statSync(file).ino).toBe(written.ino);
    expect(readdirSync(dir)).toEqual([basename(file)]);
    expect(await loadPostHtml(file, 'src/content/posts/a.md')).toBe(HTML);
  });

  it('knows the files it held when opened and those saved since, and nothing outside the folder', async () => {
    const before = await savePostHtml(dir, HTML);
    const folder = await PostHtmlFolder.open(dir);
    expect(folder.holds(before)).toBe(true);
    const other = join(dir, `${'0'.repeat(64)}.html`);
    expect(folder.holds(other)).toBe(false);
    const saved = folder.save('<p>New.</p>');
    expect(folder.holds(saved)).toBe(true);
    // The same name in another cache folder (one restored somewhere else) is not this folder's file.
    expect(folder.holds(join(cache, 'moved', basename(before)))).toBe(false);
    expect(readdirSync(dir).some((name) => name.endsWith('.partial'))).toBe(false);
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
