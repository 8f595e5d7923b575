import { describe, expect, it } from 'vitest';
import {
  announceRow,
  chartAltText,
  deriveSurvey,
  formatShare,
  remainderTenths,
  surveyToCsv,
  surveyToJson,
  takeawayCaption,
} from '../../../src/lib/chart/survey';
import { realSurvey, realView, SURVEY_ID } from './survey-fixtures';

describe('derived survey', () => {
  it('derives the "Not listed" remainder in tenths: 100 − 96.2 = 3.8, with no float drift', () => {
    const view = realView();
    expect(view.remainder).toMatchObject({
      name: 'Not listed',
      tenths: 38,
      share: 3.8,
      rank: null,
      section: null,
      remainder: true,
    });
    expect(remainderTenths([{ share: 0.1 }, { share: 0.2 }])).toBe(997);
    expect(remainderTenths([{ share: 33.3 }, { share: 33.3 }, { share: 33.4 }])).toBe(0);
    expect(view.rows.at(-1)).toBe(view.remainder);
  });

  it('omits the remainder row only when nothing is left over', () => {
    const data = realSurvey();
    const full = deriveSurvey('x', {
      ...data,
      entries: [
        { name: 'A', share: 60, rank: 1, section: 'a' },
        { name: 'B', share: 40, rank: 2, section: 'b' },
      ],
    });
    expect(full.remainder.tenths).toBe(0);
    expect(full.rows.map((r) => r.name)).toEqual(['A', 'B']);
  });

  it('sorts by rank whatever the file order', () => {
    const data = realSurvey();
    const view = deriveSurvey(SURVEY_ID, { ...data, entries: [...data.entries].reverse() });
    expect(view.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(view.ranked[0]!.name).toBe('DePIN');
  });

  it('writes the takeaway caption from the data', () => {
    expect(realView().takeaway).toBe('DePIN leads with 30.2%, ahead of AI at 18.8%');
    expect(takeawayCaption([{ name: 'X', tenths: 500 }])).toBe('X leads with 50.0%');
    expect(
      takeawayCaption([
        { name: 'X', tenths: 400 },
        { name: 'Y', tenths: 400 },
      ]),
    ).toBe('X and Y share the lead with 40.0% each');
    expect(formatShare(3)).toBe('0.3%');
  });

  it('announces a row the way the live region says it', () => {
    const view = realView();
    expect(announceRow(view.ranked[0]!, 8)).toBe('DePIN: 30.2% of votes, rank 1 of 8');
    expect(announceRow(view.remainder, 8)).toBe('Not listed: 3.8% of votes, not one of the listed narratives');
  });

  it('gives the chart image an alt text: the generated summary, then every share', () => {
    const alt = chartAltText(realView());
    expect(alt).toContain(realView().summary);
    expect(alt).toContain('DePIN leads with 30.2% of votes, 11.4 percentage points ahead of AI at 18.8%.');
    for (const row of realView().rows) expect(alt).toContain(`${row.name} ${formatShare(row.tenths)}`);
  });
});

describe('downloads', () => {
  it('serialises CSV in rank order with the derived remainder last, after three "#" credit lines', () => {
    const csv = surveyToCsv(realView());
    const all = csv.trimEnd().split('\r\n');
    expect(all.slice(0, 3).every((line) => line.startsWith('# '))).toBe(true);
    const lines = all.slice(3);
    expect(lines[0]).toBe('rank,narrative,label,share_percent,section');
    expect(lines[1]).toBe(
      '1,DePIN,Decentralized Physical Infrastructure Networks,30.2,decentralized-physical-infrastructure-networks-depin',
    );
    expect(lines.at(-1)).toBe(',Not listed,Not listed,3.8,');
    expect(lines).toHaveLength(10);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes CSV fields holding commas and quotes', () => {
    const data = realSurvey();
    data.entries[0]!.label = 'Networks, "physical"';
    expect(surveyToCsv(deriveSurvey(SURVEY_ID, data))).toContain('1,DePIN,"Networks, ""physical""",30.2,');
  });

  it('serialises JSON with the entries and the derived remainder', () => {
    const json = surveyToJson(realView());
    expect(json.entries).toHaveLength(8);
    expect(json.entries[0]).toEqual({
      rank: 1,
      name: 'DePIN',
      label: 'Decentralized Physical Infrastructure Networks',
      share: 30.2,
      section: 'decentralized-physical-infrastructure-networks-depin',
    });
    expect(json.remainder).toEqual({ name: 'Not listed', share: 3.8, derived: true });
    expect(json.entries.reduce((s, e) => s + e.share * 10, 0) + json.remainder.share * 10).toBeCloseTo(1000, 6);
  });
});
