/**
 * Tells the author, once per `astro dev` start, why articles show RSS feeds
 * where a sign-up form would be: readers are never told that sign-up is missing
 * (src/components/NewsletterBox.astro), so the terminal is where the author learns it.
 * astro:server:setup runs for the dev server only, so production builds stay quiet.
 */
import type { AstroIntegration } from 'astro';

export const NEWSLETTER_NOTICE =
  'NEWSLETTER_ENDPOINT is not set, so articles offer the RSS feeds instead of a sign-up form (README: Environment variables).';

export default function newsletterNotice({ endpoint }: { endpoint: string }): AstroIntegration {
  return {
    name: 'site-newsletter',
    hooks: {
      'astro:server:setup': ({ logger }) => {
        if (!endpoint) logger.info(NEWSLETTER_NOTICE);
      },
    },
  };
}
