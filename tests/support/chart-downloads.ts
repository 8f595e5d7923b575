/**
 * Checks over a built dist/: the four downloads of a survey exist, are derived
 * from it, and each carries the survey's name, source and licence line
 * (issue 15, part 7). Shared by the main build test and the fixture surveys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { surveyCredit, surveyToCsv, surveyToJson, type SurveyView } from '../../src/lib/chart/survey';

export async function expectDownloadsCarryCredit(distDir: string, view: SurveyView): Promise<void> {
  const credit = surveyCredit(view);
  const file = (format: string) => join(distDir, 'data', `${view.id}.${format}`);

  const csv = readFileSync(file('csv'), 'utf8');
  expect(csv).toBe(surveyToCsv(view));
  expect(csv.split('\r\n').slice(0, 3)).toEqual([`# ${credit.name}`, `# ${credit.source}`, `# ${credit.licence}`]);

  const json = JSON.parse(readFileSync(file('json'), 'utf8'));
  expect(json).toEqual(JSON.parse(JSON.stringify(surveyToJson(view))));
  expect(json.credit).toEqual(credit);
  expect(json.licence.name).toBe(view.licence.name);

  const svgText = readFileSync(file('svg'), 'utf8');
  const svg = new XMLParser({ ignoreAttributes: false }).parse(svgText).svg;
  expect(svg.title).toBe(view.question);
  expect(svg.desc).toContain(view.source.name);
  const dc = svg.metadata['rdf:RDF']['rdf:Description'];
  expect([dc['dc:title'], dc['dc:source'], dc['dc:rights']]).toEqual([credit.name, credit.source, credit.licence]);
  const drawn = (svg.text as ({ '#text': string | number } | string | number)[]).map((t) =>
    String(typeof t === 'object' ? t['#text'] : t),
  );
  expect(drawn.some((t) => t.startsWith(`Source: ${view.source.name}`))).toBe(true);
  expect(drawn.some((t) => t.startsWith('Licence: '))).toBe(true);

  const png = await sharp(file('png')).metadata();
  expect(png).toMatchObject({ format: 'png', width: 1200, height: 630 });
  // The credit is drawn into the image (the SVG above is what it is rendered from) and stored as EXIF.
  const exif = png.exif!.toString('utf8');
  expect(exif).toContain(credit.name);
  expect(exif).toContain(credit.source);
  expect(exif).toContain(credit.licence);
}
