/**
 * Serves a built dist/ the way a CDN would: files from disk, 404.html for
 * misses, and the response headers that dist/_headers (Netlify / Cloudflare
 * Pages format) assigns to each path. Tests see exactly what readers get.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import compression from 'compression';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';

export interface StaticServer {
  origin: string;
  /** Origin plus the base path, with trailing slash. */
  url: string;
  close(): Promise<void>;
  /**
   * Requests seen, for asserting what a page fetched. `referer` tells who asked: a service
   * worker's own fetches carry its script's URL.
   */
  requests: { path: string; bytes: number; status: number; referer: string }[];
  /**
   * Resolves once no response is open and none has started or finished for `quietMs`. Playwright's
   * `networkidle` cannot serve here: once a page has reached it, waiting for it again returns at
   * once, while the fetches a click started may still be on the wire.
   */
  settled(quietMs?: number): Promise<void>;
}

export interface StaticServerOptions {
  base?: string;
  /** Extra handler tried before the files, e.g. a fake newsletter endpoint. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
  withHeaders?: boolean;
  /** gzip responses as a CDN would; request byte counts are then transfer sizes. */
  compress?: boolean;
  /**
   * ETags, and 304 for a request that sends a current one, as every CDN does: a browser can then
   * revalidate what its HTTP cache holds instead of downloading it again. Files no _headers rule
   * covers are served `no-cache` rather than `no-store`.
   */
  validators?: boolean;
}

export async function startStaticServer(distDir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const headersFile = join(distDir, '_headers');
  let rules: Header[] = [];
  if (options.withHeaders !== false && existsSync(headersFile)) {
    const parsed = await parseAllHeaders({ headersFiles: [headersFile], configHeaders: undefined, minimal: false });
    if (parsed.errors.length > 0) throw new Error(`_headers: ${parsed.errors.map((e) => e.message).join('; ')}`);
    rules = parsed.headers as Header[];
  }
  const notFound = existsSync(join(distDir, '404.html'))
    ? readFileSync(join(distDir, '404.html'))
    : Buffer.from('Not found');
  const files = sirv(distDir, { dev: true, etag: options.validators ?? false, dotfiles: false, extensions: ['html'] });
  const requests: StaticServer['requests'] = [];
  const compress = options.compress ? compression({ threshold: 0 }) : undefined;
  let open = 0;
  let lastActivity = Date.now();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record = { path: url.pathname, bytes: 0, status: 0, referer: req.headers.referer ?? '' };
    requests.push(record);
    open++;
    lastActivity = Date.now();
    res.once('close', () => {
      open--;
      lastActivity = Date.now();
    });
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) record.bytes += Buffer.byteLength(chunk as Buffer);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') record.bytes += Buffer.byteLength(chunk as Buffer);
      record.status = res.statusCode;
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;

    if (options.handle?.(req, res)) return;
    if (compress) compress(req as never, res as never, () => serve(req, res, url));
    else serve(req, res, url);
  });

  function serve(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!url.pathname.startsWith(base)) {
      res.statusCode = 404;
      res.end(notFound);
      return;
    }
    // sirv resolves paths below dist/; strip the base the way a CDN mount would.
    req.url = '/' + url.pathname.slice(base.length) + url.search;
    // _headers rules carry the base path, as the host sees full paths.
    for (const rule of rules) {
      if (rule.forRegExp.test(url.pathname)) {
        for (const [name, value] of Object.entries(rule.values)) res.setHeader(name, value);
      }
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    requests,
    settled: async (quietMs = 500) => {
      while (open > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
