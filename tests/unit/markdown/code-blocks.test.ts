import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { scrollableCodeBlocks } from '../../../src/lib/markdown/code-blocks';

const render = async (markdown: string) => {
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'prism',
    hastPlugins: [scrollableCodeBlocks],
  });
  return (await processor.render(markdown)).code;
};

describe('scrollableCodeBlocks', () => {
  it('puts a highlighted block in the tab order and keeps Prism’s language attribute for the label', async () => {
    const html = await render('```python\nasync def handler():\n    return 1\n```\n');
    expect(html).toMatch(
      /^<pre class="language-python" data-language="python"><code class="language-python" tabindex="0">/,
    );
    expect(html).toContain('<span class="token keyword">async</span>');
  });

  it('treats a fence without a language as plain text, still scrollable', async () => {
    const html = await render('```\nplain    text\n```\n');
    expect(html).toMatch(/<pre[^>]*data-language="plaintext"[^>]*><code[^>]*tabindex="0"/);
  });

  it('leaves inline code alone', async () => {
    const html = await render('Use `async def` here.\n');
    expect(html.trim()).toBe('<p>Use <code>async def</code> here.</p>');
  });
});
