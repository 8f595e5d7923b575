/**
 * MDX only where MDX is needed. An `.mdx` post that uses no MDX syntax (no
 * component, import/export, expression or HTML) renders exactly as Markdown
 * would, but as MDX it becomes a JavaScript module that Vite/Rolldown must
 * compile and bundle: at 10,000 posts that bundle dominated the build's time
 * and memory (docs/benchmarks.md). This loader wrapper renders such posts with
 * the Markdown pipeline during content sync, as `.md` files are, and leaves
 * every post that does use MDX to @astrojs/mdx.
 *
 * Set PLAIN_MDX_AS_MARKDOWN=0 to turn it off (for comparison benchmarks).
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { storeWithSet, type StoreEntry } from './loader-store';

/** Fenced code blocks (``` or ~~~) and inline code spans: their content is literal in both formats. */
function stripCode(body: string): string {
  return body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\S\n]*$/gm, '').replace(/`+[^`\n]*`+/g, '');
}

/**
 * True when MDX and Markdown read this body the same way: nothing MDX treats
 * as code or JSX (`<`, `{`, `}`, import/export lines) and no indented code
 * (Markdown's indented code block is a paragraph in MDX).
 */
export function isPlainMarkdown(body: string): boolean {
  const text = stripCode(body);
  if (/[<{}]/.test(text)) return false;
  if (/^\s*(import|export)\s/m.test(text)) return false;
  if (/^( {4,}|\t)\S/m.test(text)) return false;
  return true;
}

type RenderFunction = (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<StoreEntry['rendered']>;

/** Astro passes the registered content entry types to loaders (the glob loader reads them); not in the public type. */
type ContextWithEntryTypes = LoaderContext & {
  entryTypes?: Map<string, { getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction> }>;
};

export function plainMdxAsMarkdown(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const markdown = (context as ContextWithEntryTypes).entryTypes?.get('.md');
      if (process.env.PLAIN_MDX_AS_MARKDOWN === '0' || !markdown?.getRenderFunction) return loader.load(context);
      let renderer: Promise<RenderFunction> | undefined;
      const pending: Promise<void>[] = [];
      const target = context.store;
      const set = (entry: StoreEntry): boolean => {
        const { filePath, body, deferredRender } = entry;
        if (!deferredRender || !filePath?.endsWith('.mdx') || body === undefined || !isPlainMarkdown(body)) return target.set(entry);
        pending.push(
          (async () => {
            try {
              const render = await (renderer ??= markdown.getRenderFunction!(context.config));
              const rendered = await render({
                id: entry.id,
                data: entry.data,
                body,
                filePath: fileURLToPath(new URL(filePath, context.config.root)),
                digest: String(entry.digest ?? ''),
              });
              // MDX output ends at the last block's closing tag; match it byte for byte.
              if (rendered) rendered.html = rendered.html.trimEnd();
              const { deferredRender: _deferred, ...rest } = entry;
              target.set({ ...rest, ...(rendered ? { rendered } : {}), ...(rendered?.metadata?.imagePaths ? { assetImports: rendered.metadata.imagePaths } : {}) });
            } catch (error) {
              // Whatever Markdown cannot do, MDX still can.
              context.logger.debug(`${filePath}: rendering as Markdown failed (${String(error)}); using MDX`);
              target.set(entry);
            }
          })(),
        );
        return true;
      };
      await loader.load({ ...context, store: storeWithSet(target, set) });
      await Promise.all(pending);
    },
  };
}
