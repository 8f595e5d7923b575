import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, readViewState, writeViewState } from '../../../src/lib/chart/view-state';

const KEYS = ['depin', 'ai', 'gamefi', 'not-listed'];
const read = (search: string) => readViewState(search, KEYS, 'not-listed');

describe('chart view in the URL', () => {
  it('reads the example from the issue', () => {
    expect(read('?chart=doughnut&unlisted=hide&focus=ai')).toEqual({ chart: 'doughnut', unlisted: false, focus: 'ai' });
  });

  it('falls back to the default for anything unknown or hostile, parameter by parameter', () => {
    expect(read('')).toEqual(DEFAULT_VIEW_STATE);
    for (const search of [
      '?chart=pie',
      '?chart=DOUGHNUT',
      '?chart=<script>alert(1)</script>',
      '?chart=doughnut%00',
      '?unlisted=maybe&focus=constructor',
      '?focus=__proto__',
      '?focus=toString',
      '?focus=' + 'a'.repeat(10_000),
      '?focus=AI',
      '?focus=ai%22%3E%3Cimg',
      '?chart=bar&chart=doughnut',
    ]) {
      const state = read(search);
      expect(state.chart, search).toBe(search === '?chart=bar&chart=doughnut' ? 'bar' : DEFAULT_VIEW_STATE.chart);
      expect(state.focus, search).toBeNull();
    }
    expect(read('?unlisted=maybe').unlisted).toBe(true);
    expect(read('?chart=pie&focus=gamefi')).toEqual({ chart: 'bar', unlisted: true, focus: 'gamefi' });
  });

  it('drops a focus on the hidden remainder', () => {
    expect(read('?focus=not-listed').focus).toBe('not-listed');
    expect(read('?focus=not-listed&unlisted=hide').focus).toBeNull();
  });

  it('writes only what differs from the default, keeping other parameters', () => {
    expect(writeViewState('', DEFAULT_VIEW_STATE)).toBe('');
    expect(writeViewState('?utm=x&chart=doughnut', DEFAULT_VIEW_STATE)).toBe('?utm=x');
    const search = writeViewState('?utm=x', { chart: 'doughnut', unlisted: false, focus: 'ai' });
    expect(search).toBe('?utm=x&chart=doughnut&unlisted=hide&focus=ai');
    expect(read(search)).toEqual({ chart: 'doughnut', unlisted: false, focus: 'ai' });
  });
});
