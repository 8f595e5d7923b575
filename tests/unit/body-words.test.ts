import { describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { BODY_WORDS, bodyWordsOf, countBodyWordsAtSync } from '../../src/lib/body-words';
import { computeReadingTime } from '../../src/lib/reading-time';

type Entry = Parameters<LoaderContext['store']['set']>[0];

/** Runs a wrapped loader whose inner loader writes `entries`, and returns what reached the store. */
async function load(entries: Entry[]): Promise<Entry[]> {
  const stored: Entry[] = [];
  const inner: Loader = {
    name: 'fake',
    load: async ({ store }) => {
      for (const entry of entries) store.set(entry);
    },
  };
  const store = { set: (entry: Entry) => (stored.push(entry), true), get: () => undefined } as unknown as LoaderContext['store'];
  await countBodyWordsAtSync(inner).load({ store } as LoaderContext);
  return stored;
}

describe('countBodyWordsAtSync: the store keeps a word count instead of the body', () => {
  const body = 'import X from "./x.astro";\n\n## Heading\n\nOne *two* three.\n\n<Callout>four five</Callout>\n\n```ts\nconst six = 6;\n```\n';
  it('drops the body and stores the count reading time would have made from it', async () => {
    const [entry] = await load([{ id: 'a', data: { title: 'T' }, body, filePath: 'posts/a.mdx', digest: 'd' }]);
    expect(entry).not.toHaveProperty('body');
    expect(entry!.data).toEqual({ title: 'T', [BODY_WORDS]: computeReadingTime(body).words });
    expect(entry).toMatchObject({ id: 'a', filePath: 'posts/a.mdx', digest: 'd' });
    expect(bodyWordsOf(entry as { id: string; data: object })).toBe(computeReadingTime(body).words);
  });
  it('leaves entries without a body (data files) as they are', async () => {
    const entry = { id: 'b', data: { name: 'N' } };
    expect(await load([entry])).toEqual([entry]);
  });
  it('refuses to guess when the count is missing, naming the file', () => {
    expect(() => bodyWordsOf({ id: 'c', filePath: 'src/content/posts/c.mdx', data: {} })).toThrow(/src\/content\/posts\/c\.mdx: no body word count/);
  });
});
