/**
 * A build with a newsletter endpoint on the site's own origin, served with the
 * real _headers, and a fake endpoint: addresses containing "fail" get a 500.
 * Shared by the CSP, accessibility and keyboard tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildSite } from './build-site';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

export const NEWSLETTER_PATH = '/api/newsletter';

function fakeNewsletter(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith(NEWSLETTER_PATH)) return false;
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const fails = body.includes('fail');
    res.statusCode = fails ? 500 : 200;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: !fails }));
  });
  return true;
}

let built: Promise<string> | undefined;

export function newsletterDist(): Promise<string> {
  return (built ??= buildSite('newsletter', { NEWSLETTER_ENDPOINT: NEWSLETTER_PATH }).then((r) => {
    if (!r.ok) throw new Error(r.output);
    return r.distDir;
  }));
}

export async function serveNewsletterBuild(options: { withHeaders?: boolean } = {}): Promise<StaticServer> {
  return startStaticServer(await newsletterDist(), {
    handle: fakeNewsletter,
    withHeaders: options.withHeaders ?? true,
  });
}
