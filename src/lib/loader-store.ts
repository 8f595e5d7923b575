/**
 * Loader wrappers that change what reaches the content store go through here:
 * the wrapped loader receives a store whose `set` is replaced and whose other
 * methods are the real store's. The glob loader keeps this store for dev-time
 * file changes too, so the replacement applies to every write.
 */
import type { LoaderContext } from 'astro/loaders';

export type StoreEntry = Parameters<LoaderContext['store']['set']>[0];
type Store = LoaderContext['store'];

export function storeWithSet(target: Store, set: (entry: StoreEntry) => boolean): Store {
  return new Proxy(target, { get: (obj, prop) => (prop === 'set' ? set : Reflect.get(obj, prop)) });
}
