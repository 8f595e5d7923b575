/**
 * The chart's description in words, computed from the survey so it can never
 * drift from the data: who leads and by how many percentage points, what the
 * top four take together, the smallest listed narrative, and the share no
 * listed narrative received. The figure shows it, the SVG and canvas point to
 * it as their description, and the feed and social card use it as alt text.
 */
import { formatShare } from './format';
import type { SurveyRow } from './survey';

const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "11.4 percentage points": the gap between two shares, from tenths, so no float error shows. */
export function formatPoints(tenths: number): string {
  const value = (tenths / 10).toFixed(1);
  return `${value} percentage ${value === '1.0' ? 'point' : 'points'}`;
}

const TOP = 4;

function leadSentence(ranked: readonly SurveyRow[]): string {
  const [first, second] = ranked;
  if (!first) return '';
  if (!second) return `${first.name} is the only listed narrative, with ${formatShare(first.tenths)} of votes.`;
  const leaders = ranked.filter((r) => r.tenths === first.tenths);
  if (leaders.length > 1) {
    const next = ranked[leaders.length];
    const behind = next ? `, ${formatPoints(first.tenths - next.tenths)} ahead of ${next.name}` : '';
    return `${list.format(leaders.map((r) => r.name))} share the lead with ${formatShare(first.tenths)} of votes each${behind}.`;
  }
  return `${first.name} leads with ${formatShare(first.tenths)} of votes, ${formatPoints(first.tenths - second.tenths)} ahead of ${second.name} at ${formatShare(second.tenths)}.`;
}

function topSentence(ranked: readonly SurveyRow[]): string {
  if (ranked.length < 2) return '';
  const top = ranked.slice(0, TOP);
  const total = top.reduce((sum, r) => sum + r.tenths, 0);
  const who = ranked.length <= TOP ? `Together the ${ranked.length} listed narratives` : 'The top four';
  return `${who} (${list.format(top.map((r) => r.name))}) take ${formatShare(total)}.`;
}

function smallestSentence(ranked: readonly SurveyRow[]): string {
  if (ranked.length < 3) return '';
  const lowest = Math.min(...ranked.map((r) => r.tenths));
  const smallest = ranked.filter((r) => r.tenths === lowest);
  return smallest.length === 1
    ? `The smallest listed narrative is ${smallest[0]!.name} at ${formatShare(lowest)}.`
    : `The smallest listed narratives are ${list.format(smallest.map((r) => r.name))} at ${formatShare(lowest)} each.`;
}

function remainderSentence(remainder: SurveyRow): string {
  return remainder.tenths > 0
    ? `The remaining ${formatShare(remainder.tenths)} of votes went to narratives not on the list.`
    : 'Every vote went to a listed narrative.';
}

/** "DePIN leads with 30.2% of votes, 11.4 percentage points ahead of AI at 18.8%. The top four (…) take 76.6%. …" */
export function surveySummary(ranked: readonly SurveyRow[], remainder: SurveyRow): string {
  return [leadSentence(ranked), topSentence(ranked), smallestSentence(ranked), remainderSentence(remainder)]
    .filter(Boolean)
    .join(' ');
}
