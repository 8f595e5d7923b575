/**
 * The worker a build ships when SERVICE_WORKER=off (the kill switch). A reader
 * whose browser still runs an earlier worker gets this file at its next update
 * check (every navigation: the worker is served with Cache-Control: no-cache);
 * it takes over at once, deletes this site's caches and unregisters, and the
 * pages go back to plain network loads. Caches of other sites on the same
 * origin (GitHub Pages project sites) carry another scope and stay.
 */
import { isOwnCache } from '../lib/offline/names';

interface RetiringScope {
  registration: { scope: string; unregister(): Promise<boolean> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: { waitUntil(work: Promise<unknown>): void }) => void,
  ): void;
}
const worker = self as unknown as RetiringScope;

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const scope = worker.registration.scope;
      const names = (await caches.keys()).filter((name) => isOwnCache(name, scope));
      await Promise.all(names.map((name) => caches.delete(name)));
      await worker.registration.unregister();
    })(),
  );
});
