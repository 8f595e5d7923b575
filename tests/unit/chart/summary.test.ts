import { describe, expect, it } from 'vitest';
import { deriveSurvey } from '../../../src/lib/chart/survey';
import { formatPoints } from '../../../src/lib/chart/summary';
import type { SurveyData } from '../../../src/lib/chart/survey-schema';
import { realSurvey, realView, SURVEY_ID } from './survey-fixtures';

const entry = (rank: number, name: string, share: number) => ({ rank, name, share, section: name.toLowerCase() });
const summaryOf = (entries: SurveyData['entries']) => deriveSurvey('s', { ...realSurvey(), entries }).summary;

describe('generated chart summary', () => {
  it('describes the real survey: leader and margin, top four, smallest, unlisted remainder', () => {
    expect(realView().summary).toBe(
      'DePIN leads with 30.2% of votes, 11.4 percentage points ahead of AI at 18.8%. ' +
        'The top four (DePIN, AI, GameFi, and DeFi) take 76.6%. ' +
        'The smallest listed narrative is Data availability at 1.3%. ' +
        'The remaining 3.8% of votes went to narratives not on the list.',
    );
  });

  it('changes when the data changes', () => {
    const data = realSurvey();
    data.entries.find((e) => e.name === 'AI')!.share = 21;
    data.entries.find((e) => e.name === 'Data availability')!.share = 0.9;
    const summary = deriveSurvey(SURVEY_ID, data).summary;
    expect(summary).toContain('DePIN leads with 30.2% of votes, 9.2 percentage points ahead of AI at 21.0%.');
    expect(summary).toContain('The top four (DePIN, AI, GameFi, and DeFi) take 78.8%.');
    expect(summary).toContain('The smallest listed narrative is Data availability at 0.9%.');
    expect(summary).toContain('The remaining 2.0% of votes went to narratives not on the list.');
    expect(summary).not.toBe(realView().summary);
  });

  it('reads well for ties, short lists and a complete vote', () => {
    expect(summaryOf([entry(1, 'A', 40), entry(2, 'B', 40), entry(3, 'C', 20)])).toBe(
      'A and B share the lead with 40.0% of votes each, 20.0 percentage points ahead of C. ' +
        'Together the 3 listed narratives (A, B, and C) take 100.0%. ' +
        'The smallest listed narrative is C at 20.0%. Every vote went to a listed narrative.',
    );
    expect(summaryOf([entry(1, 'Solo', 70)])).toBe(
      'Solo is the only listed narrative, with 70.0% of votes. The remaining 30.0% of votes went to narratives not on the list.',
    );
    expect(summaryOf([entry(1, 'A', 50), entry(2, 'B', 49), entry(3, 'C', 0.5), entry(4, 'D', 0.5)])).toContain(
      'A leads with 50.0% of votes, 1.0 percentage point ahead of B at 49.0%.',
    );
    expect(summaryOf([entry(1, 'A', 50), entry(2, 'B', 49), entry(3, 'C', 0.5), entry(4, 'D', 0.5)])).toContain(
      'The smallest listed narratives are C and D at 0.5% each.',
    );
  });

  it('counts points in tenths, so no floating-point tail shows', () => {
    expect(formatPoints(302 - 188)).toBe('11.4 percentage points');
    expect(formatPoints(10)).toBe('1.0 percentage point');
  });
});
