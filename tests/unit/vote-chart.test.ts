import { describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import VoteChart from '../../src/components/chart/VoteChart.astro';
import { realView } from './chart/survey-fixtures';

async function render(): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(VoteChart, { props: { survey: realView() } });
}

/** Strips the dev-only attributes the Container API adds. */
const clean = (html: string) => html.replace(/\s(data-astro-[\w-]+)(="[^"]*")?/g, '');

describe('<VoteChart> (Container API)', () => {
  it('renders a figure with the takeaway caption, the source and the data links', async () => {
    const html = clean(await render());
    expect(html).toMatch(
      /<figure class="vote-chart"[^>]*>\s*<figcaption[^>]*>.*DePIN leads with 30\.2%, ahead of AI at 18\.8%/s,
    );
    expect(html).toContain('Source: Token Metrics Moon Awards community survey, 2024.');
    for (const format of ['csv', 'json', 'svg', 'png']) {
      expect(html).toContain(
        `<a href="/data/moon-awards-2024-narratives.${format}" download="moon-awards-2024-narratives.${format}">${format.toUpperCase()}</a>`,
      );
    }
    expect(html).toMatch(/<p>Licence: .+\.<\/p>/);
  });

  it('inlines the build-time SVG inside the <vote-chart> element', async () => {
    const html = clean(await render());
    const chart = html.match(/<vote-chart[^>]*>(.*?)<\/vote-chart>/s)![1]!;
    expect(chart).toMatch(/<svg [^>]*role="img"/);
    expect(chart).toContain('aria-live="polite"');
  });

  it('puts the table, with a caption, outside any role="img"', async () => {
    const html = clean(await render());
    const svgEnd = html.indexOf('</svg>');
    const table = html.indexOf('<table');
    expect(table).toBeGreaterThan(svgEnd);
    expect(html).toMatch(
      /<table[^>]*>\s*<caption>Top crypto narratives for 2024: share of votes by narrative, 2024<\/caption>/,
    );
    const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows).toContain('1 DePIN Decentralized Physical Infrastructure Networks 30.2%');
    expect(rows).toContain('— Not listed derived: 100% minus the listed shares 3.8%');
    expect(rows).toContain('Total 100.0%');
    expect(html).toContain('<a href="#data-availability">Data availability</a>');
  });

  it('passes the island its data, including the announcements and sections', async () => {
    const html = await render();
    const raw = html.match(/<vote-chart[^>]*data-chart="([^"]*)"/)![1]!;
    const data = JSON.parse(raw.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    expect(data.axisMax).toBe(40);
    expect(data.rows).toHaveLength(9);
    expect(data.rows[0]).toMatchObject({
      name: 'DePIN',
      value: 30.2,
      announce: 'DePIN: 30.2% of votes, rank 1 of 8',
      section: 'decentralized-physical-infrastructure-networks-depin',
    });
    expect(data.rows[8]).toMatchObject({ name: 'Not listed', value: 3.8, remainder: true });
    expect(data.rows[8].section).toBeUndefined();
  });

  it('renders the controls disabled until the island takes over', async () => {
    const html = clean(await render());
    expect(html).toMatch(/<button type="button" data-view="bar" aria-pressed="true" disabled>Bars<\/button>/);
    expect(html).toMatch(/<input type="checkbox" data-remainder checked disabled>/);
  });
});
