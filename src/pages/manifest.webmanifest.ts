/** /manifest.webmanifest: name, icons and colours for browsers that install the site (src/lib/social/icons.ts). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config';
import { webAppManifest } from '../lib/social/icons';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      webAppManifest({
        name: SITE.name,
        shortName: SITE.shortName,
        description: SITE.tagline,
        lang: SITE.lang,
        base: SITE.base,
        themeColours: SITE.themeColours,
      }),
      null,
      2,
    ),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
