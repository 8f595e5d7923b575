/**
 * The author's loop in `astro dev`: a draft shows with its banner, a
 * frontmatter mistake shows Astro's error overlay naming the file and the
 * field, the server keeps running, and the page recovers once the file is fixed.
 *
 * Runs the real dev server on a free port with CONTENT_DIR pointing at a
 * temporary folder, so src/content/posts is never touched. The server runs in a
 * copy of the project (src, public, configs; node_modules linked): every Astro
 * process writes <root>/.astro/content-modules.mjs, and a build running in
 * /work/main at the same time would otherwise swap the dev server's list of
 * MDX modules for its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ROOT, TMP_ROOT, inheritedEnv } from '../support/build-site';
import { freePort } from '../../scripts/lib/free-port';
import { stopProcess } from '../support/stop-process';
import { postFileText } from '../../src/lib/posts/new-post';
import { NEWSLETTER_NOTICE } from '../../src/integrations/newsletter-notice';
import { postHtmlDir } from '../../src/lib/content/post-html-files';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let exited = () => false;

/** Polls until check() returns a value, or fails with the last state after `timeout` ms. */
async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeout = 60_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: Error | undefined;
  while (Date.now() < end) {
    if (exited()) throw new Error(`astro dev exited while waiting for ${what}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    await sleep(500);
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

const draft = postFileText({
  title: 'Dev Preview Post',
  category: 'research',
  author: 'token-metrics-team',
  tags: ['preview'],
  date: new Date(2025, 0, 10),
});
const scheduled = [
  '---',
  'title: "Coming Later"',
  'description: "A post scheduled far in the future."',
  'pubDate: 2099-01-05',
  'category: crypto-basics',
  'author: token-metrics-team',
  '---',
  '',
  'Not yet.',
  '',
].join('\n');
// Two mistakes: the title is missing and the category does not exist.
const broken = [
  '---',
  'description: "Forgot the title."',
  'pubDate: 2025-02-01',
  'category: reserch',
  'author: token-metrics-team',
  '---',
  '',
  'Oops.',
  '',
].join('\n');
const fixed = [
  '---',
  'title: "Now With a Title"',
  'description: "Fixed."',
  'pubDate: 2025-02-01',
  'category: research',
  'author: token-metrics-team',
  '---',
  '',
  'Fixed body.',
  '',
].join('\n');

describe('astro dev with a temporary content folder', () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'dev-server-project-'));
  // Inside the project, like src/content: the overlay shows files outside the root as root-relative.
  const contentDir = join(projectDir, 'test-content');
  const postsDir = join(contentDir, 'posts');
  const cacheDir = join(TMP_ROOT, 'dev-server-cache');
  let server: ChildProcess;
  let output = '';
  let origin = '';
  let socket: WebSocket | undefined;
  const overlayPayloads: { message?: string; id?: string; loc?: { file?: string } }[] = [];

  const get = async (path: string) => {
    const response = await fetch(origin + path);
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    mkdirSync(postsDir, { recursive: true });
    writeFileSync(join(postsDir, 'dev-preview-post.mdx'), draft);
    writeFileSync(join(postsDir, 'coming-later.mdx'), scheduled);
    rmSync(cacheDir, { recursive: true, force: true });
    // public/ is optional (every static file is built from src/ today), so copy what exists.
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'].filter((e) =>
      existsSync(join(ROOT, e)),
    ))
      cpSync(join(ROOT, entry), join(projectDir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(projectDir, 'node_modules'), 'dir');
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // --ignore-lock: run beside any dev server an author has open, without touching its lock file, and in
    // the foreground even when a coding agent runs the tests (Astro would otherwise detach a background server).
    server = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--ignore-lock'],
      {
        cwd: projectDir,
        env: {
          ...inheritedEnv(),
          CONTENT_DIR: contentDir,
          ASTRO_CACHE_DIR: cacheDir,
          NEWSLETTER_ENDPOINT: '',
          ASTRO_TELEMETRY_DISABLED: '1',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    exited = () => server.exitCode !== null;
    server.on('exit', () => console.error(`astro dev exited (${server.exitCode}):\n${output}`));
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(
      'the dev server to serve the draft',
      async () => {
        return (await get('/posts/dev-preview-post/')).status === 200 ? true : undefined;
      },
      120_000,
    );
    // Listen on the HMR socket like the browser's overlay does.
    const client = await (await fetch(`${origin}/@vite/client`)).text();
    const token = /const wsToken = "([^"]+)"/.exec(client)?.[1] ?? '';
    socket = new WebSocket(`ws://localhost:${port}/?token=${encodeURIComponent(token)}`, 'vite-hmr');
    socket.addEventListener('message', (event) => {
      const payload = JSON.parse(String(event.data)) as { type: string; err?: (typeof overlayPayloads)[number] };
      if (payload.type === 'error' && payload.err) overlayPayloads.push(payload.err);
    });
    await waitFor('the HMR socket', () => (socket!.readyState === WebSocket.OPEN ? true : undefined), 20_000);
  });

  afterAll(async () => {
    socket?.close();
    server?.removeAllListeners('exit');
    await stopProcess(server);
    rmSync(projectDir, { recursive: true, force: true });
  });

  it('renders the new-post template as a draft with the Draft banner', async () => {
    const { status, body } = await get('/posts/dev-preview-post/');
    expect(status).toBe(200);
    expect(body).toContain('Dev Preview Post');
    expect(body).toMatch(/class="banner"[^>]*>Draft: this post is visible only in/);
    // The template's live Callout renders; the commented VoteChart does not.
    expect(body).toContain('Components need no import');
    expect(body).not.toContain('<vote-chart');
  });

  it('tells the author, once, why articles offer feeds instead of a newsletter form', () => {
    expect(output.split(NEWSLETTER_NOTICE).length - 1).toBe(1);
  });

  it('shows a future post with its "Scheduled for <date>" banner', async () => {
    const { status, body } = await get('/posts/coming-later/');
    expect(status).toBe(200);
    expect(body).toMatch(/class="banner"[^>]*>Scheduled for January 5, 2099:/);
  });

  it('lists both on the home page and the post list, each marked', async () => {
    for (const path of ['/', '/posts/']) {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      expect(body, path).toMatch(/class="status-pill"[^>]*>Draft</);
      expect(body, path).toMatch(/class="status-pill"[^>]*>Scheduled January 5, 2099</);
    }
  });

  it('draws social cards on request (the build draws them ahead, dev does not)', async () => {
    for (const path of ['/social/cards/home.png', '/social/cards/posts/dev-preview-post.png']) {
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect(await sharp(png).metadata(), path).toMatchObject({ format: 'png', width: 1200, height: 630 });
    }
  });

  it('a frontmatter mistake shows the error overlay naming the file and the fields, and the server keeps running', async () => {
    writeFileSync(join(postsDir, 'broken-post.mdx'), broken);
    const page = await waitFor('the error page', async () => {
      const response = await get('/posts/dev-preview-post/');
      return response.status === 500 ? response : undefined;
    });
    // Astro answers with a stub page that loads the overlay ...
    expect(page.body).toContain('<title>InvalidContent</title>');
    expect(page.body).toContain('/@vite/client');
    // ... and sends the overlay its payload over the HMR socket.
    const payload = await waitFor('the overlay payload', () =>
      overlayPayloads.find((p) => p.message?.includes('broken-post.mdx')),
    );
    expect(payload.message).toContain('broken-post.mdx');
    expect(payload.message).toMatch(/title: .*Required/);
    // The overlay payload is HTML-escaped for display.
    expect(payload.message).toMatch(/\(category\): unknown category (&quot;|")reserch/);
    expect(payload.loc?.file).toBe(join(postsDir, 'broken-post.mdx'));
    // The terminal says the same.
    expect(output).toMatch(/broken-post\.mdx[\s\S]*title/);
    expect(server.exitCode).toBeNull();
  });

  it('recovers once the file is fixed, without a restart', async () => {
    writeFileSync(join(postsDir, 'broken-post.mdx'), fixed);
    await waitFor('the page to recover', async () =>
      (await get('/posts/dev-preview-post/')).status === 200 ? true : undefined,
    );
    // The fixed post itself appears once the content store has been written.
    const body = await waitFor('the fixed post', async () => {
      const response = await get('/posts/broken-post/');
      return response.status === 200 ? response.body : undefined;
    });
    expect(body).toContain('Now With a Title');
    expect(server.exitCode).toBeNull();
  });

  it('shows an edit to a post’s body without a restart, its HTML kept in the dev cache folder', async () => {
    const word = 'quillobranth';
    writeFileSync(join(postsDir, 'coming-later.mdx'), scheduled.replace('Not yet.', `Not yet: ${word} first.`));
    const page = await waitFor('the edited body', async () => {
      const response = await get('/posts/coming-later/');
      return response.body.includes(word) ? response.body : undefined;
    });
    expect(page).toContain(`<p>Not yet: ${word} first.</p>`);
    const htmlDir = postHtmlDir(cacheDir, 'dev');
    expect(readdirSync(htmlDir).some((name) => readFileSync(join(htmlDir, name), 'utf8').includes(word))).toBe(true);
  });

  it('renders a <Callout> placed around the Markdown, and an edit inside it, without a restart', async () => {
    const post = (words: string) =>
      scheduled.replace('Not yet.', `Before.\n\n<Callout type="tip">\n${words} inside.\n</Callout>\n\nAfter.`);
    writeFileSync(join(postsDir, 'with-callout.mdx'), post('Tallowbrisk'));
    const callout = (page: string) => /<aside class="callout callout--tip"[\s\S]*?<\/aside>/.exec(page)?.[0];
    const first = await waitFor('the callout', async () => callout((await get('/posts/with-callout/')).body));
    expect(first).toContain('<p>Tallowbrisk inside.</p>');
    writeFileSync(join(postsDir, 'with-callout.mdx'), post('Quernsmoke'));
    const edited = await waitFor('the edited callout', async () => {
      const found = callout((await get('/posts/with-callout/')).body);
      return found?.includes('Quernsmoke') ? found : undefined;
    });
    expect(edited).toContain('<p>Quernsmoke inside.</p>');
  });
});
