import { absoluteUrl } from '../site.config';
import { paths } from '../lib/routes/paths';

export function GET(): Response {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(paths.sitemap())}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
