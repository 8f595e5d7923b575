/**
 * The chart's view as URL query parameters, so a reader can share exactly
 * what they see: `?chart=doughnut&unlisted=hide&focus=ai`. Reading never
 * trusts the URL: each parameter is matched against a closed set (the view
 * names, show/hide, the survey's own row keys), and anything else falls back
 * to the default for that parameter. Writing leaves defaults out, so the
 * plain article URL stays clean.
 */
export type ChartKind = 'bar' | 'doughnut';

export interface ChartViewState {
  chart: ChartKind;
  /** Whether the derived "Not listed" row is shown. */
  unlisted: boolean;
  /** Key of the selected row (see rowKey), or null. */
  focus: string | null;
}

export const DEFAULT_VIEW_STATE: ChartViewState = { chart: 'bar', unlisted: true, focus: null };

const KINDS: readonly ChartKind[] = ['bar', 'doughnut'];

export function readViewState(search: string, rowKeys: readonly string[], remainderKey?: string): ChartViewState {
  const params = new URLSearchParams(search);
  const chart = KINDS.find((k) => k === params.get('chart')) ?? DEFAULT_VIEW_STATE.chart;
  const unlisted = params.get('unlisted') !== 'hide';
  const wanted = params.get('focus');
  const focus = rowKeys.find((k) => k === wanted && (unlisted || k !== remainderKey)) ?? null;
  return { chart, unlisted, focus };
}

/** The query string for a state, keeping any unrelated parameters already in `search`. */
export function writeViewState(search: string, state: ChartViewState): string {
  const params = new URLSearchParams(search);
  params.delete('chart');
  params.delete('unlisted');
  params.delete('focus');
  if (state.chart !== DEFAULT_VIEW_STATE.chart) params.set('chart', state.chart);
  if (!state.unlisted) params.set('unlisted', 'hide');
  if (state.focus) params.set('focus', state.focus);
  const query = params.toString();
  return query ? `?${query}` : '';
}
