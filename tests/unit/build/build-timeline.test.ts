import { describe, expect, it } from 'vitest';
import {
  BuildTimelineRecorder,
  installTimelineRecorder,
  timelineRecorder,
} from '../../../src/lib/build/build-timeline';

describe('BuildTimelineRecorder', () => {
  it('shares time among the pages rendering through it, so the routes add up to the time anything rendered', () => {
    const recorder = new BuildTimelineRecorder();
    const article = recorder.pageStarted('/posts/[id]', 100);
    const tag = recorder.pageStarted('/tags/[tag]/[...page]', 104);
    recorder.pageEnded(article, 110); // 100–104 alone, 104–110 shared
    recorder.pageEnded(tag, 112); // 110–112 alone
    const second = recorder.pageStarted('/posts/[id]', 120); // 112–120: nothing rendering
    recorder.pageEnded(second, 125);
    const { marks, routes } = recorder.toJSON();
    expect(routes['/posts/[id]']).toEqual({ pages: 2, ms: 4 + 3 + 5 });
    expect(routes['/tags/[tag]/[...page]']).toEqual({ pages: 1, ms: 3 + 2 });
    expect(marks['first page']).toBe(100);
    expect(marks['last page']).toBe(125);
  });

  it('keeps the last end as the last page even when an earlier-started page ends last', () => {
    const recorder = new BuildTimelineRecorder();
    const long = recorder.pageStarted('/', 0);
    const short = recorder.pageStarted('/search', 1);
    recorder.pageEnded(long, 9);
    recorder.pageEnded(short, 5);
    expect(recorder.toJSON().marks['last page']).toBe(9);
  });

  it('keeps the first time of a mark, and ignores a render it never saw start', () => {
    const recorder = new BuildTimelineRecorder();
    recorder.mark('build start', 5);
    recorder.mark('build start', 9);
    recorder.pageEnded(42, 10);
    expect(recorder.toJSON()).toEqual({ marks: { 'build start': 5 }, routes: {} });
  });

  it('serialises to the JSON the bench reads', () => {
    const recorder = new BuildTimelineRecorder();
    recorder.mark('exit', 30);
    recorder.pageEnded(recorder.pageStarted('/rss.xml', 10), 12);
    expect(JSON.parse(JSON.stringify(recorder))).toEqual({
      marks: { 'first page': 10, 'last page': 12, exit: 30 },
      routes: { '/rss.xml': { pages: 1, ms: 2 } },
    });
  });
});

describe('the process-wide recorder', () => {
  it('is installed once and found by every copy of the module', () => {
    const installed = installTimelineRecorder();
    expect(installTimelineRecorder()).toBe(installed);
    expect(timelineRecorder()).toBe(installed);
  });
});
