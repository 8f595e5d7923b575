import { beforeAll, describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import NewsletterBox from '../../src/components/NewsletterBox.astro';
import Faq from '../../src/components/Faq.astro';
import Disclaimer from '../../src/components/Disclaimer.astro';
import AboutPublisher from '../../src/components/AboutPublisher.astro';
import FormattedDate from '../../src/components/FormattedDate.astro';
import { SITE } from '../../src/site.config';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('NewsletterBox', () => {
  it('renders a real form that POSTs to the configured endpoint, with a labelled email input', async () => {
    const html = await container.renderToString(NewsletterBox, {
      props: { endpoint: 'https://list.example.com/subscribe' },
    });
    expect(html).toMatch(/<form[^>]*action="https:\/\/list\.example\.com\/subscribe"[^>]*method="post"/);
    expect(html).toMatch(/<label[^>]*for="newsletter-email"[^>]*>Email address<\/label>/);
    expect(html).toMatch(/<input[^>]*id="newsletter-email"[^>]*type="email"[^>]*required/);
    expect(html).toContain('role="status"');
    expect(html).toContain('No credit card | 1-click unsubscribe');
  });
  it('without an endpoint, offers the feeds instead of a dead form: no error, no sign-up promises', async () => {
    const html = await container.renderToString(NewsletterBox, {
      props: { endpoint: '', feed: { name: 'Research', set: 'category-research' } },
    });
    expect(html).not.toContain('<form');
    expect(html).not.toContain('data-state');
    expect(html).not.toMatch(/not set up|credit card|unsubscribe|inbox/i);
    expect(html).not.toContain(SITE.newsletter.pitch);
    expect(html).toMatch(/<a class="feed-link" href="\/subscribe\/#category-research"[^>]*>[\s\S]*?Research feed<\/a>/);
    expect(html).toMatch(/<a class="feed-link" href="\/subscribe\/#all"[^>]*>[\s\S]*?All articles<\/a>/);
  });
  it("uses a category's own heading and pitch over the site's", async () => {
    const copy = { heading: 'Engineering notes by email', pitch: 'Guides on APIs & pipelines.' };
    const html = await container.renderToString(NewsletterBox, {
      props: { endpoint: 'https://list.example.com/subscribe', copy },
    });
    expect(html).toMatch(/<h2[^>]*>Engineering notes by email<\/h2>/);
    expect(html).toMatch(/<p[^>]*>Guides on APIs &amp; pipelines\.<\/p>/);
    expect(html).not.toContain(SITE.newsletter.heading);
    expect(html).toContain('<form');
  });
});

describe('Faq', () => {
  it('renders questions as headings inside <details>, escaping text', async () => {
    const html = await container.renderToString(Faq, {
      props: { items: [{ question: 'Is <b>this</b> safe?', answer: 'Yes & no.' }] },
    });
    expect(html).toMatch(
      /<details[^>]*><summary[^>]*><h3[^>]*>Is &lt;b&gt;this&lt;\/b&gt; safe\?<\/h3><\/summary><p[^>]*>Yes &amp; no\.<\/p><\/details>/,
    );
  });
  it('renders nothing without items', async () => {
    expect((await container.renderToString(Faq, { props: { items: [] } })).trim()).toBe('');
  });
});

describe('publisher blocks', () => {
  it('shows the disclaimer text given', async () => {
    expect(await container.renderToString(Disclaimer, { props: { text: 'Not advice.' } })).toMatch(
      /<p[^>]*>Not advice\.<\/p>/,
    );
  });
  it('lists the publisher facts from site config', async () => {
    const html = await container.renderToString(AboutPublisher);
    expect(html).toContain(`${SITE.publisher.employees} employees`);
    expect(html).toContain('Daily briefings');
    expect(html).toMatch(/sponsorship never buys a rating/);
  });
  it('formats dates in UTC with a machine-readable datetime', async () => {
    const html = await container.renderToString(FormattedDate, { props: { date: new Date('2024-03-12T00:00:00Z') } });
    expect(html).toMatch(/<time datetime="2024-03-12"[^>]*>March 12, 2024<\/time>/);
  });
});
