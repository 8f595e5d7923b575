/**
 * glob() for content.config.ts, with dev-time error reporting; see
 * src/lib/content-errors.ts for why. Without a watcher (`astro build`,
 * `astro sync`) it is exactly glob().
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseLoaderLog, plainMessage, registry } from './content-errors';

type GlobOptions = Parameters<typeof glob>[0];

function wrapLogger(logger: LoaderContext['logger'], baseDir: string): LoaderContext['logger'] {
  const wrapped = Object.create(logger) as LoaderContext['logger'];
  wrapped.error = (message: string) => {
    const parsed = parseLoaderLog('error', message);
    if (parsed) {
      const file = resolve(baseDir, parsed.entry);
      registry().set(file, { file, message: parsed.message ?? '' });
    }
    logger.error(message);
  };
  wrapped.info = (message: string) => {
    const parsed = parseLoaderLog('info', message);
    if (parsed) registry().delete(resolve(baseDir, parsed.entry));
    logger.info(message);
  };
  return wrapped;
}

function errorFile(error: unknown, fallback: string): string {
  const file = (error as { loc?: { file?: unknown } } | null)?.loc?.file;
  return typeof file === 'string' && file ? file : fallback;
}

/** glob() with dev-time error reporting; a drop-in for `glob(options)` in content.config.ts. */
export function globWithDevErrors(options: GlobOptions): Loader {
  const inner = glob(options);
  const base = typeof options.base === 'string' ? options.base : options.base ? fileURLToPath(options.base) : '.';
  return {
    ...inner,
    load: async (context: LoaderContext) => {
      if (!context.watcher) return inner.load(context);
      const baseDir = isAbsolute(base) ? base : resolve(fileURLToPath(context.config.root), base);
      const withLogger = { ...context, logger: wrapLogger(context.logger, baseDir) };
      const collectionKey = `collection:${context.collection}`;
      const attempt = async (): Promise<boolean> => {
        try {
          await inner.load(withLogger);
          registry().delete(collectionKey);
          return true;
        } catch (error) {
          const file = errorFile(error, baseDir);
          const message = plainMessage(error instanceof Error ? error.message : String(error));
          registry().set(collectionKey, { file, message, collection: context.collection });
          context.logger.error(`${relative(process.cwd(), file) || file}: ${message}`);
          return false;
        }
      };
      if (await attempt()) return;
      // The glob loader only starts watching after a successful first load; until then, retry on each change.
      const watcher = context.watcher;
      let running: Promise<void> | undefined;
      let again = false;
      const retry = (changed: string) => {
        if (!resolve(changed).startsWith(join(baseDir, '/'))) return;
        if (running) {
          again = true;
          return;
        }
        running = (async () => {
          do {
            again = false;
            if (await attempt()) {
              watcher.off('change', retry);
              watcher.off('add', retry);
              watcher.off('unlink', retry);
              context.logger.info(`Loaded ${context.collection} after the error was fixed`);
              return;
            }
          } while (again);
        })().finally(() => (running = undefined));
      };
      watcher.add(baseDir);
      watcher.on('change', retry);
      watcher.on('add', retry);
      watcher.on('unlink', retry);
    },
  };
}
