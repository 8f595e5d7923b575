import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysePost, type PostFormat } from '../../../src/lib/content/post-source';
import { analyseSourcesInParallel } from '../../../src/lib/content/source-analysis-pool';
import { htmlPolicyViolations } from '../../../src/lib/security/html-policy';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-analysis-pool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const analyse = {
  dateFields: ['pubDate', 'updatedDate'],
  reservedFields: ['bodyWords'],
  plainTextFields: ['deck'],
  components: ['Callout', 'VoteChart'],
};
const htmlPolicy = { embedHosts: ['www.youtube-nocookie.com'] };
const fm = '---\ntitle: "T"\npubDate: 2024-03-12\ntags: [a, b]\n---\n\n';

const formatOf = (file: string): PostFormat => (file.endsWith('.mdx') ? 'mdx' : 'md');

/** Sources that pass and sources that fail each kind of check, in both formats, plus the hostile fixtures. */
const sources: { name: string; format: PostFormat; source: string }[] = [
  { name: 'plain', format: 'md', source: `${fm}Hello *world*.\n\n\`\`\`js\nconst a = 1;\n\`\`\`\n` },
  { name: 'plain-mdx', format: 'mdx', source: `${fm}A paragraph with [a link](/posts/x/).\n` },
  { name: 'component', format: 'mdx', source: `${fm}<Callout>Note</Callout>\n\n<VoteChart survey="x" />\n` },
  { name: 'unknown-component', format: 'mdx', source: `${fm}<Missing />\n` },
  { name: 'syntax-error', format: 'mdx', source: `${fm}An { unclosed expression\n` },
  { name: 'bad-date', format: 'md', source: '---\ntitle: T\npubDate: 12/03/2024\n---\n\nBody.\n' },
  { name: 'no-frontmatter', format: 'md', source: 'Body only.\n' },
  { name: 'script', format: 'md', source: `${fm}Text\n\n<script>alert(1)</script>\n` },
  { name: 'iframe', format: 'mdx', source: `${fm}<iframe src="https://evil.example/x"></iframe>\n` },
  { name: 'handler', format: 'md', source: `${fm}<img src="x.png" alt="" onerror="alert(1)">\n` },
  { name: 'control', format: 'md', source: `${fm}one \u001b two\n` },
  ...readdirSync('tests/fixtures/hostile/posts').map((file) => ({
    name: file,
    format: formatOf(file),
    source: readFileSync(join('tests/fixtures/hostile/posts', file), 'utf8'),
  })),
];

function writeSources(copies: number): { file: string; format: PostFormat }[] {
  return Array.from({ length: copies }, (_, copy) =>
    sources.map(({ name, format, source }) => {
      const file = join(dir, `${copy}-${name}.${format}`);
      writeFileSync(file, source);
      return { file, format };
    }),
  ).flat();
}

describe("the posts loader's parse and HTML policy on worker threads (src/lib/content/source-analysis-pool.ts)", () => {
  it('gives every post the analysis and policy problems this thread gives it, across several threads', async () => {
    const posts = writeSources(30);
    const analyses = analyseSourcesInParallel(posts, analyse, htmlPolicy, 2);
    expect([...analyses.keys()]).toEqual(posts.map((post) => post.file));
    let problems = 0;
    for (const { file, format } of posts) {
      const source = readFileSync(file, 'utf8');
      const here = analysePost(source, format, analyse);
      const there = await analyses.get(file)!;
      expect(there.file).toBe(file);
      expect(there.source).toBe(source);
      // Dates, problems with their lines, the body and the word counts all cross the thread intact.
      expect(there.post).toEqual(here);
      expect(there.policyProblems).toEqual(here.parsed ? htmlPolicyViolations(source, format, htmlPolicy) : []);
      problems += there.post.problems.length + there.policyProblems.length;
    }
    // The sample holds real failures of every kind, not only clean posts.
    expect(problems).toBeGreaterThanOrEqual(30 * 7);
    const plain = await analyses.get(posts[0]!.file)!;
    expect(plain.post.data.pubDate).toEqual(new Date('2024-03-12'));
  });

  it("rejects the posts a thread could not read, naming the error, and still reports the other thread's", async () => {
    const posts = writeSources(20);
    const missing = join(dir, 'gone.md');
    // The missing file sits in the second thread's run, so the first thread's posts are unaffected.
    const withMissing = [...posts, { file: missing, format: 'md' as const }];
    const analyses = analyseSourcesInParallel(withMissing, analyse, htmlPolicy, 2);
    await expect(analyses.get(missing)!).rejects.toThrow(/ENOENT/);
    await expect(analyses.get(posts[0]!.file)!).resolves.toMatchObject({ file: posts[0]!.file });
  });
});
